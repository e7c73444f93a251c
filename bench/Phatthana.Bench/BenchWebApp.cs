using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Phatthana.Bench;

/// <summary>
/// The built Phatthana.Web started as its own process on a loopback port against a bench database (no demo, a first
/// SystemAdmin from settings), with a client holding that admin's bearer token. Disposing stops the process by its id.
/// </summary>
public sealed class BenchWebApp : IAsyncDisposable
{
    public const string Email = "bench-admin@example.com", Password = "Bench-admin-2569";
    private readonly Process _web;

    private BenchWebApp(Process web, HttpClient client)
    {
        _web = web;
        Client = client;
    }

    /// <summary>CPU time (user + system) the app's process has used so far.</summary>
    public TimeSpan AppCpuTime()
    {
        _web.Refresh();
        return _web.TotalProcessorTime;
    }

    /// <summary>Signed in as the SystemAdmin.</summary>
    public HttpClient Client { get; }

    public static async Task<BenchWebApp> StartAsync(string connectionString, Action<ProcessStartInfo>? configure = null)
    {
        var app = WebAppDll();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(Harness.Root(), "src", "Phatthana.Web"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(app);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Phatthana__SeedDemo"] = "false";
        start.Environment["Phatthana__Admin__Email"] = Email;
        start.Environment["Phatthana__Admin__Password"] = Password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove(Harness.ChildVariable);
        configure?.Invoke(start);
        Console.Error.WriteLine($"http: starting {app} on 127.0.0.1:{port}");
        var web = Process.Start(start)!;
        web.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) Console.Error.WriteLine("    [web] " + e.Data); };
        web.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) Console.Error.WriteLine("    [web] " + e.Data); };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120),
        };
        var running = new BenchWebApp(web, client);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (web.HasExited) throw new InvalidOperationException($"the app stopped (exit {web.ExitCode})");
                if (deadline.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("the app did not answer /health in 3 minutes");
                try
                {
                    if ((await client.GetAsync("/health")).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) { }
                await Task.Delay(500);
            }
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = Email, password = Password });
            token.EnsureSuccessStatusCode();
            var bearer = (await token.Content.ReadFromJsonAsync<TokenAnswer>())!.Token;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_web.HasExited)
        {
            _web.Kill(entireProcessTree: true);
            await _web.WaitForExitAsync();
        }
        _web.Dispose();
    }

    private sealed record TokenAnswer(string Token);

    /// <summary>The web app built beside this bench (same configuration: bench/…/bin/Release/net10.0 → src/Phatthana.Web/bin/Release/net10.0).</summary>
    private static string WebAppDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Harness.Root(), "src", "Phatthana.Web", "bin", dir.Parent!.Name, dir.Name, "Phatthana.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the web app first (dotnet build -c Release)", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
