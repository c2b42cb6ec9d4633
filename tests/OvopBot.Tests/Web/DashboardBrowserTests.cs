using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Web;

/// <summary>
/// The dashboard in a real browser (Chromium through Playwright) against the real service and SQLite: login by a
/// link asked for in the chat, refused links, scope by URL, a broadcast from the web reaching each person once on the
/// fake Telegram, an export that reads back, escaping, and every page at a phone's width without sideways
/// scrolling (with a screenshot of each).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardBrowserTests(ChromiumBrowser chromium, DashboardService dashboard)
{
    [Fact]
    public async Task A_facilitator_sends_WEB_in_the_chat_opens_the_link_and_sees_the_progress_of_Kabupaten_Kupang()
    {
        if (!chromium.Available())
        {
            return;
        }

        dashboard.Fake.PushText(DashboardService.KupangFacilitator, "/web");
        var reply = await WaitForAsync(() => dashboard.Fake.SentTo(DashboardService.KupangFacilitator).Select(m => m.Text ?? "").FirstOrDefault(t => t.Contains("/admin/login/", StringComparison.Ordinal)));
        var link = LinkPattern().Match(reply).Value;
        Assert.StartsWith(dashboard.BaseUrl + "/admin/login/", link, StringComparison.Ordinal);
        Assert.Contains(dashboard.BaseUrl + "/admin", reply.Replace(link, "", StringComparison.Ordinal), StringComparison.Ordinal);

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(dashboard.BaseUrl + "/admin");
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "ovop_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);

        // Their one region, Kabupaten Kupang, split by district.
        Assert.Contains("Kabupaten Kupang", await page.InnerTextAsync("nav.crumbs"), StringComparison.Ordinal);
        Assert.Equal(dashboard.Catalog.DistrictsOf("53.01").Count, await page.Locator("main table").First.Locator("tbody tr").CountAsync());
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Terkirim 10", main, StringComparison.Ordinal);
        Assert.Contains("Sedang diisi 4", main, StringComparison.Ordinal);
        Assert.Equal(dashboard.Catalog.VillagesOf("53.01").Count, await page.Locator("svg.tiles rect").CountAsync());
        Assert.True(await page.Locator("#missing ~ div a[href^='tel:']").CountAsync() >= 4, "missing villages carry tel: links");
        await ScreenshotAsync(page, "progress-kupang");
    }

    [Fact]
    public async Task An_expired_link_a_reused_link_and_a_forged_link_are_refused()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        var expired = await dashboard.LinkAsync(DashboardService.KupangFacilitator, DateTimeOffset.UtcNow.AddMinutes(-11));
        await page.GotoAsync(expired);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/admin/login", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        Assert.Contains("kedaluwarsa", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "login-expired");

        var link = await dashboard.LinkAsync(DashboardService.KupangFacilitator);
        await page.GotoAsync(link);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(dashboard.BaseUrl + "/admin");

        await using var other = await chromium.NewContextAsync();
        var second = await other.NewPageAsync();
        await second.GotoAsync(link);
        response = await second.RunAndWaitForResponseAsync(() => second.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/admin/login", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        Assert.Contains("sudah dipakai", await second.InnerTextAsync("main"), StringComparison.Ordinal);

        await second.GotoAsync(link[..^4] + "AAAA");
        response = await second.RunAndWaitForResponseAsync(() => second.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/admin/login", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        Assert.Contains("tidak dikenal", await second.InnerTextAsync("main"), StringComparison.Ordinal);
        await second.GotoAsync(dashboard.BaseUrl + "/admin");
        Assert.EndsWith("/admin/login", second.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Kupang_facilitator_gets_404_for_every_Belu_url()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await LoginAsync(context, DashboardService.KupangFacilitator);
        foreach (var url in new[]
        {
            $"/admin/records/{dashboard.BeluRecord}", $"/admin/records/{dashboard.BeluRecord}/photo", "/admin?region=53.04", "/admin/records?region=53.04",
            "/admin/requests?region=53.04", $"/admin/conversations/{dashboard.BeluPerson}", "/admin/export?region=53.04&kind=submissions&format=csv",
            "/admin/records/999999", "/admin/staff",
        })
        {
            var response = await page.GotoAsync(dashboard.BaseUrl + url);
            Assert.True(response!.Status == 404, $"{url} answered {response.Status}");
        }

        // The same pages of their own region open, and the Belu record is not listed anywhere.
        var records = await page.GotoAsync(dashboard.BaseUrl + "/admin/records");
        Assert.Equal(200, records!.Status);
        Assert.DoesNotContain("Madu hutan Belu", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(200, (await page.GotoAsync(dashboard.BaseUrl + $"/admin/records/{dashboard.PhotoRecord}/photo"))!.Status);
    }

    [Fact]
    public async Task A_broadcast_sent_from_the_web_reaches_each_person_once_on_the_fake_Telegram()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await LoginAsync(context, DashboardService.KupangFacilitator);
        await page.GotoAsync(dashboard.BaseUrl + "/admin/broadcasts");
        await page.CheckAsync("input[name=target][value=all]");
        await page.CheckAsync("input[name=region][value='53.01']");
        const string text = "Bapak/Ibu, pertemuan OVOP hari Senin pukul 09.00 di kantor camat. Terima kasih.";
        await page.FillAsync("textarea[name=text]", text);
        Assert.Equal(text.Length.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#count"));
        await ScreenshotAsync(page, "broadcast-compose");
        await page.ClickAsync("form[action='/admin/broadcasts/preview'] button[type=submit]");
        Assert.Contains("telegram", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains(dashboard.KupangPeople.Count.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("main table"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "broadcast-preview");
        await page.ClickAsync("form[action$='/confirm'] button");
        await page.WaitForURLAsync(new Regex("/admin/broadcasts/[0-9]+$"));

        foreach (var person in dashboard.KupangPeople)
        {
            await WaitForAsync(() => dashboard.Fake.SentTo(person).Any(m => m.Text == text) ? "sent" : null);
        }

        // Reloading and confirming again sends nothing more.
        await page.ReloadAsync();
        await Task.Delay(1500);
        foreach (var person in dashboard.KupangPeople)
        {
            Assert.Single(dashboard.Fake.SentTo(person), m => m.Text == text);
        }

        await WaitForAsync(async () => (await page.ReloadAsync()) is not null && (await page.InnerTextAsync("main")).Contains("Selesai", StringComparison.Ordinal) ? "done" : null);
        await ScreenshotAsync(page, "broadcast-progress");
    }

    [Fact]
    public async Task An_export_of_the_current_filter_downloads_and_reads_back_with_formulas_neutralised()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync(1280, 900);
        var page = await LoginAsync(context, DashboardService.KupangFacilitator);
        await page.GotoAsync(dashboard.BaseUrl + "/admin/records?status=submitted");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:text-is('CSV')"));
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 10, lines.Length);
        Assert.Contains("Kopi Arabika", csv, StringComparison.Ordinal);
        Assert.Contains(DashboardService.ScriptProduct, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Belu", csv, StringComparison.Ordinal);

        await page.GotoAsync(dashboard.BaseUrl + "/admin/exports");
        await page.SelectOptionAsync("select[name=format]", "xlsx");
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("form[action='/admin/export'] button"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await xlsx.PathAsync(), false);
        Assert.Contains("Kopi Arabika", workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText
            ?? workbook.WorkbookPart.WorksheetParts.First().Worksheet.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_named_like_a_script_is_shown_as_text_and_never_runs()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await LoginAsync(context, DashboardService.KupangFacilitator);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(dashboard.BaseUrl + "/admin/records?q=" + Uri.EscapeDataString("<script>"));
        Assert.Contains(DashboardService.ScriptProduct, await page.InnerTextAsync("main table"), StringComparison.Ordinal);
        await page.ClickAsync("main table tbody a");
        Assert.Contains(DashboardService.ScriptProduct, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Every_page_fits_a_360_pixel_phone_without_sideways_scrolling()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await LoginAsync(context, DashboardService.ProvinceAdmin);
        var pages = new (string Name, string Url)[]
        {
            ("progress-province", "/admin"), ("progress-district", "/admin?region=" + dashboard.Catalog.DistrictsOf("53.01")[0].Code),
            ("records", "/admin/records"), ("record", $"/admin/records/{dashboard.PhotoRecord}"), ("requests", "/admin/requests?region=53.01"),
            ("conversations", "/admin/conversations"), ("conversation", $"/admin/conversations/{dashboard.BeluPerson}"), ("broadcasts", "/admin/broadcasts"),
            ("exports", "/admin/exports"), ("staff", "/admin/staff"),
        };
        foreach (var (name, url) in pages)
        {
            var response = await page.GotoAsync(dashboard.BaseUrl + url);
            Assert.True(response!.Status == 200, $"{url} answered {response.Status}");
            var (scroll, client) = await WidthsAsync(page);
            Assert.True(scroll <= client, $"{url}: the page is {scroll} px wide in a {client} px window");
            await ScreenshotAsync(page, "phone-" + name);
        }

        // And in English, on a desktop screen, for the README.
        await using var desktop = await chromium.NewContextAsync(1280, 900);
        var wide = await LoginAsync(desktop, DashboardService.ProvinceAdmin);
        await wide.GotoAsync(dashboard.BaseUrl + "/admin?region=53.01");
        await ScreenshotAsync(wide, "desktop-progress-kupang", fullPage: false);
        await wide.ClickAsync("footer a[lang=en]");
        Assert.Contains("Registration progress", await wide.InnerTextAsync("h1"), StringComparison.Ordinal);
        await wide.GotoAsync(dashboard.BaseUrl + $"/admin/records/{dashboard.PhotoRecord}");
        Assert.Contains("Revision history", await wide.InnerTextAsync("main"), StringComparison.Ordinal);
        await ScreenshotAsync(wide, "desktop-record-en");
        await wide.GotoAsync(dashboard.BaseUrl + "/admin/requests?region=53.01");
        await ScreenshotAsync(wide, "desktop-requests-en");
    }

    [Fact]
    public async Task Revoking_the_role_ends_the_session_at_once_and_logout_ends_it_too()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await LoginAsync(context, DashboardService.BeluFacilitator);
        Assert.Equal(200, (await page.GotoAsync(dashboard.BaseUrl + "/admin/records"))!.Status);
        await page.ClickAsync("footer button[type=submit]");
        Assert.Contains("sudah keluar", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.GotoAsync(dashboard.BaseUrl + "/admin/records");
        Assert.EndsWith("/admin/login", page.Url, StringComparison.Ordinal);

        page = await LoginAsync(context, DashboardService.BeluFacilitator);
        var admin = await LoginAsync(await chromium.NewContextAsync(1280, 900), DashboardService.ProvinceAdmin);
        await admin.GotoAsync(dashboard.BaseUrl + "/admin/staff");
        await admin.ClickAsync($"tr:has-text('telegram:{DashboardService.BeluFacilitator}') button");
        Assert.DoesNotContain($"telegram:{DashboardService.BeluFacilitator}", await admin.InnerTextAsync("main table"), StringComparison.Ordinal);

        await page.GotoAsync(dashboard.BaseUrl + "/admin/records");
        Assert.EndsWith("/admin/login", page.Url, StringComparison.Ordinal);
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_review_action_changes_the_record_and_the_village_head_is_asked()
    {
        if (!chromium.Available())
        {
            return;
        }

        await using var context = await chromium.NewContextAsync();
        var page = await LoginAsync(context, DashboardService.KupangFacilitator);
        var (record, head) = (dashboard.KupangRecords[4], dashboard.KupangPeople[4]);
        await page.GotoAsync(dashboard.BaseUrl + $"/admin/records/{record}");
        Assert.Contains("Menunggu pemeriksaan", await page.InnerTextAsync("section.review"), StringComparison.Ordinal);
        await page.ClickAsync("section.review summary");
        await page.CheckAsync("section.review input[name=field][value='1']");
        const string note = "Mohon tulis nama lengkap Bapak/Ibu.";
        await page.FillAsync("textarea[name=note]", note);
        await ScreenshotAsync(page, "record-review");
        await page.ClickAsync("form[action$='/fix'] button[type=submit]");
        await page.WaitForURLAsync(dashboard.BaseUrl + $"/admin/records/{record}");
        Assert.Contains("Diminta perbaikan", await page.InnerTextAsync("section.review"), StringComparison.Ordinal);
        Assert.Contains(note, await page.InnerTextAsync("section.review"), StringComparison.Ordinal);
        await WaitForAsync(() => dashboard.Fake.SentTo(head).Any(m => m.Text?.Contains(note, StringComparison.Ordinal) == true) ? "asked" : null);

        // Verifying another record changes its state and the progress counts it as verified.
        await page.GotoAsync(dashboard.BaseUrl + $"/admin/records/{dashboard.KupangRecords[5]}");
        await page.ClickAsync("form[action$='/verify'] button");
        Assert.Contains("Terverifikasi", await page.InnerTextAsync("section.review"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[action$='/verify']").CountAsync());
        await page.GotoAsync(dashboard.BaseUrl + "/admin");
        Assert.Contains("Terverifikasi 1", await page.InnerTextAsync("main p.summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_for_the_facilitator_is_answered_from_the_conversation_page_and_reaches_the_village_head()
    {
        if (!chromium.Available())
        {
            return;
        }

        var head = dashboard.KupangPeople[8];
        const string question = "Apakah pelatihan kemasan ada biaya?";
        dashboard.Fake.PushText(head, "PENDAMPING");
        await WaitForAsync(() => dashboard.Fake.SentTo(head).Any(m => m.Text?.Contains("Silakan tulis pertanyaan", StringComparison.Ordinal) == true) ? "asked" : null);
        dashboard.Fake.PushText(head, question);
        await WaitForAsync(() => dashboard.Fake.SentTo(DashboardService.KupangFacilitator).Concat(dashboard.Fake.SentTo(DashboardService.ProvinceAdmin))
            .Any(m => m.Text?.Contains(question, StringComparison.Ordinal) == true) ? "forwarded" : null);
        var contactId = await dashboard.ContactIdAsync(head);

        // Another regency's facilitator does not see the person, nor can they answer.
        await using (var belu = await chromium.NewContextAsync())
        {
            var page = await LoginAsync(belu, DashboardService.BeluFacilitator);
            var response = await page.GotoAsync(dashboard.BaseUrl + $"/admin/conversations/{contactId}");
            Assert.Equal(404, response!.Status);
        }

        await using var context = await chromium.NewContextAsync();
        var admin = await LoginAsync(context, DashboardService.ProvinceAdmin);
        await admin.GotoAsync(dashboard.BaseUrl + $"/admin/conversations/{contactId}");
        Assert.Contains(question, await admin.InnerTextAsync("section.handoffs"), StringComparison.Ordinal);
        const string answer = "Tidak ada biaya, Bapak. Pelatihan dibiayai Dinas.";
        await admin.FillAsync("section.handoffs textarea[name=text]", answer);
        await ScreenshotAsync(admin, "conversation-handoff");
        await admin.ClickAsync("section.handoffs button[type=submit]");
        await admin.WaitForURLAsync(dashboard.BaseUrl + $"/admin/conversations/{contactId}");
        Assert.Equal(0, await admin.Locator("section.handoffs").CountAsync());
        await WaitForAsync(() => dashboard.Fake.SentTo(head).Any(m => m.Text?.Contains(answer, StringComparison.Ordinal) == true) ? "answered" : null);
        Assert.Contains(answer, await admin.InnerTextAsync("ol.chat"), StringComparison.Ordinal);
    }

    private async Task<IPage> LoginAsync(IBrowserContext context, long chat)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(await dashboard.LinkAsync(chat));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(dashboard.BaseUrl + "/admin");
        return page;
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumBrowser.ScreenshotFolder, name + ".png"), FullPage = fullPage });

    private static async Task<string> WaitForAsync(Func<string?> probe) => await WaitForAsync(() => Task.FromResult(probe()));

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"https?://\S+/admin/login/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
