using System.Globalization;
using System.Text.Json.Nodes;

namespace OvopBot.Flows.Definition;

/// <summary>
/// A skip condition on earlier answers (<c>when:</c>), e.g. <c>support in [funding, both]</c>,
/// <c>challenges has capital</c>, <c>producers.count &gt; 0 and product.stage != idea</c>.
/// Clauses are joined by <c>and</c> / <c>or</c>; <c>and</c> binds tighter. A field that has no answer makes a
/// clause false (except <c>!=</c> and <c>not in</c>, which are then true).
/// </summary>
public sealed class Condition
{
    private readonly IReadOnlyList<IReadOnlyList<Clause>> _anyOfAll;

    private Condition(string source, IReadOnlyList<IReadOnlyList<Clause>> anyOfAll)
    {
        Source = source;
        _anyOfAll = anyOfAll;
    }

    public string Source { get; }

    /// <summary>Every answer field the condition reads.</summary>
    public IEnumerable<string> Fields => _anyOfAll.SelectMany(all => all).Select(c => c.Field).Distinct();

    /// <summary>Parses a condition; throws <see cref="FormatException"/> with a readable message.</summary>
    public static Condition Parse(string source)
    {
        var groups = new List<IReadOnlyList<Clause>>();
        foreach (var orPart in SplitKeyword(source, "or"))
        {
            groups.Add(SplitKeyword(orPart, "and").Select(ParseClause).ToList());
        }

        return new Condition(source, groups);
    }

    public bool Evaluate(IReadOnlyDictionary<string, JsonNode?> answers) =>
        _anyOfAll.Any(all => all.All(clause => clause.Evaluate(answers)));

    public override string ToString() => Source;

    private static List<string> SplitKeyword(string text, string keyword)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var tokenStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (char.IsWhiteSpace(c))
            {
                if (tokenStart >= 0 && depth == 0 && text[tokenStart..i] == keyword)
                {
                    parts.Add(text[start..tokenStart].Trim());
                    start = i;
                }

                tokenStart = -1;
            }
            else if (tokenStart < 0)
            {
                tokenStart = i;
            }
        }

        parts.Add(text[start..].Trim());
        if (parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException($"'{keyword}' needs a condition on both sides");
        }

        return parts;
    }

    private static readonly string[] Operators = ["not in", ">=", "<=", "==", "!=", ">", "<", " in ", " has "];

    private static Clause ParseClause(string text)
    {
        foreach (var op in Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var field = text[..at].Trim();
            var value = text[(at + op.Length)..].Trim();
            if (field.Length == 0 || field.Contains(' ', StringComparison.Ordinal) || value.Length == 0)
            {
                throw new FormatException($"cannot read condition '{text}': expected FIELD OPERATOR VALUE");
            }

            return new Clause(field, op.Trim(), ParseValues(value));
        }

        throw new FormatException(
            $"cannot read condition '{text}': use ==, !=, in [..], not in [..], has, >, >=, <, <=");
    }

    private static IReadOnlyList<string> ParseValues(string value)
    {
        if (value.StartsWith('[') && value.EndsWith(']'))
        {
            return value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        return [value];
    }

    private sealed record Clause(string Field, string Operator, IReadOnlyList<string> Values)
    {
        public bool Evaluate(IReadOnlyDictionary<string, JsonNode?> answers)
        {
            answers.TryGetValue(Field, out var answer);
            var actual = Strings(answer);
            return Operator switch
            {
                "==" or "in" => actual.Overlaps(Values),
                "!=" or "not in" => !actual.Overlaps(Values),
                "has" => actual.IsSupersetOf(Values),
                _ => Compare(answer),
            };
        }

        private bool Compare(JsonNode? answer)
        {
            if (answer is not JsonValue v || !v.TryGetValue(out decimal number) ||
                !decimal.TryParse(Values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var limit))
            {
                return false;
            }

            return Operator switch
            {
                ">" => number > limit,
                ">=" => number >= limit,
                "<" => number < limit,
                _ => number <= limit,
            };
        }

        private static HashSet<string> Strings(JsonNode? answer) => answer switch
        {
            null => [],
            JsonArray array => array.Select(item => item?.ToString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase),
            JsonValue value when value.TryGetValue(out bool b) => new([b ? "yes" : "no"], StringComparer.OrdinalIgnoreCase),
            JsonValue value => new([value.ToString()], StringComparer.OrdinalIgnoreCase),
            _ => [],
        };
    }
}
