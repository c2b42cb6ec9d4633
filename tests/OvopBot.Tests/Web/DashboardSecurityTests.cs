using System.Net;
using System.Text.RegularExpressions;

namespace OvopBot.Tests.Web;

/// <summary>
/// The dashboard's refusals over plain HTTP against the real service: forged and tampered cookies, forms without the
/// anti-forgery token or from another site, other regions' ids, and absurd filter values. Nothing here needs a
/// browser, so these run even where Chromium is missing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardSecurityTests(DashboardService dashboard)
{
    [Fact]
    public async Task A_forged_or_tampered_cookie_gets_the_login_page_and_nothing_else()
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/admin/records", cookie)).StatusCode);

        var tampered = cookie[..^1] + (cookie[^1] == 'A' ? 'B' : 'A');
        foreach (var forged in new[] { tampered, "x", new string('A', 43), cookie + "A", "../../etc/passwd" })
        {
            var response = await GetAsync(http, "/admin/records", forged);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/login", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_or_from_another_site_is_refused()
    {
        var (http, cookie) = await LoginAsync(DashboardService.ProvinceAdmin);
        var page = await (await GetAsync(http, "/admin/staff", cookie)).Content.ReadAsStringAsync();
        var csrf = CsrfPattern().Match(page).Groups[1].Value;
        Assert.NotEmpty(csrf);
        var form = new Dictionary<string, string> { ["contact"] = "telegram:4242", ["role"] = "facilitator", ["region"] = "53.01" };

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "/admin/staff/grant", cookie, form)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "/admin/staff/grant", cookie, new(form) { ["_csrf"] = csrf + "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "/admin/staff/grant", cookie, new(form) { ["_csrf"] = csrf }, origin: "https://evil.example")).StatusCode);
        Assert.DoesNotContain("telegram:4242", await (await GetAsync(http, "/admin/staff", cookie)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(http, "/admin/staff/grant", cookie, new(form) { ["_csrf"] = csrf })).StatusCode);
        Assert.Contains("telegram:4242", await (await GetAsync(http, "/admin/staff", cookie)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_cannot_act_on_another_region_by_posting_its_codes()
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        var page = await (await GetAsync(http, "/admin/broadcasts", cookie)).Content.ReadAsStringAsync();
        var csrf = CsrfPattern().Match(page).Groups[1].Value;
        var response = await PostAsync(http, "/admin/broadcasts/preview", cookie,
            new() { ["_csrf"] = csrf, ["target"] = "all", ["region"] = "53.04", ["text"] = "Halo Belu" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("/confirm", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, "/admin/staff/grant", cookie,
            new() { ["_csrf"] = csrf, ["contact"] = "telegram:1", ["role"] = "admin", ["region"] = "53" })).StatusCode);
    }

    [Fact]
    public async Task A_broadcast_text_over_500_characters_is_refused_with_its_length_and_nothing_is_prepared()
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        var page = await (await GetAsync(http, "/admin/broadcasts", cookie)).Content.ReadAsStringAsync();
        Assert.Contains("maxlength=500", page, StringComparison.Ordinal);
        var csrf = CsrfPattern().Match(page).Groups[1].Value;

        var response = await PostAsync(http, "/admin/broadcasts/preview", cookie,
            new() { ["_csrf"] = csrf, ["target"] = "all", ["region"] = "53.01", ["text"] = new string('a', 501) });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("(501 huruf). Paling banyak 500 huruf", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/confirm", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/records?page=-1")]
    [InlineData("/admin/records?page=99999999999999999999")]
    [InlineData("/admin/records?page=abc&sort=1;DROP%20TABLE%20submissions&dir=sideways")]
    [InlineData("/admin/records?status=%27%20OR%201=1--&category=%3Cb%3E&support=../../x")]
    [InlineData("/admin/records?q=%25%25%25_%5C")]
    [InlineData("/admin/records?page=100000")]
    [InlineData("/admin/conversations?page=-5")]
    [InlineData("/admin?missing=-3")]
    public async Task Absurd_filter_values_are_ignored_or_clamped_never_an_error(string url)
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        var response = await GetAsync(http, url, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin?region=%27%3B%20DROP%20TABLE%20submissions--")]
    [InlineData("/admin?region=53.04")]
    [InlineData("/admin?region=99")]
    [InlineData("/admin/records?region=53")]
    [InlineData("/admin/records?region=" + "5301010001000000000000000000000000")]
    [InlineData("/admin/requests?region=53.04.01")]
    [InlineData("/admin/export?region=53.01&kind=passwords&format=csv")]
    public async Task Region_codes_outside_the_scope_or_malformed_answer_404_and_bad_export_kinds_400(string url)
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        var status = (await GetAsync(http, url, cookie)).StatusCode;
        Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {status}");
    }

    [Fact]
    public async Task An_export_keeps_only_the_days_asked_for_and_a_malformed_or_reversed_range_is_refused()
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // the records were made just now; days are WITA
        async Task<HttpResponseMessage> Export(string days) =>
            await GetAsync(http, "/admin/export?region=53.01&kind=submissions&format=csv" + days, cookie);
        async Task<int> Rows(string days)
        {
            var response = await Export(days);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        }

        var all = await Rows("");
        Assert.True(all > 0);
        Assert.Equal(all, await Rows($"&since={today.AddDays(-1):yyyy-MM-dd}&until={today.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal(0, await Rows($"&since={today.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal(0, await Rows($"&until={today.AddDays(-1):yyyy-MM-dd}"));
        foreach (var bad in new[] { "&since=kemarin", "&until=2026-13-01", "&since=01-12-2026", $"&since={today:yyyy-MM-dd}&until={today.AddDays(-1):yyyy-MM-dd}" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Export(bad)).StatusCode);
        }
    }

    [Fact]
    public async Task A_long_search_is_cut_and_said_so()
    {
        var (http, cookie) = await LoginAsync(DashboardService.KupangFacilitator);
        var html = await (await GetAsync(http, "/admin/records?q=" + new string('x', 3_000), cookie)).Content.ReadAsStringAsync();
        Assert.Contains("diabaikan", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 101), html, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Http, string Cookie)> LoginAsync(long chat)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(dashboard.BaseUrl) };
        var link = await dashboard.LinkAsync(chat);
        var response = await http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = link[(link.LastIndexOf('/') + 1)..] }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ovop_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        return (http, setCookie["ovop_session=".Length..setCookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "ovop_session=" + cookie);
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, string cookie, Dictionary<string, string> form, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", "ovop_session=" + cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return http.SendAsync(request);
    }

    [GeneratedRegex("name=_csrf value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
