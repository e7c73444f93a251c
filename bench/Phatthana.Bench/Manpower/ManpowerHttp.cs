using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Phatthana.Bench.Manpower;

/// <summary>
/// GET /api/v1/areas/{area}/manpower through the app itself: the built Phatthana.Web started as its own process on a
/// loopback port against the bench database (no demo, a first SystemAdmin from settings), a bearer token from
/// POST /api/v1/auth/token, then the pinned endpoint timed from the client, whole JSON body read. The process is stopped
/// (by its id) when done.
/// </summary>
public static class ManpowerHttp
{
    private const string Email = "bench-admin@example.com", Password = "Bench-manpower-2568";

    public static async Task<(Timing Timing, int Bytes)> RunAsync(string connectionString, string areaCode, int warmUps, int runs)
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
        Console.Error.WriteLine($"http: starting {app} on 127.0.0.1:{port}");
        using var web = Process.Start(start)!;
        web.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) Console.Error.WriteLine("    [web] " + e.Data); };
        web.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) Console.Error.WriteLine("    [web] " + e.Data); };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
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
            var bytes = 0;
            var timing = await ManpowerScenario.TimeAsync(warmUps, runs, async () =>
            {
                using var answer = await client.GetAsync($"/api/v1/areas/{areaCode}/manpower", HttpCompletionOption.ResponseContentRead);
                if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET manpower: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                bytes = (await answer.Content.ReadAsByteArrayAsync()).Length;
                return bytes;
            });
            Console.Error.WriteLine($"  GET /api/v1/areas/{areaCode}/manpower: {timing}, {bytes / 1024.0:0} KB");
            return (timing, bytes);
        }
        finally
        {
            if (!web.HasExited)
            {
                web.Kill(entireProcessTree: true);
                await web.WaitForExitAsync();
            }
        }
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
