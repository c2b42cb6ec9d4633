using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// Start-up checks of the <c>Telegram</c> section. Every message names the configuration key to fix and never
/// repeats a secret value.
/// </summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string Section = TelegramOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add($"{Section}:BotToken is required (the token BotFather gave, like 123456:ABC-DEF…).");
        }
        else if (!TokenPattern().IsMatch(options.BotToken))
        {
            errors.Add($"{Section}:BotToken does not look like a bot token (digits, a colon, then letters, digits, "
                + "'_' or '-'); check for spaces or quotes around it.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl, httpsOnly: false))
        {
            errors.Add($"{Section}:ApiBaseUrl must be an absolute http(s) address such as https://api.telegram.org.");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            errors.Add($"{Section}:Mode must be Polling or Webhook.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (!IsHttpUrl(options.WebhookUrl, httpsOnly: true))
            {
                errors.Add($"{Section}:WebhookUrl must be the public https:// address of /webhooks/telegram "
                    + "when Telegram:Mode is Webhook (Telegram only calls HTTPS, ports 443, 80, 88 or 8443).");
            }

            if (options.WebhookSecret is null || !SecretPattern().IsMatch(options.WebhookSecret))
            {
                errors.Add($"{Section}:WebhookSecret is required when Telegram:Mode is Webhook: 1 to 256 characters "
                    + "from A-Z a-z 0-9 _ -.");
            }
        }

        if (options.PollTimeoutSeconds is < 1 or > 50)
        {
            errors.Add($"{Section}:PollTimeoutSeconds must be between 1 and 50 (Telegram caps long polls at 50 s).");
        }

        if (!(options.MessagesPerSecond > 0))
        {
            errors.Add($"{Section}:MessagesPerSecond must be greater than 0 (Telegram's guidance: 30).");
        }

        if (!(options.PerChatMessagesPerSecond > 0))
        {
            errors.Add($"{Section}:PerChatMessagesPerSecond must be greater than 0 (Telegram's guidance: 1).");
        }

        if (options.MaxDownloadBytes <= 0)
        {
            errors.Add($"{Section}:MaxDownloadBytes must be greater than 0 (Telegram bots may download up to "
                + $"{TelegramOptions.TelegramDownloadLimit} bytes).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value, bool httpsOnly) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
