using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Web.Data;

namespace Phatthana.Bench.Manpower;

/// <summary>
/// Adds up the time EF's commands are in flight — from sending a query until its reader closes, so the database's work,
/// the transfer and EF's reading of the rows into objects — to split a run into "queries" and "the rest" (in memory).
/// </summary>
public sealed class QueryClock : DbCommandInterceptor
{
    private long _started, _total;

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, _total);

    public void Reset() => _total = 0;

    public void AddTo(IServiceCollection services) => services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(this));

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        _started = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        _total += Stopwatch.GetTimestamp() - _started;
        return ValueTask.FromResult(result);
    }
}
