using Microsoft.AspNetCore.Http;
using OvopBot.Flows.Definition;

namespace OvopBot.Web;

/// <summary>
/// The records list's filter as read from the URL. Nothing in it is trusted: values outside the allowed sets are
/// dropped (and listed in <see cref="Ignored"/> so the page can say so), numbers are clamped, text is cut short.
/// The region is checked against the scope separately (<see cref="WebRegions.Resolve"/>).
/// </summary>
public sealed record RecordFilter(string? Region, string? Status, string? Review, string? Category, string? Support, string? Text,
    string Sort, bool Descending, int Page)
{
    public const int MaxTextLength = 100;
    public const int MaxPage = 100_000;

    public static readonly IReadOnlyList<string> Statuses = ["submitted", "draft"];
    public static readonly IReadOnlyList<string> Sorts = ["village", "updated", "product", "reference"];

    public const string CategoryField = "product.category";
    public const string SupportField = "support.type";

    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>No filter: every record in scope.</summary>
    public static RecordFilter None { get; } = new(null, null, null, null, null, null, "village", false, 1);

    public static RecordFilter Parse(IQueryCollection query, FlowDefinition flow, IReadOnlyList<string> reviewStates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(flow);
        var ignored = new List<string>();
        string? OneOf(string name, IEnumerable<string> allowed)
        {
            var value = query[name].ToString().Trim();
            if (value.Length == 0)
            {
                return null;
            }

            if (allowed.Contains(value, StringComparer.Ordinal))
            {
                return value;
            }

            ignored.Add(name);
            return null;
        }

        var text = query["q"].ToString().Trim();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
            ignored.Add("q");
        }

        var pageText = query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage))
        {
            ignored.Add("page");
            page = 1;
        }

        var region = query["region"].ToString().Trim();
        return new RecordFilter(
            region.Length == 0 ? null : region,
            OneOf("status", Statuses),
            OneOf("review", reviewStates),
            OneOf("category", OptionKeys(flow, CategoryField)),
            OneOf("support", OptionKeys(flow, SupportField)),
            text.Length == 0 ? null : text,
            OneOf("sort", Sorts) ?? "village",
            query["dir"].ToString() == "desc",
            page)
        {
            Ignored = ignored,
        };
    }

    /// <summary>The option keys of the question that saves <paramref name="field"/>.</summary>
    public static IReadOnlyList<FlowOption> Options(FlowDefinition flow, string field)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.Nodes.FirstOrDefault(n => n.Save == field)?.Options ?? [];
    }

    /// <summary>The URL of this filter with some values changed (null removes one).</summary>
    public string Url(string path, int? page = null, string? sort = null, bool? descending = null, params (string Name, string Value)[] extra)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Html.U(value)}");
            }
        }

        Add("region", Region);
        Add("status", Status);
        Add("review", Review);
        Add("category", Category);
        Add("support", Support);
        Add("q", Text);
        Add("sort", sort ?? Sort);
        if (descending ?? Descending)
        {
            Add("dir", "desc");
        }

        if ((page ?? Page) > 1)
        {
            Add("page", (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in extra)
        {
            Add(name, value);
        }

        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }

    private static IEnumerable<string> OptionKeys(FlowDefinition flow, string field) => Options(flow, field).Select(o => o.Key);
}
