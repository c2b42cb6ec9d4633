using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OvopBot.Understanding;

/// <summary>
/// The local ways of saying "I do not know", "there is none", yes, no and the seasons, read from
/// <c>local-speech.yaml</c> (embedded beside this file, each form with where it comes from). Forms compare folded
/// (case, accents, punctuation), so "Sonde tau." matches "sonde tau".
/// </summary>
public static class LocalSpeech
{
    private static readonly Table Data = Load();
    private static readonly HashSet<string> UnknownForms = Folded(Data.Unknown);
    private static readonly HashSet<string> NoneForms = Folded(Data.None);
    private static readonly Dictionary<string, IReadOnlyList<int>> SeasonForms =
        Data.Seasons.ToDictionary(s => TextCleaner.Fold(s.Form), s => (IReadOnlyList<int>)s.Months, StringComparer.Ordinal);

    /// <summary>The whole table, for tests and documentation.</summary>
    public static Table Entries => Data;

    /// <summary>"tidak tahu", "sonde tau", "belum tahu"…: the person does not know.</summary>
    public static bool IsUnknown(string? text) => text is not null && UnknownForms.Contains(Key(text));

    /// <summary>"belum ada", "nihil", "kosong", "trada"…: there is none (0 where a count fits).</summary>
    public static bool IsNone(string? text) => text is not null && NoneForms.Contains(Key(text));

    /// <summary>The months of a season named alone ("musim hujan"), or null.</summary>
    public static IReadOnlyList<int>? Season(string? text) =>
        text is not null && SeasonForms.TryGetValue(Key(text), out var months) ? months : null;

    internal static IEnumerable<string> YesWords => Data.Yes.Select(e => e.Form);

    internal static IEnumerable<string> NoWords => Data.No.Select(e => e.Form);

    internal static IEnumerable<string> FillerWords => Data.Fillers.Select(e => e.Form);

    private static string Key(string text) => TextCleaner.Fold(TextCleaner.Clean(text)).Replace("'", "", StringComparison.Ordinal);

    private static HashSet<string> Folded(IEnumerable<Entry> entries) =>
        new(entries.Select(e => Key(e.Form)), StringComparer.Ordinal);

    private static Table Load()
    {
        using var stream = typeof(LocalSpeech).Assembly.GetManifestResourceStream("OvopBot.Understanding.local-speech.yaml")
                           ?? throw new InvalidOperationException("local-speech.yaml is not embedded");
        using var reader = new StreamReader(stream);
        return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<Table>(reader);
    }

    public sealed class Table
    {
        public List<Entry> Unknown { get; set; } = [];
        public List<Entry> None { get; set; } = [];
        public List<Entry> No { get; set; } = [];
        public List<Entry> Yes { get; set; } = [];
        public List<Entry> Fillers { get; set; } = [];
        public List<Entry> Seasons { get; set; } = [];
        public List<Entry> Numbers { get; set; } = [];
    }

    public sealed class Entry
    {
        public string Form { get; set; } = "";
        public string From { get; set; } = "";
        public List<int> Months { get; set; } = [];
        public decimal Value { get; set; }
    }
}
