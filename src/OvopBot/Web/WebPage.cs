using System.Text;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Web;

/// <summary>
/// One request's view of the dashboard: the staff member, the language, the texts, and the shared page shell
/// (navigation, language switch, logout). Pages write their body and hand it to <see cref="Render"/>.
/// </summary>
public sealed class WebPage(WebStaff staff, WebTexts texts, string language, string path)
{
    public const string ContentType = "text/html; charset=utf-8";

    private static readonly (string Key, string Href, bool AdminOnly)[] Menu =
    [
        ("nav_progress", "/admin", false),
        ("nav_records", "/admin/records", false),
        ("nav_requests", "/admin/requests", false),
        ("nav_conversations", "/admin/conversations", false),
        ("nav_broadcasts", "/admin/broadcasts", false),
        ("nav_exports", "/admin/exports", false),
        ("nav_staff", "/admin/staff", true),
    ];

    public WebStaff Staff => staff;

    public string Language => language;

    /// <summary>The text for the key in the page's language (not escaped: wrap in <see cref="Html.E"/> when it holds values).</summary>
    public string T(string key, params (string Name, object Value)[] values) => texts.Get(key, language, values);

    /// <summary>The escaped text, for element content and attributes.</summary>
    public string TE(string key, params (string Name, object Value)[] values) => Html.E(T(key, values));

    /// <summary>The hidden anti-forgery field every form carries.</summary>
    public string Csrf => $"<input type=hidden name={WebAuth.CsrfField} value=\"{Html.E(staff.Csrf)}\">";

    public IResult Render(string titleKey, string body, int status = StatusCodes.Status200OK) => Results.Content(Shell(T(titleKey), body), ContentType, Encoding.UTF8, status);

    /// <summary>
    /// 404 with a page a person can read. Unknown ids and ids outside the staff member's scope both end here, so a
    /// URL never tells whether another region's record exists.
    /// </summary>
    public IResult NotFound() =>
        Render("not_found_title", $"<h1>{TE("not_found_title")}</h1><p>{TE("not_found_text")}</p><p><a href=/admin>{TE("nav_progress")}</a></p>", StatusCodes.Status404NotFound);

    public string Shell(string title, string body)
    {
        var html = new StringBuilder(body.Length + 2048);
        html.Append(Head(language, title));
        html.Append("<header><nav><ul><li><strong>OVOP</strong></li></ul><ul>");
        foreach (var (key, href, adminOnly) in Menu)
        {
            if (adminOnly && !staff.IsAdmin)
            {
                continue;
            }

            var current = href == "/admin" ? path is "/admin" or "/admin/" : path.StartsWith(href, StringComparison.Ordinal);
            html.Append($"<li><a href=\"{href}\"{(current ? " aria-current=page" : "")}>{TE(key)}</a></li>");
        }

        html.Append("</ul></nav></header><main>").Append(body).Append("</main><footer><small>");
        var other = language == "id" ? "en" : "id";
        html.Append($"<a href=\"/admin/lang/{other}?back={Html.U(path)}\" lang={other}>{Html.E(texts.Get("language_switch", other))}</a> · ");
        html.Append($"{TE("signed_in_as", ("contact", staff.Contact), ("role", T("role_" + Roles.StaffRoles.ToText(staff.Role))))} · ");
        html.Append($"<form method=post action=/admin/logout class=inline>{Csrf}<button type=submit class=link>{TE("logout")}</button></form>");
        html.Append("</small></footer><script src=\"/admin/assets/app.js\"></script></body></html>");
        return html.ToString();
    }

    /// <summary>The document head shared with the pages seen before login.</summary>
    public static string Head(string language, string title) =>
        $"<!doctype html><html lang={language}><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\">" +
        $"<title>{Html.E(title)} · OVOP</title><link rel=stylesheet href=\"/admin/assets/pico.classless.min.css\"><link rel=stylesheet href=\"/admin/assets/app.css\"></head><body>";

    /// <summary>A page for people who are not logged in (login, refused link), with the same look.</summary>
    public static IResult Public(WebTexts texts, string language, string titleKey, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($"{Head(language, texts.Get(titleKey, language))}<main>{body}</main></body></html>", ContentType, Encoding.UTF8, status);
}
