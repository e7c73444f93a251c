using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Concurrency;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// Two instances of the app on one database, as behind a load balancer (DESIGN.md), started once per provider for a test
/// class and kept apart from the shared hosts, so the batches a test watches on them are its own.
/// </summary>
public sealed class Instances : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Lazy<Task<(AppHost First, AppHost Second)>>> _pairs = Enum.GetValues<DatabaseProvider>()
        .ToDictionary(p => p, p => new Lazy<Task<(AppHost, AppHost)>>(() => StartAsync(p)));

    public Task<(AppHost First, AppHost Second)> Get(DatabaseProvider provider) => _pairs[provider].Value;

    private static async Task<(AppHost, AppHost)> StartAsync(DatabaseProvider provider)
    {
        var (key, cs, drop) = await TestDatabases.CreateAsync(provider, "instances");
        var first = AppHost.StartOn(provider, key, cs, () => Task.CompletedTask, seedDemo: false, bootstrapAdmin: true);
        return (first, AppHost.StartOn(provider, key, cs, drop, seedDemo: false, bootstrapAdmin: false));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _pairs.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                var (first, second) = await lazy.Value;
                await first.DisposeAsync();
                await second.DisposeAsync(); // the second drops the database
            }
            catch (InvalidOperationException) { /* never started (no server) */ }
        }
    }

    /// <summary>
    /// Holds a write lock until disposed — the session's row on PostgreSQL, the whole database on SQLite — so seat claims
    /// wait behind it while more requests queue in the app.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldSessionAsync(AppHost host, Guid session)
    {
        var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tx = await db.Database.BeginTransactionAsync();
        await db.TrainingSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s.SetProperty(x => x.Registered, x => x.Registered));
        return new Release(scope, tx);
    }

    /// <summary>PostgreSQL only: holds the token table so the next token lookup waits and the ones after it queue.</summary>
    public static async Task<IAsyncDisposable> HoldTokensAsync(AppHost host)
    {
        var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"ApiTokens\" IN ACCESS EXCLUSIVE MODE");
        return new Release(scope, tx);
    }

    private sealed class Release(AsyncServiceScope scope, IDbContextTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.CommitAsync();
            await tx.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}

/// <summary>Watches one host's coalescers (<see cref="CoalescingMetrics"/>): the size of every batch and how many items wait.</summary>
public sealed class CoalescingProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Work, int Size)> _batches = new();
    private readonly ConcurrentDictionary<string, int> _waiting = new();

    public CoalescingProbe(AppHost host)
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name.StartsWith(CoalescingMetrics.MeterPrefix, StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            var work = instrument.Meter.Name[CoalescingMetrics.MeterPrefix.Length..];
            if (instrument.Name == CoalescingMetrics.BatchSize) _batches.Enqueue((work, value));
            else _waiting[work] = value;
        });
        _listener.Start();
    }

    /// <summary>The sizes of the batches of <paramref name="work"/> started since this probe was made, in order.</summary>
    public IReadOnlyList<int> Batches(string work) => [.. _batches.Where(b => b.Work == work).Select(b => b.Size)];

    /// <summary>Waits until the condition on <paramref name="work"/>'s batches so far and its waiting items holds.</summary>
    public async Task UntilAsync(string work, Func<IReadOnlyList<int>, int, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            _listener.RecordObservableInstruments();
            var (batches, waiting) = (Batches(work), _waiting.GetValueOrDefault(work));
            if (condition(batches, waiting)) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{work}: {what} never happened (batches [{string.Join(", ", batches)}], {waiting} waiting)");
            await Task.Delay(20);
        }
    }

    public void Dispose() => _listener.Dispose();
}
