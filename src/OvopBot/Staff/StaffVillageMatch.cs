using System.Globalization;
using OvopBot.Channels.Abstractions;
using OvopBot.Regions;

namespace OvopBot.Staff;

/// <summary>
/// COCOKKAN in the chat: alone, the villages people typed that wait for their official code (8 at most, oldest
/// first); with "ID CODE", gives registration ID that village (a code inside the facilitator's scope).
/// </summary>
public sealed class StaffVillageMatch(UnmatchedVillages villages)
{
    private const int Shown = 8;

    public async Task<StaffAnswer?> TryAnswerAsync(StaffContext ctx, StaffState state, string text, CancellationToken cancellationToken)
    {
        if (!ctx.Flow.StaffCommands.TryGetValue("match", out var perLanguage))
        {
            return null;
        }

        var trimmed = text.Trim().TrimStart('/');
        var keyword = perLanguage.Values.SelectMany(k => k).FirstOrDefault(k =>
            trimmed.StartsWith(k, StringComparison.OrdinalIgnoreCase) && (trimmed.Length == k.Length || char.IsWhiteSpace(trimmed[k.Length])));
        if (keyword is null)
        {
            return null;
        }

        var words = trimmed[keyword.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new StaffAnswer(await ListAsync(ctx, cancellationToken), state.Closed());
        }

        var values = new Dictionary<string, string> { ["id"] = words[0].TrimStart('#'), ["code"] = words.Length > 1 ? words[1] : "" };
        if (words.Length != 2 || !long.TryParse(values["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Say(ctx, state, "staff_match_usage", values);
        }

        var refusal = await villages.MatchAsync(id, words[1], ctx.Scopes, cancellationToken);
        return Say(ctx, state, refusal switch
        {
            null => "staff_match_done",
            MatchRefusal.UnknownRegistration => "staff_match_unknown",
            _ => "staff_match_bad_code",
        }, values);
    }

    private async Task<IReadOnlyList<OutboundMessage>> ListAsync(StaffContext ctx, CancellationToken cancellationToken)
    {
        var list = await villages.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return [new OutboundMessage { Text = ctx.Text("staff_match_none") }];
        }

        var lines = new List<string> { ctx.Text("staff_match_header", new Dictionary<string, string> { ["total"] = list.Count.ToString(CultureInfo.InvariantCulture) }) };
        lines.AddRange(list.Take(Shown).Select(v => ctx.Text("staff_match_line", new Dictionary<string, string>
        {
            ["id"] = v.SubmissionId.ToString(CultureInfo.InvariantCulture),
            ["village"] = v.Typed.Length <= 40 ? v.Typed : v.Typed[..39] + "…",
            ["person"] = v.Person ?? "-",
        })));
        lines.Add(ctx.Text("staff_match_footer"));
        return StaffMessages.Pack(lines);
    }

    private static StaffAnswer Say(StaffContext ctx, StaffState state, string key, IReadOnlyDictionary<string, string> values) =>
        new([new OutboundMessage { Text = ctx.Text(key, values) }], state);
}
