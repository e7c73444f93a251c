using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Phatthana.Web.Shared.Web;

/// <summary>
/// For measuring only (off unless <c>Phatthana:ServerTiming</c> is true; the benchmarks turn it on): each answer carries
/// <c>Server-Timing: app;dur=…, db;dur=…;desc="n", open;dur=…</c> — the time from the first middleware to the answer's
/// start, the time spent in database commands and how many were sent, and the time spent opening connections (waiting for
/// one from the pool when all are in use). A client's own timing minus <c>app</c> is the time the request spent
/// queued before the app saw it (connection, accept, thread pool) and on the wire. Work done for the request in a batch
/// shared with others (see <c>Coalescer</c>) adds <c>shared;dur=…;desc="n"</c> — the batches' database time and commands,
/// each counted in full for every request in them — and <c>batch;desc="…"</c>, the size of each batch it was in.
/// </summary>
public static class ServerTiming
{
    public const string Setting = "Phatthana:ServerTiming";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    /// <summary>The current request's tally, flowed to the database commands it causes.</summary>
    private static readonly AsyncLocal<Tally?> Current = new();

    internal sealed class Tally
    {
        public int Commands;
        public long DbTicks;
        public long OpenTicks;
        public int SharedCommands;
        public long SharedTicks;
        public string Batches = "";
    }

    /// <summary>The current request's tally, or null when timing is off: for work done for the request elsewhere.</summary>
    internal static Tally? Capture() => Current.Value;

    /// <summary>
    /// Until disposed, counts this flow's database work (a batch's) and then adds it to the tally of every request it was
    /// done for. Null, and nothing counted, when timing is off.
    /// </summary>
    internal static IDisposable? Sharing(string work, IEnumerable<Tally?> members)
    {
        var tallies = members.OfType<Tally>().ToList();
        if (tallies.Count == 0) return null;
        var batch = new Tally();
        Current.Value = batch;
        return new Share(work, batch, tallies);
    }

    private sealed class Share(string work, Tally batch, List<Tally> members) : IDisposable
    {
        public void Dispose()
        {
            Current.Value = null;
            foreach (var member in members)
                lock (member)
                {
                    member.SharedCommands += batch.Commands;
                    member.SharedTicks += batch.DbTicks + batch.OpenTicks;
                    member.Batches += $"{(member.Batches.Length > 0 ? " " : "")}{work}={members.Count}";
                }
        }
    }

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var tally = new Tally();
        Current.Value = tally;
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var app = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var db = TimeSpan.FromTicks(Interlocked.Read(ref tally.DbTicks)).TotalMilliseconds;
            var open = TimeSpan.FromTicks(Interlocked.Read(ref tally.OpenTicks)).TotalMilliseconds;
            string shared;
            lock (tally) shared = $"shared;dur={TimeSpan.FromTicks(tally.SharedTicks).TotalMilliseconds:0.00};desc=\"{tally.SharedCommands}\", batch;desc=\"{tally.Batches}\"";
            context.Response.Headers["Server-Timing"] = $"app;dur={app:0.00}, db;dur={db:0.00};desc=\"{tally.Commands}\", open;dur={open:0.00}, {shared}";
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>Counts the commands (and their time) of the request that sent them.</summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count(eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Count(eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Count(eventData.Duration);
            return ValueTask.FromResult(result);
        }

        private static void Count(TimeSpan duration)
        {
            if (Current.Value is not { } tally) return;
            Interlocked.Increment(ref tally.Commands);
            Interlocked.Add(ref tally.DbTicks, duration.Ticks);
        }
    }

    /// <summary>Adds up the time spent getting a connection (from the pool, or waiting for one).</summary>
    public sealed class ConnectionCounter : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { } tally) Interlocked.Add(ref tally.OpenTicks, eventData.Duration.Ticks);
            return Task.CompletedTask;
        }
    }

    /// <summary>Counts a transaction's commit as the round trip it is.</summary>
    public sealed class TransactionCounter : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { } tally)
            {
                Interlocked.Increment(ref tally.Commands);
                Interlocked.Add(ref tally.DbTicks, eventData.Duration.Ticks);
            }
            return Task.CompletedTask;
        }
    }
}
