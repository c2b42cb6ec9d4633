using System.Text;

namespace OvopBot.Web;

/// <summary>Previous / page n of m / next links under a long list.</summary>
public static class WebPaging
{
    public static string Links(WebPage page, int current, int pages, Func<int, string> href)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(href);
        if (pages <= 1)
        {
            return "";
        }

        var html = new StringBuilder("<nav class=paging aria-label=paging>");
        if (current > 1)
        {
            html.Append($"<a href=\"{Html.E(href(current - 1))}\" rel=prev>‹ {page.TE("previous")}</a> ");
        }

        html.Append($"<span>{page.TE("page_of", ("page", Html.N(current)), ("pages", Html.N(pages)))}</span>");
        if (current < pages)
        {
            html.Append($" <a href=\"{Html.E(href(current + 1))}\" rel=next>{page.TE("next")} ›</a>");
        }

        return html.Append("</nav>").ToString();
    }
}
