namespace OvopBot.Regions;

/// <summary>A name as compared: its key ("mataloko") and its spaced form ("mata loko"), see <see cref="NameKey"/>.</summary>
internal readonly record struct NameForms(string Key, string Spaced)
{
    public static NameForms Of(NameKey keys, string? text) => new(keys.Of(text), keys.SpacedOf(text));
}
