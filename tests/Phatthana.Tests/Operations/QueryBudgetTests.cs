using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Operations;

/// <summary>
/// No N+1: every page and API read of an area, a school or a person — taken from the app's own endpoint list, so a new
/// one is counted automatically — is fetched on the demo area (104 schools, its register, a year of training, ID Plans,
/// rounds) by the area's staff, and the database commands it sends are counted (the Server-Timing tally the benchmarks
/// use). A page over the fixed budget fails, with every page's count in the message: a query per school or per person
/// would be over a hundred.
/// </summary>
public sealed partial class QueryBudgetTests
{
    /// <summary>Commands one request may send (sign-in check, scope, the page's own queries, its layout's). Measured 2026-12-07: at most 13 (a school's manpower page) of ~100 reads.</summary>
    public const int Budget = 20;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_area_school_and_person_read_stays_within_the_query_budget(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, seedDemo: true, name: "budget",
            settings: new Dictionary<string, string?> { ["Phatthana:ServerTiming"] = "true" });
        var (school, person) = await host.WithDbAsync(async db =>
        {
            var first = await db.Schools.Where(s => db.Areas.Any(a => a.Id == s.AreaId && a.Code == DemoSeeder.AreaCode)).OrderBy(s => s.Code).FirstAsync();
            var someone = await db.People.Where(p => p.SchoolId == first.Id).OrderBy(p => p.FirstName).Select(p => p.Id).FirstAsync();
            return (first.Code, someone);
        });
        var year = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));
        var browser = await Browserless.SignInAsync(host, "area@phatthana.demo", DemoSeeder.Password);
        var api = await host.BearerAsync("area@phatthana.demo", DemoSeeder.Password);

        var counted = new List<(string Url, int Commands)>();
        var failures = new List<string>();
        foreach (var (url, isPage) in Reads(host, school, person.ToString(), year))
        {
            var response = await (isPage ? browser.Client : api).GetAsync(url);
            if (response.StatusCode == HttpStatusCode.InternalServerError) failures.Add($"{url} → 500");
            if (!response.IsSuccessStatusCode) continue; // a read needing more than the route (a query parameter) is not counted here
            var commands = Commands(response);
            counted.Add((url, commands));
            if (commands > Budget) failures.Add($"{url}: {commands} commands");
        }

        var table = string.Join("\n", counted.OrderByDescending(c => c.Commands).Select(c => $"{c.Commands,4}  {c.Url}"));
        Assert.True(counted.Count >= 60, $"only {counted.Count} reads answered:\n{table}");
        Assert.True(failures.Count == 0, $"over {Budget} commands or failed:\n{string.Join("\n", failures)}\n\nall:\n{table}");
    }

    /// <summary>The request's own commands plus those of batches it was answered in (Server-Timing db and shared).</summary>
    private static int Commands(HttpResponseMessage response)
    {
        var header = string.Join(", ", response.Headers.TryGetValues("Server-Timing", out var v) ? v : []);
        var own = TimingCount().Match(header);
        Assert.True(own.Success, $"no Server-Timing db count on {response.RequestMessage!.RequestUri}: '{header}'");
        var shared = SharedCount().Match(header);
        return int.Parse(own.Groups[1].Value) + (shared.Success ? int.Parse(shared.Groups[1].Value) : 0);
    }

    /// <summary>GET pages and API reads whose route needs only an area, a school, a person or a year.</summary>
    private static IEnumerable<(string Url, bool IsPage)> Reads(AppHost host, string school, string person, int year)
    {
        foreach (var e in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + e.RoutePattern.RawText!.TrimStart('/');
            if (raw.Contains("{**")) continue;
            var isPage = e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;
            if (!isPage && !raw.StartsWith("/api/v1/")) continue;
            if (!isPage && e.Metadata.GetMetadata<HttpMethodMetadata>() is { } m && !m.HttpMethods.Contains("GET")) continue;
            if (raw.StartsWith("/account") || raw.Contains("/auth/")) continue;
            var values = new Dictionary<string, string>
            {
                ["areaCode"] = DemoSeeder.AreaCode, ["code"] = DemoSeeder.AreaCode, ["schoolCode"] = school, ["person"] = person,
                ["fiscalYear"] = year.ToString(), ["academicYear"] = (year - 1).ToString(), ["handler"] = "",
            };
            var names = Parameter().Matches(raw).Select(p => p.Groups[1].Value).ToList();
            if (names.Any(n => !values.ContainsKey(n))) continue; // a read of one record (by id) is not an area's list
            var url = Parameter().Replace(raw, p => values[p.Groups[1].Value]);
            yield return (url.TrimEnd('/') is { Length: > 0 } u ? u : "/", isPage);
        }
    }

    [GeneratedRegex(@"\{(\w+)(:[^}?]*)?\??\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\bdb;dur=[\d.]+;desc=""(\d+)""")]
    private static partial Regex TimingCount();

    [GeneratedRegex(@"\bshared;dur=[\d.]+;desc=""(\d+)""")]
    private static partial Regex SharedCount();
}
