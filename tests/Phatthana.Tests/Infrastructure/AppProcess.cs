using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Phatthana.Tests.Infrastructure;

/// <summary>
/// The app as an operator runs it: its own process (<c>dotnet Phatthana.Web.dll</c> from the build), for commands
/// (backup, restore), scripts, and a server that a test may kill -9. Output is collected for the failure message.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }
    public bool HasExited => _process.HasExited;

    /// <summary>The web app's build, beside the tests (the project reference copies it with its runtimeconfig).</summary>
    public static string WebDll => Path.Combine(AppContext.BaseDirectory, "Phatthana.Web.dll");

    /// <summary>The repository's root (where Phatthana.slnx is), for scripts/.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Phatthana.slnx"))) return dir.FullName;
            throw new InvalidOperationException("Phatthana.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the web app on a loopback port of its own and waits until /health answers.</summary>
    public static async Task<AppProcess> StartServerAsync(IReadOnlyDictionary<string, string> environment)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = Info("dotnet", [WebDll], environment);
        info.Environment["ASPNETCORE_URLS"] = url;
        var app = new AppProcess(Process.Start(info)!, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited) throw new InvalidOperationException("the app stopped while starting:\n" + app.Output);
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await app.DisposeAsync();
        throw new TimeoutException("the app did not answer /health in 90 s:\n" + app.Output);
    }

    /// <summary>Runs a program to its end (at most <paramref name="timeoutSeconds"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 120)
    {
        await using var run = new AppProcess(Process.Start(Info(file, args, environment ?? new Dictionary<string, string>()))!, "");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await run._process.WaitForExitAsync(timeout.Token);
        run._process.WaitForExit(); // drains the output handlers
        return (run._process.ExitCode, run.Output);
    }

    /// <summary>Runs one of the app's commands (<c>backup</c>, <c>restore</c>) as an operator would.</summary>
    public static Task<(int ExitCode, string Output)> CommandAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment) =>
        RunAsync("dotnet", [WebDll, .. args], environment);

    private static ProcessStartInfo Info(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Phatthana__Notifications__RemindersEnabled"] = "false";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    /// <summary>kill -9: no shutdown, no flush, no finally blocks — as a power cut or the OOM killer.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
