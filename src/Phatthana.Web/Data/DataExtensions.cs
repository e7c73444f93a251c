using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DataExtensions
{
    public const string DefaultSqlite = "Data Source=data/phatthana.db";

    /// <summary>PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, else the embedded SQLite file.</summary>
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres")) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditInterceptor>();
        // Measuring only (Phatthana:ServerTiming): counts each request's database commands for its Server-Timing header.
        var timing = Shared.Web.ServerTiming.Enabled(configuration);
        IInterceptor[] counters = timing ? [new Shared.Web.ServerTiming.CommandCounter(), new Shared.Web.ServerTiming.TransactionCounter(), new Shared.Web.ServerTiming.ConnectionCounter()] : [];
        if (ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres")!;
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) =>
                o.UseNpgsql(cs, n => n.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                 .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning))
                 .AddInterceptors([sp.GetRequiredService<AuditInterceptor>(), .. counters]));
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite") is { Length: > 0 } s ? s : DefaultSqlite;
            EnsureSqliteFolder(cs);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) =>
                o.UseSqlite(cs)
                 .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning))
                 .AddInterceptors([sp.GetRequiredService<AuditInterceptor>(), .. counters]));
        }
        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    /// <summary>Applies pending migrations. SQLite also switches to WAL so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DataExtensions.DefaultSqlite).Options,
            new UserScope(new HttpContextAccessor()));
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=phatthana").Options,
            new UserScope(new HttpContextAccessor()));
}
