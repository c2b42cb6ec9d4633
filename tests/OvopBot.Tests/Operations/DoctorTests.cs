using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Hosting;
using OvopBot.Operations;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Operations;

/// <summary><c>doctor</c> against the fake Telegram and Graph servers (real HTTP), healthy and broken in each way.</summary>
public sealed class DoctorTests : IAsyncLifetime
{
    private const string Template = "ovop_pengingat";
    private const string WebhookUrl = "https://bot.example.org/webhooks/telegram";
    private readonly TempDirectory _temp = new();
    private FakeTelegramServer _telegram = null!;
    private FakeGraphApiServer _graph = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        _graph = await FakeGraphApiServer.StartAsync(TimeProvider.System, token: "FAKE-WA-TOKEN-FOR-DOCTOR");
        _graph.ApprovedTemplates.Add(Template);
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        await _graph.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>A configuration that is right in every respect; <paramref name="changes"/> override keys.</summary>
    private string[] Settings(params string[] changes)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:DatabasePath"] = _temp.File("data/ovopbot.db"),
            ["Storage:MediaPath"] = _temp.File("data/media"),
            ["ChatExports:Folder"] = _temp.File("data/exports"),
            ["Flows:Path"] = RepoPaths.Flows,
            ["Health:MinFreeDiskMegabytes"] = "1",
            ["Telegram:BotToken"] = FakeTelegramServer.Token,
            ["Telegram:BotUsername"] = "ovop_test_bot",
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["WhatsApp:AccessToken"] = _graph.AccessToken,
            ["WhatsApp:ApiBaseUrl"] = _graph.ApiBaseUrl,
            ["WhatsApp:PhoneNumberId"] = _graph.PhoneNumberId,
            ["WhatsApp:AppSecret"] = _graph.AppSecret,
            ["WhatsApp:VerifyToken"] = "fake-verify-token",
            ["WhatsApp:BusinessAccountId"] = FakeGraphApiServer.BusinessAccountId,
            ["WhatsApp:Templates:Reminder:Name"] = Template,
        };
        for (var i = 0; i < changes.Length; i += 2)
        {
            settings[changes[i]] = changes[i + 1];
        }

        return settings.SelectMany(s => new[] { "--" + s.Key, s.Value }).ToArray();
    }

    private static async Task<IReadOnlyList<DoctorFinding>> RunAsync(string[] settings)
    {
        using var host = CliHost.Build(settings, services => services.AddOvopOperationsOptions());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await new Doctor(host.Services, host.Services.GetRequiredService<IConfiguration>(), http, TimeProvider.System)
            .RunAsync(CancellationToken.None);
    }

    private static DoctorFinding Problem(IReadOnlyList<DoctorFinding> findings, string subject) =>
        Assert.Single(findings, f => f.Level == DoctorLevel.Problem && f.Subject == subject);

    [Fact]
    public async Task A_right_configuration_passes_every_check()
    {
        var findings = await RunAsync(Settings());

        Assert.All(findings, f => Assert.Equal(DoctorLevel.Ok, f.Level));
        var lines = findings.Select(f => f.ToString()).ToList();
        Assert.Contains("ok    telegram: token valid (bot @ovop_test_bot)", lines);
        Assert.Contains("ok    telegram webhook: none set (Polling mode)", lines);
        Assert.Contains($"ok    whatsapp: phone-number id {_graph.PhoneNumberId} reachable ({FakeGraphApiServer.DisplayPhoneNumber}, OVOP NTT)", lines);
        Assert.Contains($"ok    whatsapp template: {Template} (id) is approved", lines);
        Assert.Contains(findings, f => f.Subject == "database" && f.Text.StartsWith("writable", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Subject == "media folder" && f.Text.StartsWith("writable", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Subject == "backup folder" && f.Text.Contains(_temp.File("data/backups"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_Telegram_token_gives_one_clear_line()
    {
        var findings = await RunAsync(Settings("Telegram:BotToken", "123:WRONG-FAKE-TOKEN"));

        Assert.Equal("Telegram refused the bot token (Unauthorized): set Telegram:BotToken to the token BotFather gave",
            Problem(findings, "telegram").Text);
        Assert.DoesNotContain(findings, f => f.ToString().Contains("WRONG-FAKE-TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unreachable_platforms_give_one_clear_line_each()
    {
        var findings = await RunAsync(Settings("Telegram:ApiBaseUrl", "http://127.0.0.1:1", "WhatsApp:ApiBaseUrl", "http://127.0.0.1:1/v25.0"));

        Assert.StartsWith("cannot reach http://127.0.0.1:1 (", Problem(findings, "telegram").Text, StringComparison.Ordinal);
        Assert.StartsWith("cannot reach http://127.0.0.1:1/v25.0 (", Problem(findings, "whatsapp").Text, StringComparison.Ordinal);
        Assert.EndsWith("check the network, the firewall and the API base URL setting", Problem(findings, "whatsapp").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_different_bot_username_is_pointed_out()
    {
        var findings = await RunAsync(Settings("Telegram:BotUsername", "@another_bot"));

        Assert.Contains("the token belongs to @ovop_test_bot, but Telegram:BotUsername is @another_bot", Problem(findings, "telegram").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_webhook_mode_the_webhook_must_be_the_configured_one()
    {
        var webhookMode = new[] { "Telegram:Mode", "Webhook", "Telegram:WebhookUrl", WebhookUrl, "Telegram:WebhookSecret", "FAKE-secret" };
        Assert.StartsWith("not set: start the service", Problem(await RunAsync(Settings(webhookMode)), "telegram webhook").Text, StringComparison.Ordinal);

        await SetWebhookAsync("https://old.example.org/webhooks/telegram");
        Assert.Contains("Telegram sends updates to https://old.example.org/webhooks/telegram, not to Telegram:WebhookUrl",
            Problem(await RunAsync(Settings(webhookMode)), "telegram webhook").Text, StringComparison.Ordinal);

        await SetWebhookAsync(WebhookUrl);
        _telegram.WebhookLastError = "SSL error {error:0A000086:SSL routines::certificate verify failed}";
        var findings = await RunAsync(Settings(webhookMode));
        Assert.DoesNotContain(findings, f => f.Level == DoctorLevel.Problem);
        Assert.Contains(findings, f => f.Level == DoctorLevel.Warning
            && f.Text.StartsWith("Telegram's last delivery to the webhook failed", StringComparison.Ordinal)
            && f.Text.Contains("certificate verify failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Telegram_settings_the_service_would_refuse_are_listed()
    {
        var findings = await RunAsync(Settings("Telegram:Mode", "Webhook"));

        Assert.Contains(findings, f => f.Level == DoctorLevel.Problem && f.Text.StartsWith("Telegram:WebhookUrl must be", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Level == DoctorLevel.Problem && f.Text.StartsWith("Telegram:WebhookSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_WhatsApp_token_or_phone_number_id_gives_one_clear_line()
    {
        Assert.StartsWith("the access token is invalid or expired", Problem(await RunAsync(Settings("WhatsApp:AccessToken", "FAKE-EXPIRED")), "whatsapp").Text,
            StringComparison.Ordinal);
        Assert.StartsWith("phone-number id 999 is not reachable", Problem(await RunAsync(Settings("WhatsApp:PhoneNumberId", "999")), "whatsapp").Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_template_must_exist_in_its_language_and_be_approved()
    {
        _graph.TemplateStatuses["ovop_pending"] = "PENDING";

        Assert.Equal("ovop_pending (id) is PENDING, not APPROVED: reminders outside the 24-hour window fail until Meta approves it",
            Problem(await RunAsync(Settings("WhatsApp:Templates:Reminder:Name", "ovop_pending")), "whatsapp template").Text);
        Assert.StartsWith("no template named ovop_missing in account",
            Problem(await RunAsync(Settings("WhatsApp:Templates:Reminder:Name", "ovop_missing")), "whatsapp template").Text, StringComparison.Ordinal);
        Assert.Equal($"{Template} exists in id, not in en_US: fix WhatsApp:Templates:Reminder:Language",
            Problem(await RunAsync(Settings("WhatsApp:Templates:Reminder:Language", "en_US")), "whatsapp template").Text);
        Assert.StartsWith("templates of account 1 cannot be listed",
            Problem(await RunAsync(Settings("WhatsApp:BusinessAccountId", "1")), "whatsapp template").Text, StringComparison.Ordinal);
        var unchecked_ = await RunAsync(Settings("WhatsApp:BusinessAccountId", ""));
        Assert.Contains(unchecked_, f => f.Level == DoctorLevel.Warning && f.Text.Contains("set WhatsApp:BusinessAccountId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Folders_that_cannot_be_written_and_a_full_disk_are_problems()
    {
        File.WriteAllText(_temp.File("not-a-folder"), "a file where a folder should be");

        var findings = await RunAsync(Settings("Storage:MediaPath", _temp.File("not-a-folder/media"),
            "Health:MinFreeDiskMegabytes", (long.MaxValue / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.EndsWith("check Storage:MediaPath and the folder's owner", Problem(findings, "media folder").Text, StringComparison.Ordinal);
        Assert.EndsWith("free some space (old backups, exports) or lower Health:MinFreeDiskMegabytes", Problem(findings, "disk").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verb_exits_non_zero_on_a_problem_with_plain_lines_and_no_stack_trace()
    {
        Directory.CreateDirectory(_temp.File("data"));
        using var broken = BotProcess.Start(_temp.File("data/ovopbot.db"),
            [.. Settings("Telegram:BotToken", "123:WRONG-FAKE-TOKEN", "WhatsApp:ApiBaseUrl", "http://127.0.0.1:1/v25.0").Prepend("doctor")]);
        var (output, error, exitCode) = await broken.RunToEndAsync([]);

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  telegram: Telegram refused the bot token", output, StringComparison.Ordinal);
        Assert.Contains("FAIL  whatsapp: cannot reach http://127.0.0.1:1/v25.0", output, StringComparison.Ordinal);
        Assert.Contains("2 problem(s) to fix.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG-FAKE-TOKEN", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(_graph.AccessToken, output + error, StringComparison.Ordinal);

        using var healthy = BotProcess.Start(_temp.File("data/ovopbot.db"), [.. Settings().Prepend("doctor")]);
        var (fine, _, fineExit) = await healthy.RunToEndAsync([]);
        Assert.Equal(0, fineExit);
        Assert.Contains("All checks passed.", fine, StringComparison.Ordinal);
    }

    private async Task SetWebhookAsync(string url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"{_telegram.BaseUrl}/bot{FakeTelegramServer.Token}/setWebhook?url={Uri.EscapeDataString(url)}"));
        response.EnsureSuccessStatusCode();
    }
}
