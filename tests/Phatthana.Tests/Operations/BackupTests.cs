using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;

namespace Phatthana.Tests.Operations;

/// <summary>
/// Backups restore to the same rows: a demo-seeded database (people, schools, registrations, the audit log) is backed up
/// while the app runs, restored into a new database, and each key table's row count and checksum of every column of
/// every row must match. SQLite through the app's own <c>backup</c>/<c>restore</c> commands, PostgreSQL through
/// scripts/pg-backup.sh and scripts/pg-restore.sh on new databases of the test server.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task Sqlite_backup_while_running_restores_every_row_of_the_key_tables()
    {
        var (key, cs, drop) = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite, "backup");
        var live = new SqliteConnectionStringBuilder(cs).DataSource;
        var folder = Path.GetDirectoryName(live)!;
        await using var host = AppHost.StartOn(DatabaseProvider.Sqlite, key, cs, drop, seedDemo: true, bootstrapAdmin: true);
        var app = new Dictionary<string, string> { ["ConnectionStrings__Sqlite"] = $"Data Source={live}" };

        var backup = Path.Combine(folder, "copy.db");
        var (code, output) = await AppProcess.CommandAsync(["backup", backup], app);
        Assert.True(code == 0, output);
        Assert.Contains("People 1,000", output);
        var before = await FingerprintAsync(Sqlite(live));
        Assert.Equal(before, await FingerprintAsync(Sqlite(backup)));
        Assert.All(before.Values, t => Assert.True(t.Rows > 0));

        // Into a new file: restored, identical.
        var restored = Path.Combine(folder, "restored.db");
        var into = new Dictionary<string, string> { ["ConnectionStrings__Sqlite"] = $"Data Source={restored}" };
        (code, output) = await AppProcess.CommandAsync(["restore", backup], into);
        Assert.True(code == 0, output);
        Assert.Equal(before, await FingerprintAsync(Sqlite(restored)));

        // Over a database that holds data: refused without --force, nothing changed; with it, the old one is kept aside.
        (code, output) = await AppProcess.CommandAsync(["restore", backup], app);
        Assert.Equal(1, code);
        Assert.Contains("--force", output);
        await using (var c = Sqlite(live))
        {
            await c.OpenAsync();
            await using var change = c.CreateCommand();
            change.CommandText = "DELETE FROM \"Registrations\"";
            await change.ExecuteNonQueryAsync();
        }
        (code, output) = await AppProcess.CommandAsync(["restore", backup, "--force"], app);
        Assert.True(code == 0, output);
        Assert.Equal(before, await FingerprintAsync(Sqlite(live)));
        var kept = Assert.Single(Directory.GetFiles(folder, "*.before-restore-*.db"));
        Assert.Equal(0, (await FingerprintAsync(Sqlite(kept)))["Registrations"].Rows);
        // The running app serves the restored rows.
        var people = await (await host.AdminAsync()).GetAsync($"/api/v1/areas/{Web.Features.Setup.DemoSeeder.AreaCode}/people?pageSize=1");
        Assert.Equal(System.Net.HttpStatusCode.OK, people.StatusCode);

        // Not a backup: refused with the reason.
        var junk = Path.Combine(folder, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database");
        (code, output) = await AppProcess.CommandAsync(["restore", junk, "--force"], into);
        Assert.Equal(1, code);
        Assert.Contains("ไม่ใช่ไฟล์ฐานข้อมูล SQLite", output);
    }

    [Fact]
    public async Task Commands_refuse_postgres_with_the_scripts_to_use()
    {
        var (code, output) = await AppProcess.CommandAsync(["backup", "/tmp/never.db"],
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=none" });
        Assert.Equal(1, code);
        Assert.Contains("scripts/pg-backup.sh", output);
        Assert.False(File.Exists("/tmp/never.db"));
        (code, output) = await AppProcess.CommandAsync(["restore"], new Dictionary<string, string>());
        Assert.Equal(1, code);
        Assert.Contains("ระบุไฟล์", output);
    }

    [Fact]
    public async Task Postgres_dump_restores_into_a_new_database_with_every_row()
    {
        var (key, cs, drop) = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, "backup");
        var (_, restoredCs, dropRestored) = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, "restored");
        try
        {
            await using var host = AppHost.StartOn(DatabaseProvider.Postgres, key, cs, drop, seedDemo: true, bootstrapAdmin: true);
            var folder = Directory.CreateTempSubdirectory("phatthana-pgdump-");
            var dump = Path.Combine(folder.FullName, "phatthana.dump");
            var scripts = Path.Combine(AppProcess.RepositoryRoot, "scripts");

            var (code, output) = await AppProcess.RunAsync(Path.Combine(scripts, "pg-backup.sh"), [Libpq(cs), dump]);
            Assert.True(code == 0, output);
            var before = await FingerprintAsync(new NpgsqlConnection(cs));
            Assert.All(before.Values, t => Assert.True(t.Rows > 0));
            // The same name again is refused: a dump is never overwritten.
            (code, _) = await AppProcess.RunAsync(Path.Combine(scripts, "pg-backup.sh"), [Libpq(cs), dump]);
            Assert.Equal(1, code);

            (code, output) = await AppProcess.RunAsync(Path.Combine(scripts, "pg-restore.sh"), [dump, Libpq(restoredCs)]);
            Assert.True(code == 0, output);
            Assert.Equal(before, await FingerprintAsync(new NpgsqlConnection(restoredCs)));
            // A database with tables (the one the app runs on) is refused without --force.
            (code, output) = await AppProcess.RunAsync(Path.Combine(scripts, "pg-restore.sh"), [dump, Libpq(restoredCs)]);
            Assert.Equal(1, code);
            Assert.Contains("--force", output);
            (code, output) = await AppProcess.RunAsync(Path.Combine(scripts, "pg-restore.sh"), [dump, Libpq(restoredCs), "--force"]);
            Assert.True(code == 0, output);
            Assert.Equal(before, await FingerprintAsync(new NpgsqlConnection(restoredCs)));
            folder.Delete(recursive: true);
        }
        finally
        {
            await dropRestored();
        }
    }

    /// <summary>An Npgsql connection string as libpq's key=value form, for pg_dump and psql.</summary>
    private static string Libpq(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
    }

    private static SqliteConnection Sqlite(string file) => new($"Data Source={file};Pooling=False");

    public sealed record TableFingerprint(long Rows, string Sha256);

    /// <summary>Each key table's row count and the SHA-256 of every column of every row, in key order.</summary>
    public static async Task<Dictionary<string, TableFingerprint>> FingerprintAsync(DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            var result = new Dictionary<string, TableFingerprint>();
            foreach (var table in DatabaseCommand.KeyTables)
            {
                await using var q = connection.CreateCommand();
                q.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
                await using var r = await q.ExecuteReaderAsync();
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long rows = 0;
                while (await r.ReadAsync())
                {
                    rows++;
                    for (var i = 0; i < r.FieldCount; i++)
                    {
                        var value = r.IsDBNull(i) ? "\0" : Convert.ToString(r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : r.GetValue(i), CultureInfo.InvariantCulture);
                        hash.AppendData(Encoding.UTF8.GetBytes(value + "\u001f"));
                    }
                    hash.AppendData("\u001e"u8);
                }
                result[table] = new TableFingerprint(rows, Convert.ToHexString(hash.GetHashAndReset()));
            }
            return result;
        }
    }
}
