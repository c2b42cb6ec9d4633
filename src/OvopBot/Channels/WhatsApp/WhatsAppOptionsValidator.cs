using Microsoft.Extensions.Options;

namespace OvopBot.Channels.WhatsApp;

/// <summary>Checks the WhatsApp section at start; every failure names the configuration key to fix.</summary>
public sealed class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsActive)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        const string S = WhatsAppOptions.SectionName;
        Require(errors, options.PhoneNumberId, $"{S}:PhoneNumberId",
            "the Graph id of the business phone number (App Dashboard > WhatsApp > API Setup)");
        Require(errors, options.AppSecret, $"{S}:AppSecret", "the app secret that signs webhooks");
        Require(errors, options.VerifyToken, $"{S}:VerifyToken", "the token typed in when registering the webhook");

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{S}:ApiBaseUrl must be an absolute http(s) URL such as https://graph.facebook.com/v25.0 " +
                $"(got '{options.ApiBaseUrl}').");
        }

        if (options.PhoneNumberId is { Length: > 0 } id && !id.All(char.IsAsciiDigit))
        {
            errors.Add($"{S}:PhoneNumberId must be the numeric phone number id, not the phone number (got '{id}').");
        }

        if (options.MessagesPerSecond is < 1 or > 1000)
        {
            errors.Add($"{S}:MessagesPerSecond must be between 1 and 1000 (got {options.MessagesPerSecond}).");
        }

        if (options.PerPersonMinInterval < TimeSpan.Zero || options.PerPersonMinInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{S}:PerPersonMinInterval must be between 00:00:00 and 00:01:00 " +
                $"(got {options.PerPersonMinInterval}).");
        }

        if (options.MaxMediaBytes <= 0)
        {
            errors.Add($"{S}:MaxMediaBytes must be positive (got {options.MaxMediaBytes}).");
        }

        if (options.MaxWebhookBodyBytes < 64 * 1024)
        {
            errors.Add($"{S}:MaxWebhookBodyBytes must be at least 65536; Meta sends up to 3 MB " +
                $"(got {options.MaxWebhookBodyBytes}).");
        }

        var reminder = options.Templates.Reminder;
        if (reminder.IsConfigured && string.IsNullOrWhiteSpace(reminder.Language))
        {
            errors.Add($"{S}:Templates:Reminder:Language is required when {S}:Templates:Reminder:Name is set.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required when {WhatsAppOptions.SectionName}:AccessToken is set ({what}).");
        }
    }
}
