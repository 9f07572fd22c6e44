using Microsoft.Playwright;

namespace OrgTasks.Tests.Browser;

/// <summary>
/// The system's Chromium (<c>apt-get install chromium</c>), headless, driven by Playwright: no browser is downloaded.
/// The machine has no network beyond loopback, so everything that would look something up is switched off (without it
/// Chromium waits on lookups).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Where the tests save screenshots of the pages: the folder in ORGTASKS_SCREENSHOTS (docs/screenshots to
    /// refresh the README's), else a temporary folder.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("ORGTASKS_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(Path.GetTempPath(), $"orgtasks-screenshots-{Environment.ProcessId}");

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh browser profile (its own cookies) with a page open.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
