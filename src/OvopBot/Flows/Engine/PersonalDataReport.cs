using System.Globalization;

namespace OvopBot.Flows.Engine;

/// <summary>
/// DATA SAYA: what is stored about the person (contact, consent, the records they answered, how many messages and
/// media files), worded by the flow and packed into messages of at most 500 characters.
/// </summary>
internal static class PersonalDataReport
{
    /// <summary>Long answers (a description) and long platform fields are cut in this report; the whole text is in the record.</summary>
    private const int MaxValueLength = 120;

    public static void Show(EngineStep step)
    {
        var data = step.Context.PersonalData();
        // Without records, consent or proposals only the contact itself is stored (the platform's address and name).
        if (data is null || (data.Records.Count == 0 && data.Consent is null && data.Proposals == 0))
        {
            step.Say(step.T("my_data_none"));
            return;
        }

        var lines = new List<string>
        {
            step.T("my_data_contact", new Dictionary<string, string>
            {
                ["channel"] = data.Channel,
                ["address"] = Cut(data.Address),
                ["name"] = Cut(data.Name ?? "-"),
                ["phone"] = Cut(data.Phone ?? "-"),
            }),
        };
        lines.AddRange((data.OtherContacts ?? []).Select(other => step.T("my_data_other_contact", new Dictionary<string, string>
        {
            ["channel"] = other.Channel,
            ["address"] = Cut(other.Address),
            ["name"] = Cut(other.Name ?? "-"),
            ["phone"] = Cut(other.Phone ?? "-"),
        })));
        if (data.Consent is { } consent)
        {
            lines.Add(step.T("my_data_consent", new Dictionary<string, string>
            {
                ["answer"] = step.T(consent ? "answer_yes" : "answer_no"),
                ["time"] = data.ConsentAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",
                ["version"] = data.ConsentVersion ?? "-",
            }));
        }

        foreach (var record in data.Records)
        {
            lines.Add(step.T("my_data_record", new Dictionary<string, string>
            {
                ["village"] = record.Village ?? "-",
                ["reference"] = record.Reference ?? "-",
            }));
            lines.AddRange(RecordLines.Of(step.Engine, step.Flow, record.Answers, step.State.Language).Select(l =>
                string.Create(CultureInfo.InvariantCulture, $"{l.Number}. {l.Label}: {Cut(l.Value)}")));
        }

        lines.Add(step.T("my_data_counts", new Dictionary<string, string>
        {
            ["messages"] = data.Messages.ToString(CultureInfo.InvariantCulture),
            ["media"] = data.MediaFiles.ToString(CultureInfo.InvariantCulture),
            ["proposals"] = data.Proposals.ToString(CultureInfo.InvariantCulture),
        }));
        lines.Add(step.T("my_data_footer"));
        foreach (var message in MessageRenderer.Pack(lines))
        {
            step.Reply(message);
        }
    }

    private static string Cut(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)].TrimEnd() + "…";
}
