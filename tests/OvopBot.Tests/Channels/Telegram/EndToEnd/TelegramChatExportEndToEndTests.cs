using DocumentFormat.OpenXml.Packaging;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Telegram.EndToEnd;

/// <summary>An admin exports from the Telegram chat: the real service, its export worker and sendDocument against the fake Bot API.</summary>
public sealed class TelegramChatExportEndToEndTests
{
    [Fact]
    public async Task An_admin_types_slash_ekspor_picks_a_kind_and_receives_the_XLSX_as_a_document_with_a_caption()
    {
        using var folder = new TempDirectory();
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var service = new TelegramService(fake);
        using (var database = new SqliteDatabase(service.DatabasePath))
        {
            await new RoleStore(database).GrantAsync(new ContactRef("telegram", "555"), StaffRole.Admin, "53.01.08", "test",
                CancellationToken.None, DateTimeOffset.UtcNow);
            StaffSeed.Respondent(database, "9001", "53.01.08.2006", "submitted", DateTimeOffset.UtcNow);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await service.StartAsync("--ChatExports:Folder", folder.Path);

        fake.PushText(555, "/ekspor");
        await fake.WaitUntilAsync(s => s.SentTo(555).Count == 1);
        fake.PushText(555, "1");
        await fake.WaitUntilAsync(s => s.SentTo(555).Any(m => m.Document is not null));

        var sent = fake.SentTo(555);
        Assert.Contains("1. Pengajuan desa", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("File pengajuan desa untuk Kupang Tengah sedang dibuat", sent[1].Text, StringComparison.Ordinal);
        var document = sent.Single(m => m.Document is not null);
        Assert.StartsWith("Ekspor pengajuan desa, Kupang Tengah: 1 baris", document.Caption, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", document.Document!.FileName, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(document.Document.Content), false);
        Assert.Equal("Data desa", workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }
}
