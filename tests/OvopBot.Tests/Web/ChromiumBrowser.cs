using Microsoft.Playwright;

namespace OvopBot.Tests.Web;

/// <summary>
/// One headless Chromium for every browser test (starting it is the slow part): Debian's <c>chromium</c> package at
/// <c>/usr/bin/chromium</c> (or <c>OVOP_CHROMIUM</c>), driven by Microsoft.Playwright. Without it the browser tests
/// say they could not run and pass, unless <c>OVOP_REQUIRE_CHROMIUM=1</c> (set by <c>.ci/run</c>).
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("OVOP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Where the screenshots of every page go (the test output).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>True when the tests can run; false (and the test passes, saying why) when Chromium is missing outside CI.</summary>
    public bool Available()
    {
        if (Browser is not null)
        {
            return true;
        }

        Assert.NotEqual("1", Environment.GetEnvironmentVariable("OVOP_REQUIRE_CHROMIUM"));
        Console.WriteLine($"browser test could not run: no Chromium at {ExecutablePath} (apt-get install chromium)");
        return false;
    }

    /// <summary>A fresh browser context (own cookies), a phone's width unless told otherwise.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 360, int height = 780)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        // The pages answer in milliseconds; a wait this long means something is wrong, and the run stays short.
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumBrowser>, ICollectionFixture<DashboardService>
{
    public const string Name = "browser";
}
