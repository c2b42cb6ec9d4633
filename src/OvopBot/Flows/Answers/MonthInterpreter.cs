using System.Text.Json.Nodes;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;
using OvopBot.Understanding;

namespace OvopBot.Flows.Answers;

/// <summary>
/// One month (<c>expect: month</c>, saved as 1..12) or several (<c>expect: months</c>, e.g. a harvest season
/// "Juni - Agustus" or "sepanjang tahun", saved as an array of 1..12). Month names for display come from the flow
/// text <c>month_names</c> (twelve names separated by commas).
/// </summary>
public sealed class MonthInterpreter(AnswerKind kind) : IAnswerInterpreter
{
    public AnswerKind Kind => kind;

    public Interpretation Interpret(AnswerInput input)
    {
        if (kind == AnswerKind.Month)
        {
            return MonthParser.ParseMonth(input.Text) is { } month
                ? new Accepted(JsonValue.Create(month))
                : new Rejected("month_unclear");
        }

        // "musim hujan" is a season, not exact months: the months are spelled out and asked back before saving.
        if (LocalSpeech.Season(input.Text) is { } season)
        {
            var value = new JsonArray(season.Order().Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            return new NeedsConfirmation(value, Display(input.Flow, input.Node, value, input.Language));
        }

        var months = MonthParser.ParseMonths(input.Text);
        return months is { Count: > 0 }
            ? new Accepted(new JsonArray(months.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()))
            : new Rejected("month_unclear");
    }

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language)
    {
        var names = flow.Text("month_names", language).Split(',', StringSplitOptions.TrimEntries);
        string Name(JsonNode? m) => m is JsonValue v && v.TryGetValue(out int i) && i is >= 1 and <= 12 ? names[i - 1] : "";
        return value switch
        {
            JsonArray { Count: 12 } => flow.Text("all_year", language),
            JsonArray array => string.Join(", ", array.Select(Name)),
            _ => Name(value),
        };
    }
}
