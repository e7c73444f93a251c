using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Web.Data;

namespace Phatthana.Bench.Personnel;

/// <summary>
/// Where a write's time goes: wall time inside SaveChanges, in the app's audit interceptor (between a marker placed
/// before it and this clock placed after it), in database commands (sent, executed, results read), and in savepoints
/// and the commit. A Stopwatch reading per event is all it costs.
/// </summary>
public sealed class DbClock : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private long _commandTicks, _saveTicks, _auditTicks, _transactionTicks, _commands, _saves;
    private long _commandStart, _saveStart, _frontStart, _transactionStart;

    /// <summary>In SaveChanges before the app's interceptors: the audit's change detection and entries.</summary>
    public TimeSpan InAudit => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _auditTicks));

    /// <summary>Savepoints (EF sets one around each SaveChanges inside the import's transaction) and the commit.</summary>
    public TimeSpan InTransactionCalls => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _transactionTicks));

    public void Reset()
    {
        Interlocked.Exchange(ref _commandTicks, 0);
        Interlocked.Exchange(ref _saveTicks, 0);
        Interlocked.Exchange(ref _auditTicks, 0);
        Interlocked.Exchange(ref _transactionTicks, 0);
        Interlocked.Exchange(ref _commands, 0);
        Interlocked.Exchange(ref _saves, 0);
    }

    public TimeSpan InCommands => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _commandTicks));
    public TimeSpan InSaveChanges => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _saveTicks));
    public long Commands => Interlocked.Read(ref _commands);
    public long Saves => Interlocked.Read(ref _saves);

    /// <summary>
    /// Adds the clock's two parts: called before the app's AddAppData, the front marker runs before the app's audit
    /// interceptor; called after, the clock runs after it.
    /// </summary>
    public static void AddTo(IServiceCollection services, DbClock clock, DatabaseProvider provider, bool front)
    {
        IInterceptor interceptor = front ? new FrontMarker(clock) : clock;
        if (provider == DatabaseProvider.Postgres) services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(interceptor));
        else services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptor));
    }

    private sealed class FrontMarker(DbClock clock) : ISaveChangesInterceptor
    {
        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            clock._frontStart = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>When set, each command's text and parameters are added to it (to explain a query's plan).</summary>
    public List<(string Sql, List<(string Name, object? Value)> Parameters)>? Recorded { get; set; }

    private void Start(DbCommand command)
    {
        Recorded?.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        _commandStart = Stopwatch.GetTimestamp();
    }

    private void Stop()
    {
        Interlocked.Add(ref _commandTicks, Stopwatch.GetTimestamp() - _commandStart);
        Interlocked.Increment(ref _commands);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    // A reader's time ends when it is closed: the results have been read by then.
    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Stop();
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Stop();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        Stop();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default)
    {
        Stop();
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        _saveStart = Stopwatch.GetTimestamp();
        if (_frontStart != 0) Interlocked.Add(ref _auditTicks, _saveStart - _frontStart);
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Interlocked.Add(ref _saveTicks, Stopwatch.GetTimestamp() - (_frontStart != 0 ? _frontStart : _saveStart));
        Interlocked.Increment(ref _saves);
        return ValueTask.FromResult(result);
    }

    private ValueTask<T> TransactionStart<T>(T result)
    {
        _transactionStart = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    private Task TransactionStop()
    {
        Interlocked.Add(ref _transactionTicks, Stopwatch.GetTimestamp() - _transactionStart);
        return Task.CompletedTask;
    }

    public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default) => TransactionStart(result);
    public Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken ct = default) => TransactionStop();
    public ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default) => TransactionStart(result);
    public Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken ct = default) => TransactionStop();
    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default) => TransactionStart(result);
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) => TransactionStop();
}
