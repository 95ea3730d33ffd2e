using GridCare.Features.Demo;
using GridCare.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

/// <summary>
/// The app on a real loopback socket and Debian's Chromium driven by Playwright (never a downloaded browser).
/// Where Chromium is missing the tests skip with the reason, unless GRIDCARE_REQUIRE_BROWSER=1 makes them fail.
/// </summary>
public sealed class BrowserFixture : SqliteFactory
{
    /// <summary>Debian's Chromium, or GRIDCARE_CHROMIUM (set to a missing file to exercise the skip path).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("GRIDCARE_CHROMIUM") is { Length: > 0 } configured
        ? configured
        : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public BrowserFixture()
    {
        UseKestrel(0);
    }

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static bool Required => Environment.GetEnvironmentVariable("GRIDCARE_REQUIRE_BROWSER") == "1";

    public override async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    public override void EnsureAvailable()
    {
        if (Browser is not null)
        {
            return;
        }

        var reason = $"Chromium not found at {ChromiumPath} (apt-get install chromium fonts-wqy-microhei)";
        if (Required)
        {
            Assert.Fail("GRIDCARE_REQUIRE_BROWSER=1 but " + reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>A new browser context (its own cookies) on a page at the app's base address.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(new BrowserNewContextOptions());

    /// <summary>The same on a phone: a 390 × 844 touch screen, as crews and portal customers use it.</summary>
    public Task<IPage> NewPhonePageAsync() =>
        NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

    private async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        EnsureAvailable();
        options.BaseURL = BaseAddress.ToString();
        options.Locale = "zh-CN";
        var context = await Browser!.NewContextAsync(options);
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a demo account, with the console interactive.</summary>
    public async Task<IPage> SignedInPageAsync(string userName) => await SignInAsync(await NewPageAsync(), userName);

    /// <summary>Signs <paramref name="page"/> in as a demo account and waits until the console is interactive.</summary>
    public static Task<IPage> SignInAsync(IPage page, string userName) => SignInAtAsync(page, "login", userName);

    /// <summary>
    /// Opens <paramref name="path"/>, which sends a signed-out user to the sign-in page, signs in as a demo account
    /// there and waits until the console is interactive — back on <paramref name="path"/>, as a user following a link.
    /// </summary>
    public static async Task<IPage> SignInAtAsync(IPage page, string path, string userName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }
}
