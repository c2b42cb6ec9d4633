namespace OvopBot.Understanding;

/// <summary>
/// Understands yes/no answers, Indonesian first ("ya", "iya", "betul", "setuju", "oke", "boleh", "mau", "sudah",
/// "ada"; "tidak", "tdk", "gak", "nggak", "enggak", "bukan", "belum", "jangan", "tolak") and English, plus "1" (yes)
/// and "2" (no) because questions show "1. Ya 2. Tidak", and 👍/👎. Rules:
/// <list type="bullet">
/// <item>Letters typed twice are ignored ("iyaaa", "setujuu", "tidakk").</item>
/// <item>A word of four letters or more may be one edit away from a known word of four letters or more ("tidka",
/// "stuju", "bolh"), if that edit does not also reach a word of the other side, and it is not itself a common word
/// ("siapa" is not a typo of "siap").</item>
/// <item>A negation turns the next "yes" word into a no ("tidak setuju", "gak mau", "belum ada"); "tidak apa-apa" /
/// "gpp" is a yes.</item>
/// <item>Polite filler is ignored ("ya pak", "tidak, terima kasih", "iya saya setuju"). Any other word, or both a
/// yes and a no ("ya tidak"), gives null: the engine asks again rather than guess.</item>
/// </list>
/// </summary>
public static class YesNoParser
{
    private static readonly HashSet<string> Yes = Collapsed([
        "ya", "iya", "iye", "y", "yes", "yup", "yap", "yep", "yeah", "yess", "betul", "benar", "bener", "setuju",
        "ok", "oke", "okay", "okey", "okeh", "siap", "boleh", "mau", "sudah", "udah", "sdh", "dah", "baik", "sip",
        "lanjut", "bisa", "tentu", "pasti", "ada", "gpp", "gapapa", "sure", "agree", "right", "correct", "yakin", "1",
        .. LocalSpeech.YesWords.Where(OneWord)]);

    private static readonly HashSet<string> No = Collapsed([
        "tidak", "tdk", "tak", "nggak", "ngga", "gak", "ga", "g", "enggak", "engga", "ndak", "nda", "kagak", "no",
        "nope", "not", "n", "t", "bukan", "bkn", "belum", "blm", "jangan", "tolak", "batal", "cancel", "never",
        "disagree", "2", .. LocalSpeech.NoWords.Where(OneWord)]);

    private static readonly HashSet<string> Fillers = Collapsed([
        "saya", "aku", "sy", "pak", "bu", "bapak", "ibu", "kak", "kakak", "min", "admin", "bang", "mas", "mbak",
        "sih", "dong", "deh", "lah", "kok", "nih", "ini", "itu", "kah", "sekali", "banget", "sangat",
        "terima", "kasih", "makasih", "trims", "thanks", "thank", "you", "please", "tolong", "i", "do", "am", "it",
        "is", "juga", "jadi", "dulu", "saja", "aja", "nomor", "nomer", "nmr", "pilihan", .. LocalSpeech.FillerWords]);

    // Real words one edit away from a yes/no word; they are never typos of it ("siapa?" is not "siap").
    private static readonly HashSet<string> NotTypos = Collapsed(["siapa", "biasa", "balik", "bukan", "tidur", "apa"]);

    private static readonly string[] ThumbsUp = ["👍", "✅", "✔", "👌"];
    private static readonly string[] ThumbsDown = ["👎", "❌", "✖", "🚫"];

    /// <summary>true for yes, false for no, null when the answer is unclear.</summary>
    public static bool? Parse(string text)
    {
        var cleaned = TextCleaner.Clean(text);
        var folded = TextCleaner.Fold(cleaned);
        if (folded.Length == 0)
        {
            return Emoji(cleaned);
        }

        var words = folded.Split([' ', ',', '.', '!', '?', '-', '/', ';', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Collapse)
            .ToList();
        if (words is ["no", "1" or "2"])
        {
            words.RemoveAt(0); // "No. 1" is "nomor 1", not "no"
        }

        bool? result = null;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            bool polarity;
            switch (Classify(word))
            {
                case Kind.Filler:
                    continue;
                case Kind.Yes:
                    polarity = true;
                    break;
                case Kind.No:
                    polarity = false;
                    // "tidak setuju", "gak mau": the negation owns the next word; "tidak apa-apa" means "fine".
                    var next = NextMeaningful(words, i);
                    if (next >= 0 && words[next] is "apa" or "papa" or "apa2" or "pp")
                    {
                        polarity = true;
                        i = next < words.Count - 1 && words[next + 1] == "apa" ? next + 1 : next;
                    }
                    else if (next >= 0 && Classify(words[next]) is Kind.Yes or Kind.No)
                    {
                        i = next;
                    }

                    break;
                default:
                    return null;
            }

            if (result is { } earlier && earlier != polarity)
            {
                return null;
            }

            result = polarity;
        }

        return result;
    }

    private enum Kind
    {
        Unknown,
        Filler,
        Yes,
        No,
    }

    private static Kind Classify(string word)
    {
        if (Yes.Contains(word))
        {
            return Kind.Yes;
        }

        if (No.Contains(word))
        {
            return Kind.No;
        }

        if (Fillers.Contains(word))
        {
            return Kind.Filler;
        }

        if (word.Length < 4 || NotTypos.Contains(word))
        {
            return Kind.Unknown;
        }

        var nearYes = Yes.Any(y => y.Length >= 4 && EditDistance.Compute(word, y, 1) <= 1);
        var nearNo = No.Any(n => n.Length >= 4 && EditDistance.Compute(word, n, 1) <= 1);
        return (nearYes, nearNo) switch
        {
            (true, false) => Kind.Yes,
            (false, true) => Kind.No,
            _ => Kind.Unknown,
        };
    }

    private static int NextMeaningful(List<string> words, int i)
    {
        for (var j = i + 1; j < words.Count; j++)
        {
            if (Classify(words[j]) != Kind.Filler)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool? Emoji(string cleaned)
    {
        var up = ThumbsUp.Any(e => cleaned.Contains(e, StringComparison.Ordinal));
        var down = ThumbsDown.Any(e => cleaned.Contains(e, StringComparison.Ordinal));
        return up == down ? null : up;
    }

    // "iyaaa" → "iya", "nggak" → "ngak": both sides are collapsed, so doubled letters never matter.
    private static string Collapse(string word)
    {
        var previous = '\0';
        var builder = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c != previous || char.IsDigit(c))
            {
                builder.Append(c);
            }

            previous = c;
        }

        return builder.Length == word.Length ? word : builder.ToString();
    }

    // Local speech (local-speech.yaml) adds single words here; its phrases ("beta setuju") are read word by word.
    private static bool OneWord(string form) => !form.Contains(' ', StringComparison.Ordinal);

    private static HashSet<string> Collapsed(IEnumerable<string> words) =>
        new(words.Select(Collapse), StringComparer.Ordinal);
}
