using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>
/// A shared location, or coordinates typed as "-10.17, 123.61" (what the console and some phones can do).
/// The saved value is <c>{"lat": …, "lon": …}</c>.
/// </summary>
public sealed partial class LocationInterpreter : IAnswerInterpreter
{
    public AnswerKind Kind => AnswerKind.Location;

    public Interpretation Interpret(AnswerInput input)
    {
        var point = input.Message.Location ?? (input.Message.Kind == InboundKind.Text ? ParseTyped(input.Text) : null);
        if (point is not { } p || !double.IsFinite(p.Latitude) || !double.IsFinite(p.Longitude)
            || p.Latitude is < -90 or > 90 || p.Longitude is < -180 or > 180)
        {
            return new Rejected("expect_location");
        }

        return new Accepted(new JsonObject { ["lat"] = p.Latitude, ["lon"] = p.Longitude });
    }

    /// <summary>"lat,lon" or "lat lon" with dots as decimal separators.</summary>
    internal static GeoPoint? ParseTyped(string text)
    {
        var match = Coordinates().Match(TextCleaner.Clean(text));
        return match.Success
            && double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(match.Groups[2].ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var lon)
                ? new GeoPoint(lat, lon)
                : null;
    }

    [GeneratedRegex(@"^\s*(-?[0-9]{1,2}\.[0-9]{1,12})\s*[,; ]\s*(-?[0-9]{1,3}\.[0-9]{1,12})\s*$")]
    private static partial Regex Coordinates();

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        value is JsonObject o
            ? string.Create(CultureInfo.InvariantCulture, $"{(double)o["lat"]!:0.#####}, {(double)o["lon"]!:0.#####}")
            : "";
}
