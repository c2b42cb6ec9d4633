using Dapper;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Exports;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;
using OvopBot.Tests.Transcripts;

namespace OvopBot.Tests.Exports;

/// <summary>
/// The real stack with the export service, plus two ways to fill it: replaying a transcript as a village head would
/// chat, and inserting rows directly (villages with official codes, many messages) where a conversation would be slow.
/// </summary>
public sealed class ExportBench : IDisposable
{
    private long _seeded;

    /// <param name="settings">More configuration for the stack (<c>Section:Key</c> → value).</param>
    /// <param name="configure">More services (a channel sender, say).</param>
    public ExportBench(IDictionary<string, string>? settings = null, Action<IServiceCollection>? configure = null) =>
        Bot = new BotHarness(configure, settings);

    public BotHarness Bot { get; }

    public ExportService Exports => Bot.Get<ExportService>();

    public string File(string name) => Path.Combine(Bot.TempPath, name);

    /// <summary>Says every line of a transcript (media paths resolved against its folder).</summary>
    public async Task ReplayAsync(string transcript = "ovop-registration/happy-path.yaml")
    {
        var path = Path.Combine(TranscriptTests.Folder, transcript);
        var folder = Path.GetDirectoryName(path)!;
        foreach (var step in Transcript.Load(path).Steps)
        {
            if (step.Say is { } line)
            {
                if (line.StartsWith(":photo ", StringComparison.Ordinal))
                {
                    line = ":photo " + Path.Combine(folder, line[":photo ".Length..]);
                }

                await Bot.SayAsync(line);
            }
        }
    }

    /// <summary>Inserts a person with a submission for a village; returns the contact id.</summary>
    public long Village(string? code, string name, string status, DateTimeOffset at, IDictionary<string, object?>? answers = null)
    {
        var id = ++_seeded;
        var json = new Dictionary<string, object?>
        {
            ["respondent.role"] = "village_head",
            ["respondent.name"] = $"Kepala {name}",
            ["village"] = code is null ? new { name } : new { code, name },
            ["product.name"] = "Madu hutan",
            ["support.type"] = "funding",
            ["support.funding.amount"] = 15000000m,
        };
        foreach (var (key, value) in answers ?? new Dictionary<string, object?>())
        {
            json[key] = value;
        }

        var time = DbTime.Write(at);
        using var connection = Bot.Database.Open();
        var contact = connection.ExecuteScalar<long>(
            "INSERT INTO contacts (channel, address, phone, created_at, last_inbound_at) VALUES ('whatsapp', @address, @phone, @time, @time) RETURNING id",
            new { address = $"62812000{id:D4}", phone = $"+62812000{id:D4}", time });
        var submission = connection.ExecuteScalar<long>(
            """
            INSERT INTO submissions (contact_id, village_code, village_name, status, reference, revision, answers_json, started_at, submitted_at, updated_at)
            VALUES (@contact, @code, @name, @status, @reference, @revision, @json, @time, @submitted, @time) RETURNING id
            """,
            new
            {
                contact, code, name, status, json = System.Text.Json.JsonSerializer.Serialize(json), time,
                reference = status == "submitted" ? $"OVOP-SEED-{id}" : null,
                revision = status == "submitted" ? 1 : 0,
                submitted = status == "submitted" ? time : null,
            });
        connection.Execute(
            "INSERT INTO sessions (contact_id, flow_id, status, submission_id, state_json, started_at, updated_at) VALUES (@contact, 'ovop-registration', 'Active', @submission, '{}', @time, @time)",
            new { contact, submission, time });
        return contact;
    }

    /// <summary>Inserts <paramref name="count"/> messages from the person, alternating inbound and outbound, a second apart.</summary>
    public void Messages(long contact, int count, DateTimeOffset from)
    {
        using var connection = Bot.Database.Open();
        using var transaction = connection.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            var time = DbTime.Write(from.AddSeconds(i));
            var text = $"Pesan nomor {i} tentang kopi, madu, dan \"tenun\"";
            if (i % 2 == 0)
            {
                connection.Execute(
                    "INSERT INTO inbound_messages (channel, external_id, contact_id, kind, text, received_at, processed_at, node_id) VALUES ('whatsapp', @id, @contact, 'Text', @text, @time, @time, 'product_name')",
                    new { id = $"seed-{contact}-{i}", contact, text, time }, transaction);
            }
            else
            {
                connection.Execute(
                    "INSERT INTO outbound_messages (contact_id, channel, address, kind, text, payload_json, node_id, status, next_attempt_at, created_at) VALUES (@contact, 'whatsapp', 'x', 0, @text, '{}', 'product_category', 'sent', @time, @time)",
                    new { contact, text, time }, transaction);
            }
        }

        transaction.Commit();
    }

    public void Dispose() => Bot.Dispose();
}
