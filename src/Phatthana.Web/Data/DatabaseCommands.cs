using Microsoft.Data.Sqlite;

namespace Phatthana.Web.Data;

/// <summary>
/// The operator's commands that run instead of the web app: <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c>.
/// SQLite only, through SQLite's online backup API (a consistent copy while the app writes); PostgreSQL is refused with
/// the way to do it there (scripts/pg-backup.sh, scripts/pg-restore.sh). Settings come from the app's own configuration
/// (appsettings, environment, the remaining arguments), so a command works on the database the app would use.
/// </summary>
public sealed class DatabaseCommand
{
    public const string Backup = "backup", Restore = "restore", Force = "--force";

    /// <summary>The tables a backup reports (and the restore test compares): people, schools, registrations, the audit log.</summary>
    public static readonly string[] KeyTables = ["People", "Schools", "Registrations", "AuditEntries"];

    private DatabaseCommand(string verb, string? file, bool force, string[] hostArgs)
    {
        Verb = verb;
        File = file;
        IsForced = force;
        HostArgs = hostArgs;
    }

    public string Verb { get; }
    public string? File { get; }
    public bool IsForced { get; }
    /// <summary>The arguments left for the host's configuration (e.g. <c>--ConnectionStrings:Sqlite=…</c>).</summary>
    public string[] HostArgs { get; }

    /// <summary>The command these arguments name, or null for a normal start of the web app.</summary>
    public static DatabaseCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not (Backup or Restore)) return null;
        var rest = args.Skip(1).ToList();
        var force = rest.Remove(Force);
        var file = rest.FirstOrDefault(a => !a.StartsWith('-'));
        if (file is not null) rest.Remove(file);
        return new DatabaseCommand(args[0], file, force, [.. rest]);
    }

    /// <summary>Runs the command; the exit code is 0 when it did what it says, 1 when it refused or failed (with why).</summary>
    public async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(File))
        {
            await error.WriteLineAsync($"ระบุไฟล์: dotnet run --project src/Phatthana.Web -- {Verb} <file>{(Verb == Restore ? " [--force]" : "")}");
            return 1;
        }
        if (DataExtensions.ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            await error.WriteLineAsync(
                $"ระบบนี้ใช้ PostgreSQL: คำสั่ง {Verb} ใช้ได้กับ SQLite เท่านั้น — use scripts/pg-{Verb}.sh " +
                (Verb == Backup ? "<database-url> <file.dump> (pg_dump -Fc)" : "<file.dump> <database-url> (pg_restore into a new, empty database)") +
                "; see README \"Where data lives and how to back it up\"");
            return 1;
        }
        var live = SqliteFile(configuration);
        try
        {
            return Verb == Backup ? await BackupAsync(live, Path.GetFullPath(File), output, error) : await RestoreAsync(live, Path.GetFullPath(File), output, error);
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"{Verb} ไม่สำเร็จ: {e.Message}");
            return 1;
        }
    }

    public static string SqliteFile(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("Sqlite") is { Length: > 0 } s ? s : DataExtensions.DefaultSqlite;
        return Path.GetFullPath(new SqliteConnectionStringBuilder(cs).DataSource);
    }

    private async Task<int> BackupAsync(string live, string target, TextWriter output, TextWriter error)
    {
        if (!System.IO.File.Exists(live))
        {
            await error.WriteLineAsync($"ไม่พบฐานข้อมูล {live}");
            return 1;
        }
        if (System.IO.File.Exists(target) && !IsForced)
        {
            await error.WriteLineAsync($"มีไฟล์ {target} อยู่แล้ว — ใช้ชื่อใหม่ หรือเพิ่ม {Force} เพื่อเขียนทับ");
            return 1;
        }
        var partial = target + ".part";
        System.IO.File.Delete(partial);
        Copy(live, partial);
        System.IO.File.Move(partial, target, overwrite: true);
        await output.WriteLineAsync($"สำรองข้อมูลแล้ว / backed up {live} → {target} ({new FileInfo(target).Length:#,0} bytes)");
        await output.WriteLineAsync(Describe(target));
        return 0;
    }

    private async Task<int> RestoreAsync(string live, string source, TextWriter output, TextWriter error)
    {
        if (!System.IO.File.Exists(source))
        {
            await error.WriteLineAsync($"ไม่พบไฟล์สำรอง {source}");
            return 1;
        }
        if (Problem(source) is { } bad)
        {
            await error.WriteLineAsync($"ไฟล์ {source} ใช้กู้คืนไม่ได้: {bad}");
            return 1;
        }
        if (HasData(live) && !IsForced)
        {
            await error.WriteLineAsync(
                $"ฐานข้อมูล {live} มีข้อมูลอยู่แล้ว จึงไม่กู้คืนทับ — หยุดระบบก่อน แล้วสั่งใหม่พร้อม {Force} " +
                "(ข้อมูลเดิมจะถูกสำรองไว้ข้างไฟล์เป็น .before-restore-… ก่อนเขียนทับ)");
            return 1;
        }
        if (System.IO.File.Exists(live))
        {
            var keep = $"{live}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}.db";
            Copy(live, keep);
            await output.WriteLineAsync($"ข้อมูลเดิมสำรองไว้ที่ / the database before the restore: {keep}");
        }
        else Directory.CreateDirectory(Path.GetDirectoryName(live)!);
        // Into the live file through the backup API, in one step under SQLite's write lock: a running app waits for it
        // (busy timeout) and then reads the restored rows; a reader never sees half of each.
        Copy(source, live, journal: "WAL");
        await output.WriteLineAsync($"กู้คืนแล้ว / restored {source} → {live}");
        await output.WriteLineAsync(Describe(live));
        return 0;
    }

    /// <summary>
    /// Copies a database with SQLite's online backup API: consistent while others write (the copy restarts if the source
    /// changes under it). The copy is left in <paramref name="journal"/> mode — a single self-contained file by default.
    /// </summary>
    private static void Copy(string from, string to, string journal = "DELETE")
    {
        // Read-write, though nothing is written: a read-only connection cannot open a WAL database whose -shm is gone.
        using var source = Open(from, SqliteOpenMode.ReadWrite);
        using var target = Open(to, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
        using var mode = target.CreateCommand();
        mode.CommandText = $"PRAGMA journal_mode={journal};";
        mode.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 60,
        }.ConnectionString);
        connection.Open();
        using var wait = connection.CreateCommand();
        wait.CommandText = "PRAGMA busy_timeout=60000;";
        wait.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Why a file is not a Phatthana backup (not SQLite, damaged, not this app's schema), or null when it is one.</summary>
    private static string? Problem(string file)
    {
        try
        {
            using var c = Open(file, SqliteOpenMode.ReadOnly);
            using var check = c.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (check.ExecuteScalar() as string != "ok") return "ไฟล์เสียหาย (integrity_check ไม่ผ่าน)";
            return Tables(c).Contains("__EFMigrationsHistory") && Tables(c).Contains("People") ? null : "ไม่ใช่ฐานข้อมูลของระบบพัฒนา";
        }
        catch (SqliteException)
        {
            return "ไม่ใช่ไฟล์ฐานข้อมูล SQLite";
        }
    }

    private static bool HasData(string file)
    {
        if (!System.IO.File.Exists(file) || new FileInfo(file).Length == 0) return false;
        using var c = Open(file, SqliteOpenMode.ReadWrite);
        return Tables(c).Contains("__EFMigrationsHistory");
    }

    private static HashSet<string> Tables(SqliteConnection c)
    {
        using var q = c.CreateCommand();
        q.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var r = q.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    /// <summary>Rows in the key tables, for the operator to compare with what they expect.</summary>
    private static string Describe(string file)
    {
        using var c = Open(file, SqliteOpenMode.ReadWrite);
        var tables = Tables(c);
        return "  " + string.Join(", ", KeyTables.Where(tables.Contains).Select(t =>
        {
            using var q = c.CreateCommand();
            q.CommandText = $"SELECT COUNT(*) FROM \"{t}\"";
            return $"{t} {Convert.ToInt64(q.ExecuteScalar()):#,0}";
        }));
    }
}
