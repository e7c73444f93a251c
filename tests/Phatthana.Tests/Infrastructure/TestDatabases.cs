using Npgsql;
using Phatthana.Web.Data;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// Where each provider's test database lives. SQLite: a file in a temp folder. PostgreSQL: a fresh database on the
/// server named by PHATTHANA_TEST_POSTGRES (test.sh starts a throw-away cluster and sets it). No server means the
/// PostgreSQL tests fail; they are never skipped.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PHATTHANA_TEST_POSTGRES";

    public static async Task<(string Key, string ConnectionString, Func<Task> Drop)> CreateAsync(DatabaseProvider provider, string name)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("phatthana-test-");
            return ("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(folder.FullName, name + ".db")};Pooling=False",
                () =>
                {
                    try { folder.Delete(recursive: true); } catch (IOException) { }
                    return Task.CompletedTask;
                });
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the PostgreSQL half of the suite cannot run. Run ./test.sh, which starts a throw-away cluster.");
        var database = $"phatthana_{name}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return ("ConnectionStrings:Postgres", cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
