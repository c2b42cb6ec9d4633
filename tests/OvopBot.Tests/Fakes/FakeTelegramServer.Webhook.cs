using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>Webhook settings: setWebhook (HTTPS only, secret token rules), deleteWebhook, getWebhookInfo.</summary>
public sealed partial class FakeTelegramServer
{
    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>When set, getWebhookInfo reports that delivering to the webhook failed with this message a minute ago.</summary>
    public string? WebhookLastError { get; set; }

    private Task SetWebhookAsync(HttpContext context, JsonObject parameters)
    {
        var url = FakeTelegramParameters.String(parameters, "url") ?? "";
        var secret = FakeTelegramParameters.String(parameters, "secret_token");
        if (url.Length > 0 && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            return ErrorAsync(context, 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (secret is not null && !System.Text.RegularExpressions.Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$"))
        {
            return ErrorAsync(context, 400, "Bad Request: secret token contains unallowed characters");
        }

        lock (_gate)
        {
            WebhookUrl = url.Length > 0 ? url : null;
            WebhookSecret = secret;
            if (parameters["allowed_updates"] is { } allowed)
            {
                AllowedUpdates = allowed.DeepClone();
            }

            if (FakeTelegramParameters.Bool(parameters, "drop_pending_updates"))
            {
                _pending.Clear();
            }
        }

        return OkAsync(context, true);
    }

    private Task DeleteWebhookAsync(HttpContext context, JsonObject parameters)
    {
        lock (_gate)
        {
            WebhookUrl = null;
            WebhookSecret = null;
            if (FakeTelegramParameters.Bool(parameters, "drop_pending_updates"))
            {
                _pending.Clear();
            }
        }

        return OkAsync(context, true);
    }

    private Task GetWebhookInfoAsync(HttpContext context)
    {
        JsonObject info;
        lock (_gate)
        {
            info = new JsonObject
            {
                ["url"] = WebhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = _pending.Count,
            };
            if (WebhookLastError is { } error)
            {
                info["last_error_date"] = Clock.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds();
                info["last_error_message"] = error;
            }
        }

        return OkAsync(context, info);
    }
}
