using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OvopBot.Roles;

/// <summary>
/// Invite codes look like <c>OVOP-K7QX2-M9TRB</c>: ten characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L), drawn with <see cref="RandomNumberGenerator"/> — 31^10 ≈ 8·10^14 codes, so guessing one is hopeless.
/// The fixed shape lets the bot recognise a code before the conversation step, typed plainly or sent as
/// Telegram's <c>/start CODE</c> (whose payload allows letters, digits and '-').
/// </summary>
public static partial class InviteCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int GroupLength = 5;

    public static string Generate()
    {
        Span<char> chars = stackalloc char[GroupLength * 2];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"OVOP-{chars[..GroupLength]}-{chars[GroupLength..]}";
    }

    /// <summary>
    /// The code in a message ("ovop k7qx2 m9trb", "/start OVOP-K7QX2-M9TRB"), in its canonical form, or null when
    /// the message is not a code. Nothing else may surround it, so an ordinary answer is never taken for a code.
    /// </summary>
    public static string? Recognise(string? text)
    {
        if (text is null || text.Length > 64)
        {
            return null;
        }

        var match = Shape().Match(text);
        return match.Success
            ? $"OVOP-{match.Groups[1].Value.ToUpperInvariant()}-{match.Groups[2].Value.ToUpperInvariant()}"
            : null;
    }

    /// <summary>What the database keeps instead of the code.</summary>
    public static string Hash(string canonicalCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalCode)));

    [GeneratedRegex(@"^\s*(?:/start(?:@\w+)?\s+)?OVOP[\s\-_]*([A-Z2-9]{5})[\s\-_]*([A-Z2-9]{5})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
