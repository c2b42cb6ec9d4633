using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OvopBot.Flows.Loading;

/// <summary>
/// A minimal YAML document tree that remembers the line of every node and keeps mapping keys in file order.
/// We build it ourselves from YamlDotNet's event stream (instead of the representation model) so that duplicate
/// keys are reported as flow errors with their line, rather than thrown as a parser exception.
/// </summary>
internal abstract record YamlValue(int Line);

internal sealed record YamlScalar(int Line, string Value, bool Quoted) : YamlValue(Line);

internal sealed record YamlList(int Line, IReadOnlyList<YamlValue> Items) : YamlValue(Line);

internal sealed record YamlEntry(int Line, string Key, YamlValue Value);

internal sealed record YamlMap(int Line, IReadOnlyList<YamlEntry> Entries) : YamlValue(Line)
{
    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);
}

/// <summary>Reads a YAML text into a <see cref="YamlValue"/> tree.</summary>
internal static class YamlTreeReader
{
    public static YamlValue Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return ReadDocument(parser);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner sometimes fails this way instead of with a YamlException; report where it stopped.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "the YAML cannot be read here (" + e.Message + ")");
        }
    }

    private static YamlValue ReadDocument(IParser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return new YamlMap(1, []);
        }

        parser.Consume<DocumentStart>();
        var root = ReadValue(parser);
        parser.Consume<DocumentEnd>();
        return root;
    }

    private static YamlValue ReadValue(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlScalar(LineOf(scalar), scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
        }

        if (parser.TryConsume<SequenceStart>(out var seq))
        {
            var items = new List<YamlValue>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadValue(parser));
            }

            return new YamlList(LineOf(seq), items);
        }

        if (parser.TryConsume<MappingStart>(out var map))
        {
            var entries = new List<YamlEntry>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                entries.Add(new YamlEntry(LineOf(key), key.Value, ReadValue(parser)));
            }

            return new YamlMap(LineOf(map), entries);
        }

        var unexpected = parser.Current;
        throw new YamlException(unexpected!.Start, unexpected.End, "anchors and aliases are not supported in flow files");
    }

    private static int LineOf(ParsingEvent e) => (int)e.Start.Line;
}
