using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Console;
using OvopBot.ChatExports;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Exports;

namespace OvopBot.Tests.ChatExports;

/// <summary>
/// An admin asks for an export in the chat (through the real processor, flows and SQLite); the export worker makes
/// the XLSX and queues it as a document — or says where it is when it is too large — exactly once.
/// </summary>
public sealed class ChatExportTests : IDisposable
{
    private readonly ExportBench _bench;
    private readonly string _folder;

    public ChatExportTests() : this(null)
    {
    }

    private ChatExportTests(IDictionary<string, string>? settings, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ovop-chat-exports-" + Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string> { ["ChatExports:Folder"] = folder };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _bench = new ExportBench(all, configure);
        _folder = folder;
    }

    private Tests.TestSupport.BotHarness Bot => _bench.Bot;

    private static ChatExportTests With(string key, string value) => new(new Dictionary<string, string> { [key] = value });

    private async Task GrantAsync(string address, StaffRole role, string region) =>
        await Bot.Get<RoleStore>().GrantAsync(new ContactRef("console", address), role, region, "test", CancellationToken.None, Bot.Time.GetUtcNow());

    private Task<int> RunWorkerAsync() => Bot.Get<ChatExportService>().RunPendingAsync(CancellationToken.None);

    /// <summary>What the outbox holds for the person, oldest first.</summary>
    private List<OutboundMessage> Outbox(string address)
    {
        using var connection = Bot.Database.Open();
        return connection.Query<string>(
                "SELECT o.payload_json FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address ORDER BY o.id",
                new { address })
            .Select(json => JsonSerializer.Deserialize<OutboundMessage>(json, SessionStore.Json)!)
            .ToList();
    }

    private int Requests(string? status = null)
    {
        using var connection = Bot.Database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM chat_exports WHERE @status IS NULL OR status = @status", new { status });
    }

    [Fact]
    public async Task An_admin_gets_the_submissions_of_a_chosen_regency_as_an_XLSX_document_once_even_after_a_restart()
    {
        await _bench.ReplayAsync();
        await GrantAsync("admin", StaffRole.Admin, "53");

        var kinds = Assert.Single(await Bot.SayAsync("EKSPOR", from: "admin"));
        var areas = string.Join("\n", await Bot.SayAsync("1.", from: "admin"));
        var queued = Assert.Single(await Bot.SayAsync("1", from: "admin"));
        Bot.Restart();
        var answered = await RunWorkerAsync();
        var again = await RunWorkerAsync();

        Assert.Contains("1. Pengajuan desa", kinds, StringComparison.Ordinal);
        Assert.Contains("0. Semua: Nusa Tenggara Timur", areas, StringComparison.Ordinal);
        Assert.Contains("1. Kabupaten Kupang", areas, StringComparison.Ordinal);
        Assert.Contains("File pengajuan desa untuk Kabupaten Kupang sedang dibuat", queued, StringComparison.Ordinal);
        Assert.Equal((1, 0), (answered, again));
        var document = Outbox("admin").Last();
        Assert.StartsWith("Ekspor pengajuan desa, Kabupaten Kupang: 1 baris, dibuat ", document.Text, StringComparison.Ordinal);
        Assert.NotNull(document.DocumentPath);
        Assert.StartsWith(_folder, document.DocumentPath, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(document.DocumentPath!, false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var rows = XlsxExportTests.Rows(workbook.WorkbookPart, sheet);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows[1], c => XlsxExportTests.Text(c) == "OVOP-5301082006-1");
        Assert.Contains(rows[0], c => XlsxExportTests.Text(c) == "Nomor referensi");
        Assert.Equal(1, Requests("sent"));
    }

    [Fact]
    public async Task A_sloppy_kind_a_typed_region_code_and_English_headers_for_an_admin_who_chose_English()
    {
        await _bench.ReplayAsync();
        await GrantAsync("admin", StaffRole.Admin, "53.01");
        await Bot.SayAsync("halo", from: "admin");
        using (var connection = Bot.Database.Open())
        {
            connection.Execute("UPDATE contacts SET language = 'en' WHERE address = 'admin'");
        }

        Assert.Contains("1. Village submissions", Assert.Single(await Bot.SayAsync("EXPORT", from: "admin")), StringComparison.Ordinal);
        await Bot.SayAsync("tiga", from: "admin");
        Assert.Contains("conversations file for Kupang Tengah", Assert.Single(await Bot.SayAsync("53.01.08", from: "admin")), StringComparison.Ordinal);
        await RunWorkerAsync();

        var document = Outbox("admin").Last();
        Assert.StartsWith("Export of conversations, Kupang Tengah: ", document.Text, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(document.DocumentPath!, false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var rows = XlsxExportTests.Rows(workbook.WorkbookPart, sheet);
        Assert.Contains(rows[0], c => XlsxExportTests.Text(c) == "Direction");
        Assert.Contains(rows.Skip(1), r => r.Any(c => XlsxExportTests.Text(c) == "Kopi Arabika"));
    }

    [Fact]
    public async Task An_admin_cannot_export_beyond_their_scope_and_BATAL_stops_the_dialog()
    {
        await GrantAsync("admin", StaffRole.Admin, "53.04");

        await Bot.SayAsync("EKSPOR", from: "admin");
        await Bot.SayAsync("1", from: "admin");
        var outside = Assert.Single(await Bot.SayAsync("53.01.08", from: "admin"));
        var unclear = Assert.Single(await Bot.SayAsync("kopi", from: "admin"));
        var cancelled = Assert.Single(await Bot.SayAsync("BATAL", from: "admin"));

        Assert.Contains("di luar wilayah Bapak/Ibu", outside, StringComparison.Ordinal);
        Assert.Contains("Mohon balas dengan angka", unclear, StringComparison.Ordinal);
        Assert.Equal("Ekspor dibatalkan.", cancelled);
        Assert.Equal(0, Requests());
    }

    [Theory]
    [InlineData(StaffRole.Facilitator)]
    [InlineData(null)]
    public async Task Someone_who_is_not_an_admin_typing_EKSPOR_gets_what_anyone_without_the_role_gets(StaffRole? role)
    {
        if (role is { } r)
        {
            await GrantAsync("person", r, "53.01");
        }

        await Bot.SayAsync("halo", from: "person");
        await Bot.SayAsync("halo", from: "other");

        var replies = await Bot.SayAsync("EKSPOR", from: "person");
        var asAnyone = await Bot.SayAsync("EKSPOR", from: "other");

        Assert.Equal(asAnyone, replies);
        Assert.DoesNotContain(replies, t => t.Contains("Ekspor data", StringComparison.Ordinal));
        Assert.Equal(0, Requests());
    }

    [Fact]
    public async Task A_region_with_nothing_to_export_gets_a_message_and_no_file()
    {
        await GrantAsync("admin", StaffRole.Admin, "53.04");

        await Bot.SayAsync("EKSPOR", from: "admin");
        await Bot.SayAsync("2", from: "admin");
        await Bot.SayAsync("0", from: "admin");
        await RunWorkerAsync();

        var answer = Outbox("admin").Last();
        Assert.Equal("Belum ada data permintaan pelatihan dan dana untuk Kabupaten Belu. Tidak ada file yang dikirim.", answer.Text);
        Assert.Null(answer.DocumentPath);
        Assert.Empty(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : []);
        Assert.Equal(1, Requests("empty"));
    }

    [Fact]
    public async Task A_file_larger_than_the_chat_takes_stays_on_the_server_and_the_admin_is_told_where_and_how_to_make_it()
    {
        using var tests = With("ChatExports:MaxFileMegabytes", "0.001");
        await tests._bench.ReplayAsync();
        await tests.GrantAsync("admin", StaffRole.Admin, "53.01.08");

        await tests.Bot.SayAsync("EKSPOR", from: "admin");
        Assert.Contains("sedang dibuat", Assert.Single(await tests.Bot.SayAsync("3", from: "admin")), StringComparison.Ordinal); // a district admin picks no area
        await tests.RunWorkerAsync();

        var answer = tests.Outbox("admin").Last();
        Assert.Null(answer.DocumentPath);
        Assert.Contains("terlalu besar untuk chat", answer.Text, StringComparison.Ordinal);
        Assert.Contains("batas 0,001 MB", answer.Text, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/OvopBot -- export conversations --format xlsx --region 53.01.08", answer.Text, StringComparison.Ordinal);
        var path = answer.Text.Split('\n')[0].Split("server: ")[1];
        Assert.True(File.Exists(path), path);
        Assert.Equal(1, tests.Requests("too_large"));
    }

    [Fact]
    public async Task The_channel_s_own_document_limit_applies_without_any_configuration()
    {
        var sender = Substitute.For<IChannelSender>();
        sender.Channel.Returns("console");
        sender.MaxDocumentBytes.Returns(100);
        using var tests = new ChatExportTests(null, services => services.AddSingleton(sender));
        await tests._bench.ReplayAsync();
        await tests.GrantAsync("admin", StaffRole.Admin, "53.01.08");

        await tests.Bot.SayAsync("EKSPOR", from: "admin");
        await tests.Bot.SayAsync("1", from: "admin");
        await tests.RunWorkerAsync();

        Assert.Contains("terlalu besar untuk chat", tests.Outbox("admin").Last().Text, StringComparison.Ordinal);
        Assert.Equal(1, tests.Requests("too_large"));
    }

    [Fact]
    public async Task An_export_that_fails_is_answered_with_an_apology_not_silence()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "ovop-not-a-folder-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "a file where the export folder should be");
        try
        {
            using var tests = With("ChatExports:Folder", blocker);
            await tests.GrantAsync("admin", StaffRole.Admin, "53.01.08");
            await tests.Bot.SayAsync("EKSPOR", from: "admin");
            await tests.Bot.SayAsync("4", from: "admin");

            Assert.Equal(1, await tests.RunWorkerAsync());

            Assert.StartsWith("Maaf, file kontak untuk Kupang Tengah gagal dibuat.", tests.Outbox("admin").Last().Text, StringComparison.Ordinal);
            Assert.Equal(1, tests.Requests("failed"));
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task On_the_console_the_file_is_made_before_the_next_line_is_read()
    {
        using var tests = new ChatExportTests(null, services =>
        {
            services.AddSingleton(new ConsoleInputParser(Path.GetTempPath()));
            services.AddSingleton<ConsoleConversation>();
        });
        await tests._bench.ReplayAsync();
        await tests.GrantAsync("admin", StaffRole.Admin, "53.01.08");
        using var output = new StringWriter();

        await tests.Bot.Get<ConsoleConversation>().RunAsync(new StringReader("EKSPOR\n1\n"), output, "admin", showPrompt: false, CancellationToken.None);

        var printed = output.ToString();
        Assert.Contains("Ekspor pengajuan desa, Kupang Tengah: 1 baris", printed, StringComparison.Ordinal);
        Assert.Contains($"[file: {tests._folder}", printed, StringComparison.Ordinal);
        Assert.Equal(1, tests.Requests("sent"));
    }

    [Fact]
    public void Files_older_than_KeepFor_are_deleted_and_newer_ones_kept()
    {
        Directory.CreateDirectory(_folder);
        var old = Path.Combine(_folder, "ovop-submissions-53-20261101-0900-1.xlsx");
        var recent = Path.Combine(_folder, "ovop-submissions-53-20261122-0900-2.xlsx");
        File.WriteAllText(old, "old");
        File.WriteAllText(recent, "recent");
        var now = Bot.Time.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(old, now - TimeSpan.FromDays(8));
        File.SetLastWriteTimeUtc(recent, now - TimeSpan.FromDays(1));

        var deleted = Bot.Get<ChatExportService>().DeleteOldFiles();

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    public void Dispose()
    {
        _bench.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
