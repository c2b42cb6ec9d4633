using System.Globalization;
using System.Text;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;

namespace OvopBot.Tests.Fuzzing;

/// <summary>
/// What an unlucky or hostile person can send, drawn from a seeded <see cref="Random"/> (the same seed gives the same
/// inputs): text from every Unicode category (lone surrogates included), digits of every script, right-to-left,
/// zero-width and control characters, emoji with modifiers, numbers too large for any type, 10,000-character text,
/// empty and blank messages, media where text is expected, and every command of the flow. Shared by the fuzz tests
/// and the <c>fuzz</c> benchmark verb (compiled into both).
/// </summary>
public static class HostileInputs
{
    /// <summary>The zero of each script's decimal digits (Arabic-Indic, Devanagari, Thai, full-width, …).</summary>
    public static readonly int[] DigitZeros =
    [
        0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
        0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1B50, 0xA8D0, 0xA900, 0xFF10,
        0x104A0, 0x1D7CE, 0x1E950,
    ];

    /// <summary>Pieces that broke, or could break, a parser or a renderer.</summary>
    public static readonly string[] Fragments =
    [
        "", " ", "   ", "\n", "\t\r\n", "\u00A0", "\u3000", "\u200B", "\u200D", "\u200E", "\u200F", "\u202E", "\u2066",
        "\uFEFF", "\u0000", "\u0007", "\u001B[31m", "\u0085", "\uD800", "\uDFFF", "\uDBFF\uDBFF", "\uFFFD", "\uFFFF",
        "👍", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇮🇩", "❤️", "1️⃣", "ﷺ", "𒐫", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻͖",
        "١-٣", "１-３", "١,٣", "٣", "１０.５, １２３.４", "−10.17, 123.61", "10。5、123。4", "१२३", "๑๒๓",
        "99999999999999999999", "1e309", "-1e309", "Rp 999999999999999999999", "999999999999999999999999999999 miliar",
        "79228162514264337593543950336", "NaN", "Infinity", "-0", "0x7FFFFFFF", "2147483648", "-2147483649",
        "1.2.3.4.5", "1,,,,3", "---", "1-999", "999-1", "0-0", "1 sampai 999999", "Rp -5 juta", "½", "⅞",
        "'; DROP TABLE sessions; --", "{reference}", "{", "}", "{{name}}", "<script>alert(1)</script>", "%s%n",
        "null", "undefined", "true", "[]", "{}", "\\", "\"", "ULANG ULANG", "/start OVOP-XXXXX-XXXXX", "OVOP-AAAAA-BBBBB",
    ];

    private static readonly InboundKind[] MediaKinds =
    [
        InboundKind.Photo, InboundKind.Voice, InboundKind.Document, InboundKind.Location, InboundKind.Contact,
        InboundKind.Choice, InboundKind.Unsupported, InboundKind.Edited, InboundKind.Command,
    ];

    /// <summary>One hostile text: a mix of fragments, random code points and digits of any script.</summary>
    public static string Text(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (random.Next(10))
        {
            case 0:
                return Long(random);
            case 1:
                return RandomCodePoints(random, random.Next(0, 40));
            case 2:
                return Digits(random) + Pick(random, ["-", ",", ".", " ", ", ", " dan ", "/", ".", "e"]) + Digits(random);
            default:
                var builder = new StringBuilder();
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    builder.Append(random.Next(3) switch
                    {
                        0 => Pick(random, Fragments),
                        1 => Digits(random),
                        _ => RandomCodePoints(random, random.Next(1, 6)),
                    });
                }

                return builder.ToString();
        }
    }

    /// <summary>Any message a person can send at any node: hostile text, a command of the flow, or media.</summary>
    public static InboundMessage Message(Random random, FlowDefinition flow, string address, string externalId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(flow);
        var message = new InboundMessage
        {
            Channel = "telegram", Address = address, ExternalId = externalId, ReceivedAt = now, Kind = InboundKind.Text,
        };
        return random.Next(10) switch
        {
            < 6 => message with { Text = Text(random) },
            < 8 => message with
            {
                Kind = random.Next(2) == 0 ? InboundKind.Text : InboundKind.Command,
                Text = Command(random, flow) + (random.Next(3) == 0 ? " " + Text(random) : ""),
            },
            _ => Media(random, message),
        };
    }

    /// <summary>An answer the node accepts (or starts its dialog with), in the person's language.</summary>
    public static InboundMessage Valid(Random random, FlowNode node, string language, InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(message);
        var english = language == "en";
        string Number(decimal wanted) => Math.Clamp(wanted, node.Min ?? 0, node.Max ?? decimal.MaxValue).ToString("0", CultureInfo.InvariantCulture);
        return node.Expect switch
        {
            AnswerKind.Photo => message with { Kind = InboundKind.Photo, MediaRef = "fuzz-photo", Text = null },
            AnswerKind.Voice => message with { Kind = InboundKind.Voice, MediaRef = "fuzz-voice", Text = null },
            AnswerKind.Location => message with { Kind = InboundKind.Location, Location = new GeoPoint(-10.17, 123.61), Text = null },
            _ => message with
            {
                Kind = InboundKind.Text,
                Text = node.Expect switch
                {
                    AnswerKind.Choice => random.Next(1, node.Options.Count + 1).ToString(CultureInfo.InvariantCulture),
                    AnswerKind.MultiChoice => node.Options.Count > 1 ? "1,2" : "1",
                    AnswerKind.YesNo => random.Next(2) == 0 ? "1" : english ? "yes" : "ya",
                    AnswerKind.Number => Number((node.Min ?? 0) + 3),
                    AnswerKind.Money => Number((node.Min ?? 0) + 5_000_000),
                    AnswerKind.Phone => "081234567890",
                    AnswerKind.Month => english ? "June" : "Juni",
                    AnswerKind.Months => english ? "June - August" : "Juni - Agustus",
                    AnswerKind.Village => "Oelnasi",
                    AnswerKind.Summary => "0",
                    _ => "Kopi Arabika dari kebun desa",
                },
            },
        };
    }

    /// <summary>Printable form for a failure report: control and invisible characters escaped.</summary>
    public static string Show(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Text is null ? "null" : Escape(message.Text.Length > 120 ? message.Text[..120] + $"…({message.Text.Length} chars)" : message.Text);
        return $"{message.Kind} \"{text}\"" + (message.Location is { } p ? $" @{p.Latitude},{p.Longitude}" : "");
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and < '\u007F' && c != '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }

    private static string Command(Random random, FlowDefinition flow)
    {
        var words = flow.Commands.Values.SelectMany(byLanguage => byLanguage.Values).SelectMany(w => w)
            .Concat(flow.StaffCommands.Values.SelectMany(byLanguage => byLanguage.Values).SelectMany(w => w))
            .Append("/start").Append("/help").ToList();
        var word = words[random.Next(words.Count)];
        return random.Next(3) switch
        {
            0 => word.ToLowerInvariant(),
            1 => "/" + word,
            _ => word,
        };
    }

    private static InboundMessage Media(Random random, InboundMessage message)
    {
        var kind = MediaKinds[random.Next(MediaKinds.Length)];
        double Coordinate() => random.Next(5) switch
        {
            0 => double.NaN,
            1 => double.PositiveInfinity,
            2 => double.MaxValue,
            _ => (random.NextDouble() * 400) - 200,
        };
        return message with
        {
            Kind = kind,
            Text = random.Next(2) == 0 ? null : Text(random),
            MediaRef = kind is InboundKind.Photo or InboundKind.Voice or InboundKind.Document ? "ref-" + random.Next() : null,
            ChoiceId = kind == InboundKind.Choice ? Text(random) : null,
            Location = kind == InboundKind.Location ? new GeoPoint(Coordinate(), Coordinate()) : null,
            Phone = kind == InboundKind.Contact ? Text(random) : null,
        };
    }

    private static string Long(Random random) => random.Next(3) switch
    {
        0 => new string('a', 10_000),
        1 => string.Concat(Enumerable.Repeat("👍🏽", 2_500)),
        _ => new string('9', 2_001),
    };

    private static string Digits(Random random)
    {
        var zero = DigitZeros[random.Next(DigitZeros.Length)];
        var builder = new StringBuilder();
        for (var i = random.Next(1, random.Next(2) == 0 ? 4 : 30); i > 0; i--)
        {
            builder.Append(char.ConvertFromUtf32(zero + random.Next(10)));
        }

        return builder.ToString();
    }

    // Any code point, lone surrogates included (they arrive from JSON escapes such as "\ud800").
    private static string RandomCodePoints(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var codePoint = random.Next(4) == 0 ? random.Next(0x10000, 0x110000) : random.Next(0, 0x10000);
            builder.Append(codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
