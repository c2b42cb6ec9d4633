using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OvopBot.Web;

/// <summary>
/// The gate in front of every dashboard page: the session cookie must name a live session (else the login page),
/// and every POST must come from our own pages (same origin) and carry the session's anti-forgery token (else 400).
/// </summary>
public static class WebAuth
{
    public const string SessionCookie = "ovop_session";
    public const string LanguageCookie = "ovop_lang";
    public const string CsrfField = "_csrf";

    public static async ValueTask<object?> RequireStaffAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var login = http.RequestServices.GetRequiredService<WebLogin>();
        var staff = await login.AuthenticateAsync(http.Request.Cookies[SessionCookie], http.RequestAborted);
        if (staff is null)
        {
            if (http.Request.Cookies.ContainsKey(SessionCookie))
            {
                http.Response.Cookies.Delete(SessionCookie, CookieOptions(http, TimeSpan.Zero));
            }

            return Results.Redirect("/admin/login");
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!SameOrigin(http) || !http.Request.HasFormContentType)
            {
                return Results.BadRequest();
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!WebLogin.CsrfMatches(staff, form[CsrfField].ToString()))
            {
                return Results.BadRequest();
            }
        }

        http.Items[typeof(WebStaff)] = staff;
        return await next(context);
    }

    /// <summary>The page context of an authenticated request (only valid behind <see cref="RequireStaffAsync"/>).</summary>
    public static WebPage Page(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var staff = (WebStaff)http.Items[typeof(WebStaff)]!;
        return new WebPage(staff, http.RequestServices.GetRequiredService<WebTexts>(), Language(http), http.Request.Path.Value ?? "/admin");
    }

    public static string Language(HttpContext http) => WebTexts.LanguageOrDefault(http?.Request.Cookies[LanguageCookie]);

    /// <summary>
    /// The session cookie's settings: HttpOnly (no script reads it), SameSite=Lax (sent when a link from Telegram is
    /// followed, not with other sites' forms), Secure when the dashboard is reached over HTTPS.
    /// </summary>
    public static CookieOptions CookieOptions(HttpContext http, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(http);
        var publicUrl = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.PublicUrl;
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps || publicUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            Path = "/admin",
            MaxAge = maxAge,
            IsEssential = true,
        };
    }

    /// <summary>A browser always names the page a form came from; another site's origin is refused.</summary>
    public static bool SameOrigin(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // Behind a reverse proxy the Host header may be rewritten; the public address counts as ours too.
        var publicUrl = http.RequestServices.GetRequiredService<WebLogin>().PublicUrl;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || Uri.TryCreate(publicUrl, UriKind.Absolute, out var ours) && string.Equals(uri.Authority, ours.Authority, StringComparison.OrdinalIgnoreCase));
    }
}
