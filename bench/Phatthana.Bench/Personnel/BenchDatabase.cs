using Npgsql;
using Phatthana.Web.Data;

namespace Phatthana.Bench.Personnel;

/// <summary>
/// A throw-away database for one scenario: a SQLite file in a temp folder, or a uniquely named database on the
/// PostgreSQL server named by PHATTHANA_BENCH_POSTGRES (default: the project's loopback cluster on port 55999).
/// The parent creates it, the children use it, the parent drops it.
/// </summary>
public sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString, string Location)
{
    public const string PostgresVariable = "PHATTHANA_BENCH_POSTGRES";

    public static string Server =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : "Host=127.0.0.1;Port=55999;Username=postgres";

    /// <summary>What the bench sets on its PostgreSQL database, as the README recommends for the app's own ("PostgreSQL settings").</summary>
    public static readonly string[] PlannerSettings = ["random_page_cost = 1.1", "effective_io_concurrency = 200"];

    public static DatabaseProvider ParseProvider(string text) => text switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"provider '{text}': use sqlite or postgres"),
    };

    public static string Name(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string purpose)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory($"phatthana-bench-{purpose}-");
            var file = Path.Combine(folder.FullName, "bench.db");
            return new BenchDatabase(provider, $"Data Source={file}", folder.FullName);
        }
        var database = $"phatthana_bench_{purpose}_{Guid.NewGuid():N}"[..48].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(Server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
            // The planner told the data is cached or on SSD (README, "PostgreSQL settings"): with the default
            // random_page_cost of 4 it scanned all sessions of the country rather than an area's by its index.
            foreach (var setting in PlannerSettings)
            {
                await using var set = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET {setting}", admin);
                await set.ExecuteNonQueryAsync();
            }
        }
        return new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString, database);
    }

    public async Task DropAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            try { Directory.Delete(Location, recursive: true); } catch (IOException) { }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Location}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
