using System.Net;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using W = Phatthana.Tests.Features.Supervision.SupervisionWorld;

namespace Phatthana.Tests.Features.Supervision;

/// <summary>
/// The summary against figures worked out by hand. Two networks of three schools (ก: s0 s1 s2, ข: s3 s4 s5). Last year:
/// s0 ดี in June then ดีเยี่ยม in December (the latest counts); s1 ดีมาก and พอใช้ on the same day (the lower counts);
/// s2 ดีเยี่ยม; s3 ดี in November; s4 ปรับปรุง in June then ดีเยี่ยม later in June; s5 not visited. The year before: s0 ดี,
/// s1 ดีมาก, s3 พอใช้.
/// </summary>
public sealed class SupervisionSummaryTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly int Y = W.LastYear;

    private static async Task<W> ArrangeAsync(AppHost host)
    {
        var w = await W.CreateAsync(host);
        var s = w.Schools;
        await w.VisitAsync(s[0], W.Day(Y, 6, 10), "Good");
        await w.VisitAsync(s[0], W.Day(Y, 12, 1), "Excellent");
        await w.VisitAsync(s[1], W.Day(Y, 7, 1), "VeryGood");
        await w.VisitAsync(s[1], W.Day(Y, 7, 1), "Fair", new() { ["topic"] = "คณิตศาสตร์" });
        await w.VisitAsync(s[2], W.Day(Y, 8, 1), "Excellent");
        await w.VisitAsync(s[3], W.Day(Y, 11, 15), "Good", new() { ["followUpDue"] = W.Day(Y, 12, 15) });
        await w.VisitAsync(s[4], W.Day(Y, 6, 1), "NeedsImprovement", new() { ["followUpStatus"] = "Done", ["followUpDue"] = W.Day(Y, 6, 20), ["followUpDoneOn"] = W.Day(Y, 6, 19) });
        await w.VisitAsync(s[4], W.Day(Y, 6, 20), "Excellent");
        await w.VisitAsync(s[0], W.Day(Y - 1, 6, 10), "Good");
        await w.VisitAsync(s[1], W.Day(Y - 1, 9, 1), "VeryGood");
        await w.VisitAsync(s[3], W.Day(Y - 1, 1, 10), "Fair");
        return w;
    }

    private static JsonElement Level(JsonElement summary, string level) =>
        summary.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == level);

    [Theory, MemberData(nameof(Providers))]
    public async Task The_year_counts_each_school_once_with_percentages_and_the_trend(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));
        var response = await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?academicYear={Y}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var s = await response.JsonAsync();
        Assert.Equal(6, s.GetProperty("schools").GetInt32());
        Assert.Equal(5, s.GetProperty("visited").GetInt32());
        Assert.Equal(8, s.GetProperty("visits").GetInt32());
        // Now: ดีเยี่ยม s0 s2 s4 = 3/5, ดี s3 = 1/5, พอใช้ s1 = 1/5. Before: ดีมาก, ดี, พอใช้ one school each of 3.
        (string Level, int Schools, decimal Percent, int Before, decimal BeforePercent, decimal Change)[] expected =
        [
            ("Excellent", 3, 60.00m, 0, 0.00m, 60.00m),
            ("VeryGood", 0, 0.00m, 1, 33.33m, -33.33m),
            ("Good", 1, 20.00m, 1, 33.33m, -13.33m),
            ("Fair", 1, 20.00m, 1, 33.33m, -13.33m),
            ("NeedsImprovement", 0, 0.00m, 0, 0.00m, 0.00m),
        ];
        Assert.Equal(expected.Select(e => e.Level), s.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()));
        foreach (var e in expected)
        {
            var l = Level(s, e.Level);
            Assert.Equal((e.Schools, e.Percent, e.Before, e.BeforePercent, e.Change),
                (l.GetProperty("schools").GetInt32(), l.GetProperty("percent").GetDecimal(), l.GetProperty("previousSchools").GetInt32(),
                 l.GetProperty("previousPercent").GetDecimal(), l.GetProperty("change").GetDecimal()));
        }
        Assert.Equal(60.00m, s.GetProperty("veryGoodOrBetterPercent").GetDecimal());
        Assert.Equal(33.33m, s.GetProperty("previousVeryGoodOrBetterPercent").GetDecimal());

        // Per network: ก 2 of 3 at ดีเยี่ยม (66.67 %, before 1 of 2 at ดีมาก or above: 50.00); ข 1 of 2 (50.00, before 0 of 1).
        var networks = s.GetProperty("networks").EnumerateArray().ToDictionary(n => n.GetProperty("network").GetString()!);
        var a = networks[w.Network1];
        Assert.Equal((3, 3, 66.67m, 50.00m, 16.67m), (a.GetProperty("schools").GetInt32(), a.GetProperty("visited").GetInt32(),
            a.GetProperty("veryGoodOrBetterPercent").GetDecimal(), a.GetProperty("previousVeryGoodOrBetterPercent").GetDecimal(), a.GetProperty("change").GetDecimal()));
        Assert.Equal(33.33m, a.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "Fair").GetProperty("percent").GetDecimal());
        var b = networks[w.Network2];
        Assert.Equal((3, 2, 50.00m, 0.00m, 50.00m), (b.GetProperty("schools").GetInt32(), b.GetProperty("visited").GetInt32(),
            b.GetProperty("veryGoodOrBetterPercent").GetDecimal(), b.GetProperty("previousVeryGoodOrBetterPercent").GetDecimal(), b.GetProperty("change").GetDecimal()));

        // s3's follow-up (due 15 Dec last year, still open) is overdue; s4's was done.
        var overdue = s.GetProperty("overdue").EnumerateArray().ToList();
        Assert.Equal([w.Schools[3]], overdue.Select(o => o.GetProperty("schoolCode").GetString()!).ToArray());
        Assert.Equal(W.Today.DayNumber - DateOnly.Parse(W.Day(Y, 12, 15)).DayNumber, overdue[0].GetProperty("daysOverdue").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_semester_is_measured_against_the_one_before_and_a_network_lists_its_schools(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(await Host(provider));
        // Semester 2: s0 ดีเยี่ยม, s3 ดี. Semester 1 before it: s0 ดี, s1 พอใช้, s2 ดีเยี่ยม, s4 ดีเยี่ยม.
        var s = await (await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?academicYear={Y}&semester=2")).JsonAsync();
        Assert.Equal(2, s.GetProperty("visited").GetInt32());
        Assert.Equal((50.00m, 50.00m), (Level(s, "Excellent").GetProperty("percent").GetDecimal(), Level(s, "Excellent").GetProperty("previousPercent").GetDecimal()));
        Assert.Equal((50.00m, 25.00m, 25.00m), (Level(s, "Good").GetProperty("percent").GetDecimal(), Level(s, "Good").GetProperty("previousPercent").GetDecimal(),
            Level(s, "Good").GetProperty("change").GetDecimal()));
        Assert.Equal(25.00m, Level(s, "Fair").GetProperty("previousPercent").GetDecimal());
        Assert.Equal($"ภาคเรียนที่ 1/{Y}", s.GetProperty("previousPeriod").GetString());

        // Network ก over the year: each school with its trend against the year before.
        var network = await w.NetworkIdAsync(w.Network1);
        var n = await (await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?academicYear={Y}&network={network}")).JsonAsync();
        Assert.Equal(3, n.GetProperty("schools").GetInt32());
        var trends = n.GetProperty("schoolResults").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => (
            r.GetProperty("visits").GetInt32(), r.GetProperty("level").GetString(), r.GetProperty("trend").GetString()));
        Assert.Equal((2, "Excellent", "Up"), trends[w.Schools[0]]);
        Assert.Equal((2, "Fair", "Down"), trends[w.Schools[1]]);
        Assert.Equal((1, "Excellent", "New"), trends[w.Schools[2]]);
        Assert.Empty(n.GetProperty("overdue").EnumerateArray()); // s3's overdue follow-up is network ข's

        // The same summary as files, and the refusals of a bad period.
        foreach (var format in new[] { "xlsx", "pdf", "docx" })
        {
            var file = await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?academicYear={Y}&format={format}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?academicYear=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?network={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Staff.GetAsync($"/api/v1/areas/{w.Area}/supervision-summary?format=odt")).StatusCode);
    }
}
