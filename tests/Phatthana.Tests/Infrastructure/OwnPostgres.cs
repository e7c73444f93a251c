namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own (initdb in a temp folder, its own loopback port, as test.sh starts the shared
/// one), for faults that must not touch anyone else's server: it is stopped, restarted and removed by the test.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _folder, _bin;

    private OwnPostgres(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=15";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<OwnPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => Version.Parse(Path.GetFileName(Path.GetDirectoryName(d)!) + ".0")).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (test.sh installs them)");
        var folder = Directory.CreateTempSubdirectory("phatthana-own-pg-").FullName;
        if (Environment.UserName == "root") await RunAsync("chown", ["postgres:postgres", folder]);
        var pg = new OwnPostgres(folder, bin, AppProcess.FreePort());
        await pg.AsPostgresAsync($"'{bin}/initdb' -D '{pg.Data}' -U postgres -A trust -E UTF8 --locale=C.UTF-8");
        await pg.StartAgainAsync();
        return pg;
    }

    public Task StartAgainAsync() => AsPostgresAsync(
        $"'{_bin}/pg_ctl' -D '{Data}' -l '{_folder}/pg.log' -w -o \"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off\" start");

    /// <summary>A fast shutdown: open sessions are ended (their transactions roll back), as an operator's restart does.</summary>
    public Task StopAsync() => AsPostgresAsync($"'{_bin}/pg_ctl' -D '{Data}' -m fast -w stop");

    private Task AsPostgresAsync(string command) => Environment.UserName == "root"
        ? RunAsync("su", ["postgres", "-s", "/bin/bash", "-c", command])
        : RunAsync("bash", ["-c", command]);

    private static async Task RunAsync(string file, string[] args)
    {
        var (code, output) = await AppProcess.RunAsync(file, args, timeoutSeconds: 60);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}):\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
