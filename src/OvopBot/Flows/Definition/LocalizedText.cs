namespace OvopBot.Flows.Definition;

/// <summary>A text in several languages, keyed by language code ("id", "en").</summary>
public sealed class LocalizedText
{
    private readonly IReadOnlyDictionary<string, string> _byLanguage;

    public LocalizedText(IReadOnlyDictionary<string, string> byLanguage, int line)
    {
        _byLanguage = byLanguage;
        Line = line;
    }

    /// <summary>No text (a staff dialog node that only acts or waits).</summary>
    public static LocalizedText None(int line) => new(new Dictionary<string, string>(), line);

    public bool IsEmpty => _byLanguage.Count == 0;

    /// <summary>The line of the text in its flow file, for error messages.</summary>
    public int Line { get; }

    public IEnumerable<string> Languages => _byLanguage.Keys;

    public bool Has(string language) => _byLanguage.ContainsKey(language);

    /// <summary>The text in the language, falling back to the first language given.</summary>
    public string Get(string language) =>
        _byLanguage.TryGetValue(language, out var text) ? text : _byLanguage.Values.First();
}
