using Dapper;
using OvopBot.ChatExports;
using OvopBot.Exports;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Roles;

/// <summary>
/// Role changes take effect at once (issue 14): a revoked staff member's broadcast waiting for KIRIM and their export
/// waiting for the worker are refused; exports for facilitators can mask phone numbers, admins see them whole.
/// </summary>
public sealed class RoleChangeTests : IDisposable
{
    private readonly TempDirectory _exports = new();
    private readonly BotHarness _bot;

    public RoleChangeTests()
    {
        _bot = new BotHarness(settings: new Dictionary<string, string> { ["ChatExports:Folder"] = _exports.Path });
    }

    private async Task GrantAsync(string address, StaffRole role, string region) =>
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", address), role, region, "test", CancellationToken.None, _bot.Time.GetUtcNow());

    private Task RevokeAsync(string address, StaffRole role) =>
        _bot.Get<RoleStore>().RevokeAsync(new ContactRef("console", address), role, null, CancellationToken.None);

    private long Count(string sql)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    [Fact]
    public async Task A_facilitator_revoked_between_the_preview_and_KIRIM_sends_nothing()
    {
        StaffSeed.Respondent(_bot.Database, "1", "53.01.08.2006", "draft", _bot.Time.GetUtcNow());
        await GrantAsync("fas", StaffRole.Facilitator, "53.01.08");
        await _bot.SayAsync("SIARAN", from: "fas");
        await _bot.SayAsync("1", from: "fas");
        Assert.Contains("Penerima: 1", string.Join("\n", await _bot.SayAsync("Rapat desa hari Senin.", from: "fas")), StringComparison.Ordinal);

        await RevokeAsync("fas", StaffRole.Facilitator);
        var reply = Assert.Single(await _bot.SayAsync("KIRIM", from: "fas"));

        Assert.Contains("tidak diizinkan", reply, StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT count(*) FROM outbound_messages WHERE broadcast_id IS NOT NULL"));
        Assert.Equal("cancelled", _bot.Database.Open().ExecuteScalar<string>("SELECT status FROM broadcasts"));
    }

    [Fact]
    public async Task A_facilitator_whose_area_changed_before_KIRIM_is_refused_for_the_old_area()
    {
        StaffSeed.Respondent(_bot.Database, "1", "53.01.08.2006", "draft", _bot.Time.GetUtcNow());
        await GrantAsync("fas", StaffRole.Facilitator, "53.01.08");
        await _bot.SayAsync("SIARAN", from: "fas");
        await _bot.SayAsync("1", from: "fas");
        await _bot.SayAsync("Rapat desa hari Senin.", from: "fas");

        await RevokeAsync("fas", StaffRole.Facilitator);
        await GrantAsync("fas", StaffRole.Facilitator, "53.04");

        Assert.Contains("tidak diizinkan", Assert.Single(await _bot.SayAsync("KIRIM", from: "fas")), StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT count(*) FROM outbound_messages WHERE broadcast_id IS NOT NULL"));
    }

    [Fact]
    public async Task An_admin_revoked_before_the_worker_makes_their_export_gets_no_file()
    {
        StaffSeed.Respondent(_bot.Database, "1", "53.01.08.2006", "submitted", _bot.Time.GetUtcNow());
        await GrantAsync("admin", StaffRole.Admin, "53.01.08");
        await _bot.SayAsync("EKSPOR", from: "admin");
        Assert.Contains("sedang dibuat", Assert.Single(await _bot.SayAsync("1", from: "admin")), StringComparison.Ordinal);

        await RevokeAsync("admin", StaffRole.Admin);
        Assert.Equal(1, await _bot.Get<ChatExportService>().RunPendingAsync(CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_exports.Path));
        using var connection = _bot.Database.Open();
        Assert.Equal("refused", connection.ExecuteScalar<string>("SELECT status FROM chat_exports"));
        Assert.Contains("tidak dibuat", connection.ExecuteScalar<string>("SELECT text FROM outbound_messages ORDER BY id DESC LIMIT 1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_for_a_facilitator_masks_phone_numbers_and_the_admins_shows_them_whole()
    {
        using (var connection = _bot.Database.Open())
        {
            var id = StaffSeed.Respondent(_bot.Database, "6281234567890", "53.01.08.2006", "submitted", _bot.Time.GetUtcNow(), channel: "whatsapp");
            connection.Execute("UPDATE contacts SET phone = '+6281234567890', display_name = 'Bapak Yosef' WHERE id = @id", new { id });
        }

        var exports = _bot.Get<ExportService>();
        string Export(bool mask)
        {
            using var output = new MemoryStream();
            exports.ExportToStream(ExportRequest.Of(ExportKind.Contacts, ExportFormat.Csv) with { MaskPhones = mask }, output);
            return System.Text.Encoding.UTF8.GetString(output.ToArray());
        }

        var masked = Export(mask: true);
        var whole = Export(mask: false);

        Assert.DoesNotContain("81234567890", masked, StringComparison.Ordinal);
        Assert.Contains("+62812****7890", masked, StringComparison.Ordinal);
        Assert.Contains("+6281234567890", whole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+6281234567890", "+62812****7890")]
    [InlineData("081234567890", "0812****7890")]
    [InlineData("12345", "*****")]
    [InlineData(null, null)]
    public void A_masked_number_keeps_its_prefix_and_last_four_digits(string? number, string? masked) => Assert.Equal(masked, PhoneMask.Mask(number));

    public void Dispose()
    {
        _bot.Dispose();
        _exports.Dispose();
    }
}
