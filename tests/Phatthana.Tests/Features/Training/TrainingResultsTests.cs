using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Training;
using W = Phatthana.Tests.Features.Training.TrainingWorld;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// Results (passed = attended and post-test ≥ pass %), the fiscal year's training summary, a person's transcript and the
/// public certificate check, over HTTP on both databases.
/// </summary>
public sealed class TrainingResultsTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static object Row(string nationalId, bool? attended, decimal? postTest, decimal? hours = null, decimal? preTest = 40) =>
        new { nationalId, attended, hours, preTest, postTest };

    private static async Task<Dictionary<string, JsonElement>> RowsAsync(W w, Guid session) =>
        (await (await w.Admin.GetAsync($"/api/v1/sessions/{session}/registrations")).JsonAsync()).EnumerateArray()
            .ToDictionary(r => r.GetProperty("nationalId").GetString()!);

    private static bool? Passed(JsonElement r) => r.GetProperty("passed").ValueKind == JsonValueKind.Null ? null : r.GetProperty("passed").GetBoolean();

    [Theory, MemberData(nameof(Providers))]
    public async Task Passed_is_attended_and_a_post_test_at_or_above_the_pass_percent(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 12, passPercent: 70), capacity: 5);
        var p = new List<string>();
        for (var i = 0; i < 5; i++) p.Add(await w.PersonAsync(firstName: $"ผู้อบรม{i}"));
        foreach (var id in p) await w.RegisterAsync(session, id);

        var response = await w.ResultsAsync(session,
            Row(p[0], true, 70),            // exactly the pass mark: passes
            Row(p[1], true, 69.99m),        // 0.01 below: fails
            Row(p[2], false, 95),           // not attended: fails whatever the score
            Row(p[3], true, 100, hours: 6), // passes, with fewer hours than the course
            Row(p[4], true, null));         // no post-test: fails
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(5, (await response.JsonAsync()).GetArrayLength());

        var rows = await RowsAsync(w, session);
        Assert.Equal(new bool?[] { true, false, false, true, false }, p.Select(id => Passed(rows[id])));
        Assert.Equal([12m, 12m, 0m, 6m, 12m], p.Select(id => rows[id].GetProperty("hours").GetDecimal()));
        Assert.Equal(69.99m, rows[p[1]].GetProperty("postTest").GetDecimal());
        Assert.Equal(40m, rows[p[1]].GetProperty("preTest").GetDecimal());
        Assert.False(rows[p[2]].GetProperty("attended").GetBoolean());

        // Entering a row again replaces it.
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(session, Row(p[1], true, 80))).StatusCode);
        Assert.True(Passed((await RowsAsync(w, session))[p[1]]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_results_are_422_naming_the_row_and_field_and_save_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await W.ArrangeAsync(host);
        var session = await w.SessionAsync(await w.CourseAsync(hours: 12, passPercent: 70), capacity: 2);
        var a = await w.PersonAsync(firstName: "ก");
        var b = await w.PersonAsync(firstName: "ข");
        var waiting = await w.PersonAsync(firstName: "รอ");
        var stranger = await w.PersonAsync(firstName: "ไม่ได้สมัคร");
        await w.RegisterAsync(session, a);
        await w.RegisterAsync(session, b);
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, waiting));
        var cancelled = await w.PersonAsync(firstName: "ยกเลิกแล้ว");
        Assert.Equal("Waitlisted", await w.RegisterAsync(session, cancelled));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{session}/registrations/{cancelled}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(session, Row(a, true, 90), Row(b, true, 50))).StatusCode);

        // Row 0 would change a's result; row 1 is bad each time: nothing may be saved.
        var change = Row(a, false, 10);
        var badId = b[..12] + (char)('0' + (b[12] - '0' + 1) % 10);
        foreach (var (bad, field) in new (object, string)[]
        {
            (Row(b, true, 100.5m), "[1].postTest"),
            (Row(b, true, -1), "[1].postTest"),
            (Row(b, true, 80, preTest: 101), "[1].preTest"),
            (Row(b, true, 80, preTest: -0.5m), "[1].preTest"),
            (Row(b, true, 80, hours: 12.5m), "[1].hours"),
            (Row(b, true, 80, hours: -1), "[1].hours"),
            (Row(b, null, 80), "[1].attended"),
            (Row(waiting, true, 80), "[1].nationalId"),
            (Row(stranger, true, 80), "[1].nationalId"),
            (Row(cancelled, true, 80), "[1].nationalId"),
            (Row(badId, true, 80), "[1].nationalId"),
            (Row(a, true, 80), "[1].nationalId"),
        })
        {
            var response = await w.ResultsAsync(session, change, bad);
            Assert.Equal([field], await response.ErrorFieldsAsync());
        }
        var several = await w.ResultsAsync(session, Row(stranger, true, 101, hours: 13), change);
        Assert.Equal(new[] { "[0].hours", "[0].nationalId", "[0].postTest" }, (await several.ErrorFieldsAsync()).Order());

        var rows = await RowsAsync(w, session);
        Assert.True(Passed(rows[a]));
        Assert.True(rows[a].GetProperty("attended").GetBoolean());
        Assert.Equal(90m, rows[a].GetProperty("postTest").GetDecimal());
        Assert.False(Passed(rows[b]));
        Assert.Equal(50m, rows[b].GetProperty("postTest").GetDecimal());
        Assert.Null(Passed(rows[waiting]));

        // Results are for those who run training.
        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.School, a);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsJsonAsync($"/api/v1/sessions/{session}/results", new[] { Row(a, true, 100) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.ResultsAsync(Guid.NewGuid(), Row(a, true, 100))).StatusCode);
    }

    /// <summary>
    /// Fiscal year 2568 runs 1 Oct 2024 – 30 Sep 2025. "ต้นปี" starts on its first day (3 registered, 1 waiting, 1 cancelled;
    /// 2 pass of 3 = 66.67 %), "ปลายปี" on its last (nobody yet); "ก่อน" (30 Sep 2024) and "หลัง" (1 Oct 2025) are other years'.
    /// </summary>
    private sealed record Year(W World, string Course, Guid First, Guid Last, Guid Before, Guid After, string[] People);

    private static async Task<Year> YearAsync(AppHost host)
    {
        var w = await W.ArrangeAsync(host);
        var course = await w.CourseAsync(name: "การวัดและประเมินผล", method: "Seminar", hours: 12, passPercent: 60);
        var first = await w.SessionAsync(course, capacity: 3, start: "2024-10-01", end: "2024-10-03", name: "ต้นปี", venue: "โรงแรมริมทะเล");
        var last = await w.SessionAsync(course, capacity: 2, start: "2025-09-30", end: "2025-10-01", name: "ปลายปี", venue: "ห้องประชุมเขต");
        var before = await w.SessionAsync(course, capacity: 5, start: "2024-09-30", name: "ก่อน");
        var after = await w.SessionAsync(course, capacity: 5, start: "2025-10-01", name: "หลัง");
        var p = new string[5];
        for (var i = 0; i < 5; i++) p[i] = await w.PersonAsync(firstName: $"ปีงบ{i}", lastName: "ใจดี");
        for (var i = 0; i < 3; i++) Assert.Equal("Registered", await w.RegisterAsync(first, p[i]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(first, p[3]));
        Assert.Equal("Waitlisted", await w.RegisterAsync(first, p[4]));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/sessions/{first}/registrations/{p[4]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(first, Row(p[0], true, 60, hours: 10), Row(p[1], true, 90), Row(p[2], true, 59.99m))).StatusCode);
        // p0 also attended the years either side.
        foreach (var s in new[] { before, after })
        {
            await w.RegisterAsync(s, p[0]);
            Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(s, Row(p[0], true, 100))).StatusCode);
        }
        // p0 is on the last day's session but did not attend.
        await w.RegisterAsync(last, p[0]);
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(last, Row(p[0], false, null))).StatusCode);
        return new Year(w, course, first, last, before, after, p);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_summary_lists_the_fiscal_years_sessions_with_enrolled_passed_and_percent_as_json_xlsx_and_pdf(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var y = await YearAsync(host);
        var w = y.World;
        var url = $"/api/v1/areas/{w.Area}/training-summary?fiscalYear=2568";

        var response = await w.Admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["ต้นปี", "ปลายปี"], rows.Select(r => r.GetProperty("session").GetString()));
        foreach (var field in new[] { "course", "session", "startDate", "endDate", "venue", "method", "enrolled", "passed", "passedPercent" })
            Assert.All(rows, r => Assert.True(r.TryGetProperty(field, out _), $"row lacks {field}"));

        var first = rows[0];
        Assert.Equal("การวัดและประเมินผล", first.GetProperty("course").GetString());
        Assert.Equal("2024-10-01", first.GetProperty("startDate").GetString());
        Assert.Equal("2024-10-03", first.GetProperty("endDate").GetString());
        Assert.Equal("โรงแรมริมทะเล", first.GetProperty("venue").GetString());
        Assert.Equal("Seminar", first.GetProperty("method").GetString());
        Assert.Equal(3, first.GetProperty("enrolled").GetInt32()); // not the waiting p3 nor the cancelled p4
        Assert.Equal(2, first.GetProperty("passed").GetInt32());
        Assert.Equal(66.67m, first.GetProperty("passedPercent").GetDecimal());
        Assert.Equal("66.67", first.GetProperty("passedPercent").GetRawText());

        var last = rows[1];
        Assert.Equal("2025-09-30", last.GetProperty("startDate").GetString());
        Assert.Equal(1, last.GetProperty("enrolled").GetInt32());
        Assert.Equal(0, last.GetProperty("passed").GetInt32());
        Assert.Equal(0m, last.GetProperty("passedPercent").GetDecimal());

        // The years either side hold the sessions of 30 Sep 2024 and 1 Oct 2025.
        var y2567 = await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/training-summary?fiscalYear=2567")).JsonAsync();
        Assert.Equal(["ก่อน"], y2567.EnumerateArray().Select(r => r.GetProperty("session").GetString()));
        Assert.Equal(100m, y2567[0].GetProperty("passedPercent").GetDecimal());
        var y2569 = await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/training-summary?fiscalYear=2569")).JsonAsync();
        Assert.Equal(["หลัง"], y2569.EnumerateArray().Select(r => r.GetProperty("session").GetString()));

        var xlsx = await w.Admin.GetAsync(url + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync());
        var data = Workbook.RowsAfter(sheet, "หลักสูตร");
        Assert.Equal(2, data.Count(r => r.Any(c => c?.ToString() is "ต้นปี" or "ปลายปี")));
        var pdf = await w.Admin.GetAsync(url + "&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        foreach (var bad in new[] { "abc", "abc&format=xlsx", "abc&format=pdf" })
            Assert.Equal(["fiscalYear"], await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/training-summary?fiscalYear={bad}")).ErrorFieldsAsync());

        // Another area's admin does not see this area.
        var other = await W.ArrangeAsync(host);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Admin.GetAsync(url)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_transcript_sums_the_hours_attended_and_external_within_the_fiscal_year_and_a_teacher_reads_only_their_own(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var y = await YearAsync(host);
        var w = y.World;
        var me = y.People[0];
        await host.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.NationalId == me);
            db.ExternalCompletions.Add(new ExternalCompletion
            {
                AreaId = person.AreaId, PersonId = person.Id, Source = "UTQ online", Title = "การออกแบบการเรียนรู้", CompletedOn = new DateOnly(2025, 3, 1), Hours = 20,
            });
            db.ExternalCompletions.Add(new ExternalCompletion
            {
                AreaId = person.AreaId, PersonId = person.Id, Source = "TEPE Online", Title = "ปีก่อน", CompletedOn = new DateOnly(2024, 9, 30), Hours = 7,
            });
            db.ExternalCompletions.Add(new ExternalCompletion
            {
                AreaId = person.AreaId, PersonId = person.Id, Source = "TEPE Online", Title = "ยังไม่ผ่าน", CompletedOn = new DateOnly(2025, 9, 30), Hours = 3, Passed = false,
            });
            return await db.SaveChangesAsync();
        });

        var url = $"/api/v1/people/{me}/transcript?fiscalYear=2568";
        var response = await w.Admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        // The first session's 10 hours (entered), the external 20 and 3; not the session not attended, nor other years.
        Assert.Equal(33m, body.GetProperty("hours").GetDecimal());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["2024-10-01", "2025-03-01", "2025-09-30"], items.Select(i => i.GetProperty("date").GetString()));
        foreach (var field in new[] { "source", "title", "date", "hours", "passed" })
            Assert.All(items, i => Assert.True(i.TryGetProperty(field, out _), $"item lacks {field}"));
        Assert.Contains("การวัดและประเมินผล", items[0].GetProperty("title").GetString());
        Assert.Equal(10m, items[0].GetProperty("hours").GetDecimal());
        Assert.True(items[0].GetProperty("passed").GetBoolean());
        Assert.Equal("UTQ online", items[1].GetProperty("source").GetString());
        Assert.Equal("การออกแบบการเรียนรู้", items[1].GetProperty("title").GetString());
        Assert.Equal(20m, items[1].GetProperty("hours").GetDecimal());
        Assert.False(items[2].GetProperty("passed").GetBoolean());

        // The year before: the session of 30 Sep 2024 (course hours, 12) and the external 7.
        var before = await (await w.Admin.GetAsync($"/api/v1/people/{me}/transcript?fiscalYear=2567")).JsonAsync();
        Assert.Equal(19m, before.GetProperty("hours").GetDecimal());
        // Someone who failed still attended: p2's 12 hours count.
        var failed = await (await w.Admin.GetAsync($"/api/v1/people/{y.People[2]}/transcript?fiscalYear=2568")).JsonAsync();
        Assert.Equal(12m, failed.GetProperty("hours").GetDecimal());
        Assert.False(failed.GetProperty("items")[0].GetProperty("passed").GetBoolean());
        // The waiting one has nothing.
        var waiting = await (await w.Admin.GetAsync($"/api/v1/people/{y.People[3]}/transcript?fiscalYear=2568")).JsonAsync();
        Assert.Equal(0m, waiting.GetProperty("hours").GetDecimal());
        Assert.Empty(waiting.GetProperty("items").EnumerateArray());

        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.School, me);
        var own = await teacher.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(33m, (await own.JsonAsync()).GetProperty("hours").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/people/{y.People[1]}/transcript?fiscalYear=2568")).StatusCode);
        var otherArea = await W.ArrangeAsync(host);
        Assert.Equal(HttpStatusCode.NotFound, (await otherArea.Admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.GetAsync($"/api/v1/people/{Unique.NationalId()}/transcript?fiscalYear=2568")).StatusCode);

        Assert.Equal(["fiscalYear"], await (await w.Admin.GetAsync($"/api/v1/people/{me}/transcript?fiscalYear=abc")).ErrorFieldsAsync());
        Assert.Equal(["fiscalYear"], await (await teacher.GetAsync($"/api/v1/people/{me}/transcript?fiscalYear=abc")).ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_verify_page_shows_a_passed_certificates_holder_and_course_without_the_national_id(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var y = await YearAsync(host);
        var anonymous = host.Anonymous();

        var unknown = await anonymous.GetAsync("/verify/NO-SUCH-CODE-123");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("ไม่พบ", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));

        // p0 passed the first session; p2 attended and failed it.
        var code = $"V{Guid.NewGuid():N}";
        var failedCode = $"F{Guid.NewGuid():N}";
        await host.WithDbAsync(async db =>
        {
            foreach (var (id, c) in new[] { (y.People[0], code), (y.People[2], failedCode) })
            {
                var r = await db.Registrations.SingleAsync(r => r.SessionId == y.First && r.Person!.NationalId == id);
                r.CertificateCode = c;
                r.CertificateNumber = c == code ? "TEST-2568-0001" : "TEST-2568-0002";
            }
            return await db.SaveChangesAsync();
        });

        var found = await anonymous.GetAsync($"/verify/{code}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync());
        Assert.Contains("นางสาวปีงบ0 ใจดี", html);
        Assert.Contains("การวัดและประเมินผล", html);
        Assert.Contains("TEST-2568-0001", html);
        Assert.DoesNotContain("ไม่พบ", html);
        var nationalId = y.People[0];
        Assert.DoesNotContain(nationalId, html);
        Assert.DoesNotContain(Web.Features.Personnel.NationalId.Format(nationalId), html);
        Assert.DoesNotContain(nationalId[..9], html);

        // A code on a result that did not pass verifies nothing.
        var failed = await anonymous.GetAsync($"/verify/{failedCode}");
        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
        Assert.Contains("ไม่พบ", WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync()));
    }
}
