using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Web.Data;

namespace Phatthana.Bench.Personnel;

/// <summary>Keeps the text and parameters of the commands EF sends while <see cref="Recorded"/> is set, to explain their plans.</summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    public List<(string Sql, List<(string Name, object? Value)> Parameters)>? Recorded { get; set; }

    /// <summary>Adds the recorder to the app's context options, after the app's own interceptors.</summary>
    public void AddTo(IServiceCollection services, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres) services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(this));
        else services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(this));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Recorded?.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        return ValueTask.FromResult(result);
    }
}
