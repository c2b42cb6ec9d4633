using System.Globalization;
using System.Text.Json.Nodes;
using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Answers;

/// <summary>Small helpers shared by the interpreters for reading and showing saved values.</summary>
internal static class AnswerValues
{
    public static string Number(decimal value) => value.ToString("#,0.##", IndonesianNumbers);

    /// <summary>Indonesian digit grouping: 1.500,5 — what village heads read and write.</summary>
    public static readonly NumberFormatInfo IndonesianNumbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
    };

    public static string OptionLabel(FlowNode node, string key, string language) =>
        node.Options.FirstOrDefault(o => o.Key == key)?.Label.Get(language) ?? key;

    /// <summary>The saved value of "tidak tahu" where a question allows it; read back with <see cref="IsUnknown"/>.</summary>
    public static JsonObject Unknown() => new() { ["unknown"] = true };

    public static bool IsUnknown(JsonNode? value) => value is JsonObject o && o["unknown"] is JsonValue v && v.TryGetValue(out bool b) && b;

    public static string? AsString(JsonNode? value) => value is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static decimal? AsDecimal(JsonNode? value) => value is JsonValue v && v.TryGetValue(out decimal d) ? d : null;

    public static Dictionary<string, string> Limits(FlowNode node, string language) => new()
    {
        ["min"] = node.Min is { } min ? Number(min) : "",
        ["max"] = node.Max is { } max ? Number(max) : "",
        ["unit"] = node.Unit?.Get(language) ?? "",
    };
}
