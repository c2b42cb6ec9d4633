using System.Text;

namespace OvopBot.Flows.Definition;

/// <summary>Fills <c>{name}</c> placeholders in flow texts; unknown placeholders are left as they are.</summary>
public static class TextFormatter
{
    public static string Format(string template, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            if (values.TryGetValue(name, out var value))
            {
                result.Append(value);
            }
            else
            {
                result.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return result.ToString();
    }
}
