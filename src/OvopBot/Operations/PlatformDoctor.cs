using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Operations;

/// <summary>
/// The doctor's questions to the live platforms, each answered by one line. Telegram: does getMe accept the token
/// (and name the configured bot), is the webhook where the mode says it should be, did Telegram's last delivery to it
/// fail. WhatsApp: does the access token reach the phone-number id, does the reminder template exist and is it
/// approved in the configured language (needs <c>WhatsApp:BusinessAccountId</c>). Nothing is changed on either side.
/// </summary>
public sealed class PlatformDoctor(IConfiguration configuration, HttpClient http, TimeProvider time)
{
    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        if (Settings(TelegramOptions.SectionName, nameof(TelegramOptions.BotToken), new TelegramOptionsValidator(), findings) is { BotToken.Length: > 0 } telegram)
        {
            findings.AddRange(await TelegramAsync(telegram, cancellationToken));
        }

        if (Settings(WhatsAppOptions.SectionName, nameof(WhatsAppOptions.AccessToken), new WhatsAppOptionsValidator(), findings) is { IsActive: true } whatsApp)
        {
            findings.AddRange(await WhatsAppAsync(whatsApp, configuration["WhatsApp:BusinessAccountId"], cancellationToken));
        }

        if (findings.Count == 0)
        {
            findings.Add(new DoctorFinding(DoctorLevel.Warning, "platforms",
                "neither Telegram:BotToken nor WhatsApp:AccessToken is set: the service will only talk to the console"));
        }

        return findings;
    }

    /// <summary>
    /// The platform's settings as the service would read them, or null with a line per mistake (the same checks
    /// that stop the service at start). Off (no token): null and no line.
    /// </summary>
    private T? Settings<T>(string section, string tokenKey, IValidateOptions<T> validator, List<DoctorFinding> findings) where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            findings.Add(Problem(section.ToLowerInvariant(), $"the {section} settings cannot be read: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(configuration[section + ":" + tokenKey]))
        {
            return null;
        }

        var result = validator.Validate(null, options);
        if (result.Failed)
        {
            findings.AddRange(result.Failures.Select(f => Problem(section.ToLowerInvariant(), f)));
            return null;
        }

        return options;
    }

    private async Task<IEnumerable<DoctorFinding>> TelegramAsync(TelegramOptions options, CancellationToken cancellationToken)
    {
        const string subject = "telegram";
        var secrets = new[] { options.BotToken! };
        var baseUrl = options.ApiBaseUrl.TrimEnd('/');
        var me = await GetAsync($"{baseUrl}/bot{options.BotToken}/getMe", null, subject, baseUrl, secrets, cancellationToken);
        if (me.Failure is { } unreachable)
        {
            return [unreachable];
        }

        if (!Ok(me.Json))
        {
            var refused = (int?)Number(me.Json, "error_code") is 401 or 404;
            return [Problem(subject, refused
                ? $"Telegram refused the bot token ({Text(me.Json, "description")}): set Telegram:BotToken to the token BotFather gave"
                : $"getMe failed: {Redact(Text(me.Json, "description"), secrets)}")];
        }

        var findings = new List<DoctorFinding>();
        var username = Text(me.Json.GetProperty("result"), "username");
        var configured = configuration[Cli.InviteCommand.BotUsernameKey];
        findings.Add(!string.IsNullOrWhiteSpace(configured)
                     && !string.Equals(configured.TrimStart('@'), username, StringComparison.OrdinalIgnoreCase)
            ? Problem(subject, $"the token belongs to @{username}, but {Cli.InviteCommand.BotUsernameKey} is {configured}: fix it (invite links use it)")
            : new DoctorFinding(DoctorLevel.Ok, subject, $"token valid (bot @{username})"));

        var info = await GetAsync($"{baseUrl}/bot{options.BotToken}/getWebhookInfo", null, subject, baseUrl, secrets, cancellationToken);
        if (info.Failure is { } failure)
        {
            findings.Add(failure);
            return findings;
        }

        if (!Ok(info.Json))
        {
            findings.Add(Problem(subject, $"getWebhookInfo failed: {Redact(Text(info.Json, "description"), secrets)}"));
            return findings;
        }

        var webhook = info.Json.GetProperty("result");
        findings.Add(Webhook(options, Text(webhook, "url")));
        if (Number(webhook, "last_error_date") is { } errorAt && !string.IsNullOrEmpty(Text(webhook, "url")))
        {
            var ago = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds((long)errorAt);
            findings.Add(new DoctorFinding(DoctorLevel.Warning, subject,
                $"Telegram's last delivery to the webhook failed {ReadinessCheck.Show(ago)} ago: {Text(webhook, "last_error_message")} (is the proxy up and its certificate valid?)"));
        }

        return findings;
    }

    private static DoctorFinding Webhook(TelegramOptions options, string url)
    {
        const string subject = "telegram webhook";
        if (options.Mode != TelegramMode.Webhook)
        {
            return url.Length == 0
                ? new DoctorFinding(DoctorLevel.Ok, subject, "none set (Polling mode)")
                : new DoctorFinding(DoctorLevel.Warning, subject, $"set to {url} although Telegram:Mode is Polling: the service removes it when it starts polling");
        }

        if (url == options.WebhookUrl)
        {
            return new DoctorFinding(DoctorLevel.Ok, subject, $"set to {url}");
        }

        return Problem(subject, url.Length == 0
            ? $"not set: start the service (in Webhook mode it registers Telegram:WebhookUrl {options.WebhookUrl})"
            : $"Telegram sends updates to {url}, not to Telegram:WebhookUrl {options.WebhookUrl}: restart the service to register it, or fix the setting");
    }

    private async Task<IEnumerable<DoctorFinding>> WhatsAppAsync(WhatsAppOptions options, string? businessAccountId,
        CancellationToken cancellationToken)
    {
        const string subject = "whatsapp";
        var secrets = new[] { options.AccessToken! };
        var baseUrl = options.ApiBaseUrl.TrimEnd('/');
        var findings = new List<DoctorFinding>();
        var phone = await GetAsync($"{baseUrl}/{Uri.EscapeDataString(options.PhoneNumberId ?? "")}?fields=display_phone_number,verified_name",
            options.AccessToken, subject, baseUrl, secrets, cancellationToken);
        if (phone.Failure is { } unreachable)
        {
            return [unreachable];
        }

        if (GraphError(phone.Json) is { } error)
        {
            return [Problem(subject, error.Code == 190
                ? $"the access token is invalid or expired ({error.Message}): set WhatsApp:AccessToken to a valid system-user token"
                : $"phone-number id {options.PhoneNumberId} is not reachable ({error.Message}): check WhatsApp:PhoneNumberId")];
        }

        findings.Add(new DoctorFinding(DoctorLevel.Ok, subject,
            $"phone-number id {options.PhoneNumberId} reachable ({Text(phone.Json, "display_phone_number")}, {Text(phone.Json, "verified_name")})"));

        var template = options.Templates.Reminder;
        if (!template.IsConfigured)
        {
            findings.Add(new DoctorFinding(DoctorLevel.Warning, "whatsapp template",
                "WhatsApp:Templates:Reminder:Name is not set: reminders to people silent for more than 24 hours are held"));
            return findings;
        }

        if (string.IsNullOrWhiteSpace(businessAccountId))
        {
            findings.Add(new DoctorFinding(DoctorLevel.Warning, "whatsapp template",
                $"cannot check template {template.Name}: set WhatsApp:BusinessAccountId (the WhatsApp Business Account id) to let doctor look it up"));
            return findings;
        }

        findings.Add(await TemplateAsync(baseUrl, businessAccountId, template, options.AccessToken!, secrets, cancellationToken));
        return findings;
    }

    private async Task<DoctorFinding> TemplateAsync(string baseUrl, string businessAccountId, WhatsAppTemplateOptions template,
        string token, string[] secrets, CancellationToken cancellationToken)
    {
        const string subject = "whatsapp template";
        var list = await GetAsync(
            $"{baseUrl}/{Uri.EscapeDataString(businessAccountId)}/message_templates?name={Uri.EscapeDataString(template.Name!)}&fields=name,language,status",
            token, subject, baseUrl, secrets, cancellationToken);
        if (list.Failure is { } failure)
        {
            return failure;
        }

        if (GraphError(list.Json) is { } error)
        {
            return Problem(subject, $"templates of account {businessAccountId} cannot be listed ({error.Message}): check WhatsApp:BusinessAccountId");
        }

        var matches = list.Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Where(t => Text(t, "name") == template.Name).ToList()
            : [];
        if (matches.FirstOrDefault(t => Text(t, "language") == template.Language) is { ValueKind: JsonValueKind.Object } found)
        {
            var status = Text(found, "status");
            return status == "APPROVED"
                ? new DoctorFinding(DoctorLevel.Ok, subject, $"{template.Name} ({template.Language}) is approved")
                : Problem(subject, $"{template.Name} ({template.Language}) is {status}, not APPROVED: reminders outside the 24-hour window fail until Meta approves it");
        }

        return Problem(subject, matches.Count == 0
            ? $"no template named {template.Name} in account {businessAccountId}: create it in WhatsApp Manager or fix WhatsApp:Templates:Reminder:Name"
            : $"{template.Name} exists in {string.Join(", ", matches.Select(t => Text(t, "language")))}, not in {template.Language}: fix WhatsApp:Templates:Reminder:Language");
    }

    /// <summary>A GET whose answer is JSON (any status), or one line saying why there was no answer.</summary>
    private async Task<(JsonElement Json, DoctorFinding? Failure)> GetAsync(string url, string? bearer, string subject, string baseUrl,
        string[] secrets, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            try
            {
                using var document = JsonDocument.Parse(body);
                return (document.RootElement.Clone(), null);
            }
            catch (JsonException)
            {
                return (default, Problem(subject, $"{baseUrl} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}, not the API: check the API base URL setting and any proxy"));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0} s" : Redact(e.Message, secrets);
            return (default, Problem(subject, $"cannot reach {baseUrl} ({why}): check the network, the firewall and the API base URL setting"));
        }
    }

    private static (int? Code, string Message)? GraphError(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error)
            ? ((int?)Number(error, "code"), Text(error, "message"))
            : null;

    private static bool Ok(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True;

    private static string Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";

    private static double? Number(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static DoctorFinding Problem(string subject, string text) => new(DoctorLevel.Problem, subject, text);

    private static string Redact(string text, string[] secrets) =>
        secrets.Where(s => s.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
