using System.Net;

namespace Phatthana.Bench.Manpower;

/// <summary>GET /api/v1/areas/{area}/manpower through the app itself (<see cref="BenchWebApp"/>), timed from the client, whole JSON body read.</summary>
public static class ManpowerHttp
{
    public static async Task<(Timing Timing, int Bytes)> RunAsync(string connectionString, string areaCode, int warmUps, int runs)
    {
        await using var app = await BenchWebApp.StartAsync(connectionString);
        var bytes = 0;
        var timing = await ManpowerScenario.TimeAsync(warmUps, runs, async () =>
        {
            using var answer = await app.Client.GetAsync($"/api/v1/areas/{areaCode}/manpower", HttpCompletionOption.ResponseContentRead);
            if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET manpower: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            bytes = (await answer.Content.ReadAsByteArrayAsync()).Length;
            return bytes;
        });
        Console.Error.WriteLine($"  GET /api/v1/areas/{areaCode}/manpower: {timing}, {bytes / 1024.0:0} KB");
        return (timing, bytes);
    }
}
