using System.Net;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Features.Training.Pages;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// The training figures the database sums (hours a person, test scores a session: <see cref="Sums.Exact"/>) against the
/// same figures worked out here with decimals from the rows themselves, on values chosen to catch a binary sum: hours of
/// 0.1 and 2.35, and scores whose mean falls on half of the last place shown.
/// </summary>
public sealed class TrainingSumsTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Fact]
    public void A_double_sum_of_decimals_with_few_places_comes_back_exact()
    {
        double tenths = 0;
        for (var i = 0; i < 10_000; i++) tenths += 0.1;
        Assert.NotEqual(1000.0, tenths); // the binary sum is off…
        Assert.Equal(1000m, Sums.Exact(tenths)); // …and made exact again
        Assert.Equal(140.01m, Sums.Exact(70.01 + 70.00));
        Assert.Equal(70.01m, Math.Round(Sums.Exact(70.01 + 70.00) / 2, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(-2.5m, Sums.Exact(-1.25 - 1.25));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Hours_and_score_means_equal_the_decimal_sums_of_the_rows(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await TrainingWorld.ArrangeAsync(host);
        var people = new List<string>();
        foreach (var name in new[] { "หนึ่ง", "สอง", "สาม", "สี่" }) people.Add(await w.PersonAsync(firstName: name));
        var s1 = await w.SessionAsync(await w.CourseAsync(hours: 2.35m), start: "2026-01-10");
        var s2 = await w.SessionAsync(await w.CourseAsync("หลักสูตรที่สอง", hours: 0.1m), start: "2026-02-10");
        foreach (var s in new[] { s1, s2 })
            foreach (var p in people) await w.RegisterAsync(s, p);
        // s1: means (70.01 + 70.00) / 2 = 70.005 → 70.01 and (33.33 + 33.34) / 2 = 33.335 → 33.34; a third attended
        // with one score only (not in the means), the fourth absent.
        var r1 = await w.ResultsAsync(s1,
            new { nationalId = people[0], attended = true, hours = 1.15m, preTest = 70.01m, postTest = 33.33m },
            new { nationalId = people[1], attended = true, hours = (decimal?)null, preTest = 70.00m, postTest = 33.34m },
            new { nationalId = people[2], attended = true, hours = (decimal?)null, preTest = 90m, postTest = (decimal?)null },
            new { nationalId = people[3], attended = false, hours = (decimal?)null, preTest = (decimal?)null, postTest = (decimal?)null });
        Assert.True(r1.StatusCode == HttpStatusCode.OK, await r1.Content.ReadAsStringAsync());
        var r2 = await w.ResultsAsync(s2, [.. people.Select(p => new { nationalId = p, attended = true, hours = (decimal?)null, preTest = 0.1m, postTest = 0.2m })]);
        Assert.True(r2.StatusCode == HttpStatusCode.OK, await r2.Content.ReadAsStringAsync());

        var (lines, hours, dashboard, rows) = await host.WithDbAsync(async db =>
        {
            var area = await db.Areas.SingleAsync(a => a.Code == w.Area);
            var rows = await db.Registrations.Where(r => r.SessionId == s1 || r.SessionId == s2)
                .Select(r => new { r.SessionId, r.PersonId, r.Attended, r.Hours, CourseHours = r.Session!.Course!.Hours, r.PreTest, r.PostTest }).ToListAsync();
            return (await SummaryModel.LinesAsync(db, area.Id, 2569), await TrainingLedger.HoursAsync(db, area.Id, 2569),
                await DevelopmentDashboard.BuildAsync(db, area.Id, 2569), rows);
        });

        // The means, worked out from the rows with decimals.
        Assert.Equal(2, lines.Count);
        foreach (var (session, line) in new[] { (s1, lines.Single(l => l.Row.Session == "รุ่นที่ 1" && l.Row.Course == "การจัดการเรียนรู้เชิงรุก")), (s2, lines.Single(l => l.Row.Course == "หลักสูตรที่สอง")) })
        {
            var scored = rows.Where(r => r.SessionId == session && r.Attended == true && r.PreTest != null && r.PostTest != null).ToList();
            Assert.Equal(Math.Round(scored.Average(r => r.PreTest!.Value), 2, MidpointRounding.AwayFromZero), line.PreMean);
            Assert.Equal(Math.Round(scored.Average(r => r.PostTest!.Value), 2, MidpointRounding.AwayFromZero), line.PostMean);
        }
        var first = lines.Single(l => l.Row.Course == "การจัดการเรียนรู้เชิงรุก");
        Assert.Equal((70.01m, 33.34m, 4, 0), (first.PreMean, first.PostMean, first.Row.Enrolled, first.Row.Passed));

        // The hours a person: attended seats at the hours entered, else the course's.
        var expected = rows.Where(r => r.Attended == true).GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Sum(r => r.Hours ?? r.CourseHours));
        Assert.Equal(4, hours.Count);
        foreach (var h in hours) Assert.Equal(expected.GetValueOrDefault(h.Id), h.SessionHours);
        Assert.Equal([1.25m, 2.45m, 2.45m, 0.1m], people.Select(p => hours.Single(h => h.Name.Contains(FirstNameOf(p, people))).SessionHours));
        Assert.Equal(expected.Values.Sum(), dashboard.Total.Hours);
        Assert.Equal((8, 7), (dashboard.Total.Enrolled, dashboard.Total.Attended));
    }

    private static string FirstNameOf(string nationalId, List<string> people) => new[] { "หนึ่ง", "สอง", "สาม", "สี่" }[people.IndexOf(nationalId)];
}
