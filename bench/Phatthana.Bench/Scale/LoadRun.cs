using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Bench.Scale;

public sealed record PageFigures(string Page, int Requests, int Errors, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double AloneMedianMs, double AloneCpuMs);

public sealed record LoadFigures(string Provider, int Readers, int Writers, double Seconds, int Requests, int Errors, double RequestsPerSecond,
    List<PageFigures> Pages, PageFigures Writes, double AppCpuSeconds, List<string> ErrorSamples, int ThinkMs);

/// <summary>
/// The HTTP load run: the built app as its own process on a loopback port against the loaded database, and a bounded
/// load client in this process — a fixed number of signed-in users (each with their own bearer token from
/// <c>POST /api/v1/auth/token</c>, an AreaAdmin of one area), for a fixed time and at most a fixed number of requests.
/// Readers loop over the dashboard and list pages of their area (whole HTML read); writers register people of their area
/// for its open sessions (<c>POST /api/v1/sessions/{id}/registrations</c>), each person once a session. After each answer a
/// user waits a think time (0.5–1.5 × <c>thinkMs</c>, seeded), as a person reading the page; 0 sends the next request at once
/// (then the users are that many requests always in flight). Every request is timed at the client, from send to the last byte. Before the load, each page is timed alone (one user, one at a time).
/// </summary>
public static class LoadRun
{
    public const int MaxRequests = 200_000;

    public static string[] Pages(string area, int fiscalYear) =>
    [
        $"/areas/{area}",
        $"/areas/{area}/training/dashboard?fiscalYear={fiscalYear}",
        $"/areas/{area}/training/summary?fiscalYear={fiscalYear}",
        $"/areas/{area}/development/id-plans?fiscalYear={fiscalYear}",
        $"/areas/{area}/manpower",
        $"/areas/{area}/people",
        $"/areas/{area}/people?q={Uri.EscapeDataString("สมชาย")}",
        $"/areas/{area}/schools",
    ];

    /// <summary>The page's name without its area: "/areas/{a}/training/dashboard".</summary>
    private static string Key(string url) => "/areas/{a}" + url[(url.IndexOf('/', "/areas/".Length) is var i && i > 0 ? i : url.Length)..].Split('?')[0] +
        (url.Contains("?q=") ? "?q=…" : "");

    public static async Task<LoadFigures> RunAsync(DatabaseProvider provider, string cs, int areas, List<string> openSessions, int readers, int writers, TimeSpan duration, int thinkMs)
    {
        var fiscalYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System)) - 1;
        await using var app = await BenchWebApp.StartAsync(provider == DatabaseProvider.Postgres ? cs : "", start =>
        {
            if (provider == DatabaseProvider.Sqlite) start.Environment["ConnectionStrings__Sqlite"] = cs;
            start.Environment["Phatthana__Auth__SignInPerMinute"] = "100000";
        });
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = app.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // Sign every user in (their own token), one after another.
        var tokens = new List<string>();
        for (var i = 0; i < readers + writers; i++)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = ScaleLoad.UserEmail(i), password = ScaleLoad.UserPassword });
            response.EnsureSuccessStatusCode();
            tokens.Add((await response.Content.ReadFromJsonAsync<TokenAnswer>())!.Token);
        }

        async Task<(double Ms, bool Ok, string? Error)> Send(HttpRequestMessage request, string token, HttpStatusCode expected)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                var ms = watch.Elapsed.TotalMilliseconds;
                return response.StatusCode == expected ? (ms, true, null)
                    : (ms, false, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(200, body.Length)))}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return (watch.Elapsed.TotalMilliseconds, false, $"{request.Method} {request.RequestUri}: {e.GetType().Name} {e.Message}");
            }
        }

        // Each page alone: 30 warm-ups (tiered compilation takes a method to optimised code after 30 calls and then some:
        // after only 2 a page cost up to twice the CPU), then 7 timed, one at a time (reader 0's area).
        // The app's CPU time over the timed requests ÷ their number: what a page costs the server, whoever else uses the machine.
        var alone = new Dictionary<string, (double Ms, double CpuMs)>();
        foreach (var url in Pages(ScaleData.AreaCode(0), fiscalYear))
        {
            var times = new List<double>();
            var cpuStart = TimeSpan.Zero;
            const int warmUps = 30;
            for (var i = 0; i < warmUps + 7; i++)
            {
                if (i == warmUps) cpuStart = app.AppCpuTime();
                var r = await Send(new HttpRequestMessage(HttpMethod.Get, url), tokens[0], HttpStatusCode.OK);
                if (!r.Ok) throw new InvalidOperationException(r.Error);
                if (i >= warmUps) times.Add(r.Ms);
            }
            alone[Key(url)] = (Harness.Median(times), (app.AppCpuTime() - cpuStart).TotalMilliseconds / times.Count);
            Console.Error.WriteLine($"  alone {url}: {alone[Key(url)].Ms:0.0} ms, app CPU {alone[Key(url)].CpuMs:0.0} ms a request");
        }

        var sessions = openSessions.Select(s => s.Split(':')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p[1]).ToArray());
        var samples = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var errors = new ConcurrentDictionary<string, int>();
        var errorSamples = new ConcurrentQueue<string>();
        var counters = new ConcurrentDictionary<string, int>();
        var sent = 0;
        var cpuBefore = app.AppCpuTime();
        var clock = Stopwatch.StartNew();
        bool Going() => clock.Elapsed < duration && Interlocked.Increment(ref sent) <= MaxRequests;
        void Note(string key, (double Ms, bool Ok, string? Error) r)
        {
            samples.GetOrAdd(key, _ => []).Add(r.Ms);
            if (r.Ok) return;
            errors.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (errorSamples.Count < 10) errorSamples.Enqueue(r.Error!);
        }

        var tasks = new List<Task>();
        for (var u = 0; u < readers; u++)
        {
            var user = u;
            tasks.Add(Task.Run(async () =>
            {
                var pages = Pages(ScaleData.AreaCode(user % areas), fiscalYear);
                var think = new Random(user);
                await Task.Delay(think.Next(thinkMs + 1)); // users do not all start at the same instant
                for (var n = user; Going(); n++)
                {
                    var url = pages[n % pages.Length];
                    Note(Key(url), await Send(new HttpRequestMessage(HttpMethod.Get, url), tokens[user], HttpStatusCode.OK));
                    if (thinkMs > 0) await Task.Delay(thinkMs / 2 + think.Next(thinkMs + 1));
                }
            }));
        }
        for (var w = 0; w < writers; w++)
        {
            var user = readers + w;
            tasks.Add(Task.Run(async () =>
            {
                // The writer's area is its account's; the next (session, person) pair of that area, shared by its writers.
                var areaIndex = user % areas;
                var code = ScaleData.AreaCode(areaIndex);
                var open = sessions[code];
                var think = new Random(user);
                await Task.Delay(think.Next(thinkMs + 1));
                while (Going())
                {
                    var k = counters.AddOrUpdate(code, 0, (_, n) => n + 1);
                    var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{open[k % open.Length]}/registrations")
                    {
                        Content = JsonContent.Create(new { nationalId = ScaleData.NationalIdFor(areaIndex, k / open.Length + 1) }),
                    };
                    Note("POST /api/v1/sessions/{id}/registrations", await Send(request, tokens[user], HttpStatusCode.Created));
                    if (thinkMs > 0) await Task.Delay(thinkMs / 2 + think.Next(thinkMs + 1));
                }
            }));
        }
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (app.AppCpuTime() - cpuBefore).TotalSeconds;

        PageFigures Figures(string key)
        {
            var values = samples.TryGetValue(key, out var bag) ? bag.ToList() : [];
            return new PageFigures(key, values.Count, errors.GetValueOrDefault(key), ScaleScenarios.Percentile(values, 50), ScaleScenarios.Percentile(values, 95),
                ScaleScenarios.Percentile(values, 99), values.Count == 0 ? double.NaN : values.Max(),
                alone.TryGetValue(key, out var a) ? a.Ms : double.NaN, alone.TryGetValue(key, out var b) ? b.CpuMs : double.NaN);
        }
        const string writeKey = "POST /api/v1/sessions/{id}/registrations";
        var pagesFigures = samples.Keys.Where(k => k != writeKey).Order(StringComparer.Ordinal).Select(Figures).ToList();
        var total = samples.Values.Sum(b => b.Count);
        return new LoadFigures(provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", readers, writers, seconds, total, errors.Values.Sum(), total / seconds,
            pagesFigures, Figures(writeKey), cpu, [.. errorSamples], thinkMs);
    }

    private sealed record TokenAnswer(string Token);
}
