using YamlDotNet.Serialization;

namespace OvopBot.Web;

/// <summary>
/// The dashboard's wording, from <c>flows/web/dashboard.yaml</c> (Bahasa Indonesia first, English second), so every
/// word a user reads lives in <c>flows/</c> like the chat's. A key missing in English falls back to Indonesian.
/// </summary>
public sealed class WebTexts
{
    public const string FileName = "dashboard.yaml";

    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    private WebTexts(Dictionary<string, Dictionary<string, string>> texts) => _texts = texts;

    public static IReadOnlyList<string> Languages { get; } = ["id", "en"];

    /// <summary>Reads <c>web/dashboard.yaml</c> under the flows folder.</summary>
    public static WebTexts Load(string flowsDirectory)
    {
        var path = Path.Combine(flowsDirectory, "web", FileName);
        var file = new DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, string>>>>(File.ReadAllText(path));
        return new WebTexts(file.TryGetValue("texts", out var texts) ? texts : throw new InvalidDataException($"{path}: no 'texts:' section"));
    }

    public IEnumerable<string> Keys => _texts.Keys;

    /// <summary>The text in the language with <c>{name}</c> placeholders filled; the key itself when it is missing (a visible mistake, not a crash).</summary>
    public string Get(string key, string language, params (string Name, object Value)[] values)
    {
        if (!_texts.TryGetValue(key, out var perLanguage))
        {
            return key;
        }

        var text = perLanguage.GetValueOrDefault(language) ?? perLanguage.GetValueOrDefault("id") ?? key;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    public static string LanguageOrDefault(string? language) => language is "en" ? "en" : "id";
}
