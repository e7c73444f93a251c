using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;

namespace Phatthana.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a loopback port (so a real browser can reach it) with the demo area seeded,
/// and Debian's Chromium driven by Playwright. A missing browser is a failure, never a skip.
/// </summary>
public sealed class BrowserHost : WebApplicationFactory<Program>
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<string, string?> _settings;
    private readonly Func<Task> _drop;
    private IPlaywright? _playwright;

    private BrowserHost(Dictionary<string, string?> settings, Func<Task> drop)
    {
        _settings = settings;
        _drop = drop;
    }

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public static async Task<BrowserHost> StartAsync(DatabaseProvider provider)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does) — browser tests do not skip.");
        var (key, cs, drop) = await TestDatabases.CreateAsync(provider, "browser");
        var host = new BrowserHost(new Dictionary<string, string?>
        {
            [key] = cs, ["Phatthana:SeedDemo"] = "true",
            // The reminders' scheduler would add to the inboxes a journey counts, at a moment of its own: the journeys run without it.
            ["Phatthana:Notifications:RemindersEnabled"] = "false",
            // Kestrel on loopback gives every request the address 127.0.0.1: the journeys sign in more often than a person would.
            ["Phatthana:Auth:SignInPerMinute"] = "10000",
        }, drop);
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        host.BaseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        host._playwright = await Playwright.CreateAsync();
        host.Browser = await host._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve css/js/fonts from the build's static-asset manifest, as `dotnet run` and a published app do.
        builder.UseStaticWebAssets();
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "th-TH", AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Screenshots land in TestResults/screenshots for a person to look at after the run.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        await _drop();
    }
}
