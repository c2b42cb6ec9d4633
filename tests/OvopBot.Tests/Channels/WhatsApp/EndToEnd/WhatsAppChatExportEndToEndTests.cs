using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Roles;
using OvopBot.Tests.Roles;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

/// <summary>An admin exports from WhatsApp: the real service, its export worker, media upload and a document message to the fake Graph API.</summary>
public sealed class WhatsAppChatExportEndToEndTests
{
    private const string Admin = "6281234567890";

    [Fact]
    public async Task An_admin_types_EKSPOR_and_receives_the_XLSX_as_an_uploaded_document_with_a_caption()
    {
        await using var service = await WhatsAppService.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await service.Services.GetRequiredService<RoleStore>().GrantAsync(new ContactRef("whatsapp", Admin), StaffRole.Admin, "53.01.08", "test",
            CancellationToken.None, now);
        StaffSeed.Respondent(service.Database, "6281200000001", "53.01.08.2006", "submitted", now, channel: "whatsapp");

        var kinds = await service.SayAsync(Admin, id => Text(Admin, id, "ekspor", now));
        var queued = await service.SayAsync(Admin, id => Text(Admin, id, "1", now));
        await WhatsAppService.WaitUntilAsync(() => service.SentTo(Admin).Any(p => (string?)p["type"] == "document"), "the export document");

        Assert.Contains("1. Pengajuan desa", WhatsAppService.TextOf(Assert.Single(kinds)), StringComparison.Ordinal);
        Assert.Contains("sedang dibuat", WhatsAppService.TextOf(queued[0]), StringComparison.Ordinal);
        var document = service.SentTo(Admin).Single(p => (string?)p["type"] == "document")["document"]!;
        Assert.StartsWith("Ekspor pengajuan desa, Kupang Tengah: 1 baris", (string)document["caption"]!, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", (string)document["filename"]!, StringComparison.Ordinal);
        var upload = Assert.Single(service.Graph.Uploads);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", upload.Type);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(upload.Bytes), false);
        Assert.NotNull(workbook.WorkbookPart);
    }
}
