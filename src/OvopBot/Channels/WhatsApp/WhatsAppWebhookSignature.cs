using System.Security.Cryptography;
using System.Text;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Checks <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw body keyed with the app secret.
/// The raw bytes must be used (re-serialised JSON differs) and the comparison is constant-time on the decoded bytes,
/// which also makes upper/lower-case hex irrelevant.
/// </summary>
public static class WhatsAppWebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || header.Length != Prefix.Length + (2 * HMACSHA256.HashSizeInBytes))
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/> (used by tests and tools).</summary>
    public static string Compute(ReadOnlySpan<byte> body, string appSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body);
        return Prefix + Convert.ToHexStringLower(hash);
    }
}
