using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OvopBot.Web;

/// <summary>
/// The pages before login. Opening a link shows a button rather than logging in at once: chat apps fetch links to
/// draw previews, and a GET that used the token up would let the preview robot spend it.
/// </summary>
public static class LoginPages
{
    public static IResult Start(HttpContext http)
    {
        var (texts, language) = Context(http);
        return WebPage.Public(texts, language, "login_title",
            $"<h1>{Html.E(texts.Get("login_title", language))}</h1><p>{Html.E(texts.Get("login_how", language))}</p>");
    }

    public static IResult Confirm(HttpContext http, string token)
    {
        var (texts, language) = Context(http);
        return WebPage.Public(texts, language, "login_title",
            $"<h1>{Html.E(texts.Get("login_title", language))}</h1><form method=post action=/admin/login>" +
            $"<input type=hidden name=token value=\"{Html.E(token)}\"><button type=submit>{Html.E(texts.Get("login_button", language))}</button></form>");
    }

    public static async Task<IResult> RedeemAsync(HttpContext http)
    {
        var (texts, language) = Context(http);
        if (!WebAuth.SameOrigin(http) || !http.Request.HasFormContentType)
        {
            return Results.BadRequest();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var result = await http.RequestServices.GetRequiredService<WebLogin>().RedeemAsync(form["token"].ToString(), http.RequestAborted);
        if (result.SessionToken is not { } session)
        {
            var key = result.Refusal switch
            {
                WebLoginRefusal.Expired => "login_expired",
                WebLoginRefusal.Used => "login_used",
                _ => "login_unknown",
            };
            return WebPage.Public(texts, language, "login_title",
                $"<h1>{Html.E(texts.Get("login_refused", language))}</h1><p role=alert>{Html.E(texts.Get(key, language))}</p><p>{Html.E(texts.Get("login_how", language))}</p>",
                StatusCodes.Status403Forbidden);
        }

        var idle = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.SessionIdleTimeout;
        http.Response.Cookies.Append(WebAuth.SessionCookie, session, WebAuth.CookieOptions(http, idle));
        return Results.Redirect("/admin");
    }

    public static async Task<IResult> LogoutAsync(HttpContext http)
    {
        var token = http.Request.Cookies[WebAuth.SessionCookie];
        if (token is not null)
        {
            await http.RequestServices.GetRequiredService<WebLogin>().EndAsync(token, http.RequestAborted);
        }

        http.Response.Cookies.Delete(WebAuth.SessionCookie, WebAuth.CookieOptions(http, TimeSpan.Zero));
        var (texts, language) = Context(http);
        return WebPage.Public(texts, language, "login_title",
            $"<h1>{Html.E(texts.Get("logged_out", language))}</h1><p>{Html.E(texts.Get("login_how", language))}</p>");
    }

    /// <summary>Remembers the language (a year) and goes back to the page, which must be one of ours.</summary>
    public static IResult Language(HttpContext http, string language, string? back)
    {
        http.Response.Cookies.Append(WebAuth.LanguageCookie, WebTexts.LanguageOrDefault(language),
            new CookieOptions { Path = "/admin", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
        var local = back is not null && back.StartsWith("/admin", StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal) ? back : "/admin";
        return Results.Redirect(local);
    }

    private static (WebTexts Texts, string Language) Context(HttpContext http) =>
        (http.RequestServices.GetRequiredService<WebTexts>(), WebAuth.Language(http));
}
