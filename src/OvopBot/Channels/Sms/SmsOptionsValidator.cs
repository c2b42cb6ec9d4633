using Microsoft.Extensions.Options;

namespace OvopBot.Channels.Sms;

/// <summary>Checks the Sms section at start; every failure names the configuration key to fix.</summary>
public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsActive)
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        const string S = SmsOptions.SectionName;
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api)
            || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{S}:ApiBaseUrl must be an absolute http(s) URL such as http://192.168.1.20:8080 or " +
                $"https://api.sms-gate.app/3rdparty/v1 (got '{options.ApiBaseUrl}').");
        }

        if (string.IsNullOrWhiteSpace(options.Username) || string.IsNullOrWhiteSpace(options.Password))
        {
            errors.Add($"{S}:Username and {S}:Password are required when {S}:ApiBaseUrl is set (shown in the app).");
        }

        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            errors.Add($"{S}:SigningKey is required when {S}:ApiBaseUrl is set (app: Settings > Webhooks > Signing Key); " +
                "unsigned webhooks are refused.");
        }

        if (options.WebhookUrl is { Length: > 0 } hook
            && (!Uri.TryCreate(hook, UriKind.Absolute, out var hookUri) || !(hookUri.Scheme == Uri.UriSchemeHttps
                || hookUri.Host == "127.0.0.1")))
        {
            errors.Add($"{S}:WebhookUrl must be an https:// URL (the app accepts plain http only for 127.0.0.1) " +
                $"(got '{hook}').");
        }

        if (options.MessagesPerMinute is < 1 or > 600)
        {
            errors.Add($"{S}:MessagesPerMinute must be between 1 and 600 (got {options.MessagesPerMinute}).");
        }

        if (options.MaxPartsPerMessage is < 1 or > 8)
        {
            errors.Add($"{S}:MaxPartsPerMessage must be between 1 and 8; 9 or more parts fail on many phones " +
                $"(got {options.MaxPartsPerMessage}).");
        }

        if (options.DailyLimit < 0)
        {
            errors.Add($"{S}:DailyLimit must be 0 (no limit) or more (got {options.DailyLimit}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
