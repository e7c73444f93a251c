using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// The real app on one provider, started once per test run, with a bootstrap SystemAdmin and no demo data
/// (each test creates its own uniquely keyed rows). Helpers sign in through the public API.
/// </summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "root@phatthana.test";
    public const string AdminPassword = "root-password-1";
    public const string Password = "test-password-1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Dictionary<string, string?> _settings;
    private readonly Func<Task> _drop;

    private AppHost(DatabaseProvider provider, Dictionary<string, string?> settings, Func<Task> drop)
    {
        Provider = provider;
        _settings = settings;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }

    /// <param name="settings">More configuration for this host (e.g. Phatthana:ServerTiming).</param>
    public static async Task<AppHost> StartAsync(DatabaseProvider provider, bool seedDemo = false, string name = "app",
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (key, cs, drop) = await TestDatabases.CreateAsync(provider, name);
        return StartOn(provider, key, cs, drop, seedDemo, bootstrapAdmin: true, settings);
    }

    /// <summary>
    /// Starts the app on a database that already exists (a restart); <paramref name="drop"/> runs at dispose. The reminders'
    /// scheduler is off (tests run it for the day they choose) unless <paramref name="extra"/> turns it on.
    /// </summary>
    public static AppHost StartOn(DatabaseProvider provider, string key, string connectionString, Func<Task> drop, bool seedDemo, bool bootstrapAdmin,
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        // Uploaded evidence goes to a folder of this host's own, removed with it (never the repository's data/ folder).
        var evidence = Directory.CreateTempSubdirectory("phatthana-evidence-");
        var settings = new Dictionary<string, string?>
        {
            [key] = connectionString, ["Phatthana:SeedDemo"] = seedDemo ? "true" : "false", ["Phatthana:EvidencePath"] = evidence.FullName,
            ["Phatthana:Notifications:RemindersEnabled"] = "false",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var dropDatabase = drop;
        drop = async () =>
        {
            await dropDatabase();
            try { evidence.Delete(recursive: true); } catch (IOException) { }
        };
        if (bootstrapAdmin)
        {
            settings["Phatthana:Admin:Email"] = AdminEmail;
            settings["Phatthana:Admin:Password"] = AdminPassword;
        }
        var host = new AppHost(provider, settings, drop);
        host.CreateClient().Dispose(); // start now: migrations and bootstrap run here, not inside the first test
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Serve css/js/fonts from the build's static-asset manifest, as `dotnet run` and a published app do.
        builder.UseStaticWebAssets();
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestConnection>());
    }

    /// <summary>Header naming the address a test request comes from; without it a request has none, as the in-memory server gives.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>
    /// Gives an in-memory request the connection address its test names with <see cref="RemoteAddressHeader"/>, as Kestrel
    /// would give the peer's: 127.0.0.1 plays a proxy on the same host (whose X-Forwarded-For the app believes), another
    /// address a client talking to the app directly. Without the header a request has no address (and no sign-in limit).
    /// </summary>
    private sealed class TestConnection : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, inner) =>
            {
                if (http.Request.Headers.TryGetValue(RemoteAddressHeader, out var named) && IPAddress.TryParse(named, out var address))
                    http.Connection.RemoteIpAddress = address;
                await inner();
            });
            next(app);
        };
    }

    /// <summary>A client with no credentials (cookies are kept, redirects are not followed).</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client carrying a bearer token for the given account.</summary>
    public async Task<HttpClient> BearerAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string? _adminToken;

    /// <summary>A client of the bootstrap SystemAdmin; the token is issued once per host and shared.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        if (_adminToken is null)
        {
            var response = await Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            _adminToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>Runs a service of the app as the system (no caller scope): the reminders for a chosen day, the digest.</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs work against the database as the system (no caller scope), for arranging and checking rows.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _drop();
    }
}
