namespace OvopBot.Understanding;

/// <summary>
/// Turns a typed phone number into E.164 ("+6281234567890"). Rules:
/// <list type="bullet">
/// <item>Spaces, '-', '.', '(' and ')' between digits are ignored; a label in front ("HP:", "No. WA", "telp") is
/// allowed; any other letter means it is not a phone number.</item>
/// <item>Indonesian forms: "0812…", "62812…", "+62 812…", "+62 0812…" (a stray trunk zero), "0062…" and a bare
/// "812…" (mobile numbers start with 8). The national part must not start with 0 and has 8–12 digits.</item>
/// <item>Other countries only with '+' or "00" in front; 8–15 digits in all (E.164's limit).</item>
/// <item>Several numbers in one answer are too many digits and give null.</item>
/// </list>
/// </summary>
public static class PhoneParser
{
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "hp", "no", "nomor", "nomer", "nmr", "wa", "whatsapp", "telp", "tlp", "tel", "telepon", "telpon", "phone",
        "hape", "handphone", "mobile", "saya", "number",
    };

    /// <summary>The number in E.164 form, or null when the text is not one phone number.</summary>
    public static string? Normalize(string text)
    {
        var folded = TextCleaner.Clean(text).ToLowerInvariant();
        var digits = new System.Text.StringBuilder(16);
        var plus = false;
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < folded.Length && char.IsLetter(folded[i]))
                {
                    i++;
                }

                // Labels only before the number.
                if (digits.Length > 0 || plus || !Labels.Contains(folded[start..i]))
                {
                    return null;
                }

                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+')
            {
                if (digits.Length > 0 || plus)
                {
                    return null;
                }

                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or ':' or '/'))
            {
                return null;
            }
            else if (c == '/' && digits.Length > 0)
            {
                return null; // "0812… / 0813…": two numbers
            }

            i++;
        }

        return FromDigits(digits.ToString(), plus);
    }

    private static string? FromDigits(string digits, bool plus)
    {
        if (!plus && digits.StartsWith("00", StringComparison.Ordinal))
        {
            plus = true;
            digits = digits[2..];
        }

        string? national = null;
        if (digits.StartsWith("62", StringComparison.Ordinal) && (plus || digits.Length >= 10))
        {
            national = digits[2..].TrimStart('0');
            // "+62 0812…": people keep the trunk zero after the country code; only one is dropped.
            if (digits.Length > 3 && digits[2] == '0' && digits.Length - national.Length > 3)
            {
                return null;
            }
        }
        else if (plus)
        {
            return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? "+" + digits : null;
        }
        else if (digits.StartsWith('0'))
        {
            national = digits[1..];
        }
        else if (digits.StartsWith('8'))
        {
            national = digits;
        }

        if (national is null || national.Length is < 8 or > 12 || national[0] == '0')
        {
            return null;
        }

        return "+62" + national;
    }
}
