using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OvopBot.Channels.Sms;

/// <summary>
/// SMSGate's webhook signature: <c>X-Signature</c> is the lowercase hex HMAC-SHA256, keyed with the signing key, of
/// the raw body followed by the <c>X-Timestamp</c> string (Unix seconds), no separator. The timestamp must be within
/// <see cref="SmsOptions.TimestampTolerance"/> of our clock, so a captured webhook cannot be replayed later.
/// </summary>
public static class SmsGateSignature
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";

    public static string Compute(ReadOnlySpan<byte> body, string timestamp, string signingKey)
    {
        var signed = new byte[body.Length + Encoding.UTF8.GetByteCount(timestamp)];
        body.CopyTo(signed);
        Encoding.UTF8.GetBytes(timestamp, signed.AsSpan(body.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), signed));
    }

    /// <summary>Null when the signature and the timestamp are good, else why not (for the log).</summary>
    public static string? Problem(string? signature, string? timestamp, ReadOnlySpan<byte> body, string signingKey,
        DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return $"missing {(string.IsNullOrEmpty(signature) ? SignatureHeader : TimestampHeader)}";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799)
        {
            return $"{TimestampHeader} is not Unix seconds";
        }

        var expected = Encoding.ASCII.GetBytes(Compute(body, timestamp, signingKey));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return $"wrong {SignatureHeader}";
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() > SmsOptions.TimestampTolerance
            ? $"stale {TimestampHeader} ({age.TotalMinutes:0} min off our clock)"
            : null;
    }
}
