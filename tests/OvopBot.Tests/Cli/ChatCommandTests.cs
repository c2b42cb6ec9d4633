using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Cli;

/// <summary>The real program, driven through piped standard input as a script would.</summary>
public sealed class ChatCommandTests
{
    /// <summary>The happy-path answers, one console line each (photo and location in the console's syntax).</summary>
    internal static string[] WholeRegistration(string photoPath) =>
    [
        "halo", "ya", "Oelnasi", "1", "1", "Yohanes Nope", "0812-3456-7890", "Kopi Arabika", "2", "3",
        "Kopi sangrai dari kebun warga", "Biji kopi", "1", "2", "Juni - Agustus", "1", "1.500", "1,3", "50 ribu", "1",
        "40", "25", "5", "0", "1", "BUMDes Sehati", "12", "3", "1", "2,3", "1", "3", "1 3", "20", "Rp 2,5 jt", "Mesin sangrai",
        $":photo {photoPath}", ":location -10.1772,123.6070", "0",
    ];

    [Fact]
    public async Task A_piped_conversation_leaves_a_submitted_record_with_every_field()
    {
        using var temp = new TempDirectory();
        var photo = temp.File("kopi.jpg");
        await File.WriteAllBytesAsync(photo, [0xFF, 0xD8, 0xFF, 0xD9]);
        var database = temp.File("ovopbot.db");
        using var bot = BotProcess.Start(database, "chat", "--from", "script-1");

        var (output, error, exitCode) = await bot.RunToEndAsync(WholeRegistration(photo));

        Assert.True(exitCode == 0, error);
        Assert.Contains("Nomor referensi: OVOP-", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("> ", StringComparison.Ordinal)); // no prompt when piped
        using var connection = new SqliteConnection($"Data Source={database}");
        var submission = connection.QuerySingle<(string Status, string Reference, string AnswersJson)>(
            "SELECT status, reference, answers_json FROM submissions");
        Assert.Equal("submitted", submission.Status);
        var answers = JsonNode.Parse(submission.AnswersJson)!.AsObject();
        string[] fields =
        [
            "consent", "respondent.role", "respondent.name", "respondent.phone", "village", "product.name",
            "product.category", "product.stage", "product.description", "resources.raw_material",
            "resources.raw_material_source", "resources.availability", "resources.season_months",
            "resources.capacity_unit", "resources.capacity_per_month", "resources.producers",
            "resources.producers_women", "resources.manager", "resources.bpjs_workers", "challenges", "support.type",
            "market.sales_channels", "market.price_per_unit", "market.certificates", "people.youth", "people.returned_migrants",
            "people.group_name", "people.group_members", "people.musdes_decided", "support.received",
            "support.training.topics", "support.training.participants", "support.funding.amount",
            "support.funding.purpose", "photo", "location",
        ];
        Assert.All(fields, f => Assert.True(answers[f] is not null, $"field {f} is missing or empty"));
        Assert.True(File.Exists(answers["photo"]!["path"]!.GetValue<string>()));
        Assert.Equal(-10.1772, answers["location"]!["lat"]!.GetValue<double>(), 4);
    }

    [Fact]
    public async Task Killing_the_process_mid_conversation_loses_no_answer_and_repeats_no_reply()
    {
        using var temp = new TempDirectory();
        var photo = temp.File("kopi.jpg");
        await File.WriteAllBytesAsync(photo, [0xFF, 0xD8, 0xFF, 0xD9]);
        var database = temp.File("ovopbot.db");
        var lines = WholeRegistration(photo);

        // First run: answer up to the product question, then kill -9 right after the bot asked it.
        using (var first = BotProcess.Start(database, "chat", "--from", "kill-1"))
        {
            foreach (var line in lines[..7])
            {
                await first.Input.WriteLineAsync(line);
            }

            await first.Input.FlushAsync();
            Assert.True(await first.WaitForOutputAsync("produk unggulan desa?"));
            first.Kill();
        }

        // Second run carries on where the first stopped.
        using (var second = BotProcess.Start(database, "chat", "--from", "kill-1"))
        {
            var (output, error, exitCode) = await second.RunToEndAsync(lines[7..]);
            Assert.True(exitCode == 0, error);
            Assert.Contains("Nomor referensi: OVOP-", output, StringComparison.Ordinal);
        }

        using var connection = new SqliteConnection($"Data Source={database}");
        Assert.Equal(lines.Length, connection.ExecuteScalar<long>("SELECT count(*) FROM inbound_messages WHERE processed_at IS NOT NULL"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM outbound_messages WHERE status <> 'sent'"));
        // Exactly one consent question was ever stored, however the kill fell.
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM outbound_messages WHERE text LIKE '%Bapak/Ibu setuju?%'"));
        var answers = JsonNode.Parse(connection.QuerySingle<string>("SELECT answers_json FROM submissions"))!.AsObject();
        Assert.Equal("Yohanes Nope", answers["respondent.name"]!.GetValue<string>());
        Assert.Equal("Kopi Arabika", answers["product.name"]!.GetValue<string>());
    }
}
