using Phatthana.Web.Data;

[assembly: AssemblyFixture(typeof(Phatthana.Tests.Infrastructure.AppHosts))]

namespace Phatthana.Tests.Infrastructure;

/// <summary>One running app per provider for the whole test run, started on first use.</summary>
public sealed class AppHosts : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Lazy<Task<AppHost>>> _hosts = Enum.GetValues<DatabaseProvider>()
        .ToDictionary(p => p, p => new Lazy<Task<AppHost>>(() => AppHost.StartAsync(p)));

    public Task<AppHost> Get(DatabaseProvider provider) => _hosts[provider].Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _hosts.Values.Where(l => l.IsValueCreated))
        {
            try { await (await lazy.Value).DisposeAsync(); }
            catch (InvalidOperationException) { /* a host that never started (no server) has nothing to dispose */ }
        }
    }
}

/// <summary>Base for tests that run on both providers: <c>[Theory, MemberData(nameof(Providers))]</c>.</summary>
public abstract class ProviderTests(AppHosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    protected Task<AppHost> Host(DatabaseProvider provider) => hosts.Get(provider);
}
