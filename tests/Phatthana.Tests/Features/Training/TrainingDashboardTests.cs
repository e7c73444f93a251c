using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Training;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// ภาพรวมการพัฒนา: development hours and pass rates of a fiscal year by school, position and subject area, against
/// figures worked out by hand from what the test seeded; the Excel file; a director's own school only; who may not look;
/// a year that is not one.
/// </summary>
public sealed partial class TrainingDashboardTests(AppHosts hosts) : ProviderTests(hosts)
{
    /// <summary>
    /// Two schools. ก: a1 (ครู, ภาษาไทย), a2 (ครู, คณิตศาสตร์), a3 (ผู้อำนวยการ, no major). ข: b1 (ครู, คณิตศาสตร์) and b2
    /// (ครูอัตราจ้าง, ภาษาไทย — a seat that counts, hours that do not). Requirement: 20 hours (the default).
    /// Fiscal year 2569 (1 Oct 2025 – 30 Sep 2026): S1 on 10 Jan 2026, 12 h, pass 70: a1 80 ✓, a2 50 ✗, a3 90 ✓ at 6 h,
    /// b1 absent ✗, b2 75 ✓; S3 on 1 Mar 2026, 10 h: a1 ✓. S2 on 15 Sep 2025 (year 2568), 10 h: b1 ✓ — not in 2569.
    /// So a1 22 h, a2 12, a3 6, b1 0.
    /// </summary>
    private sealed record Seeded(TrainingWorld World, string SchoolA, string NameA, string SchoolB, string NameB);

    private static async Task<string> PersonAsync(TrainingWorld w, string school, string position, string? major, string firstName)
    {
        var body = Arrange.PersonBody(school, position, firstName);
        body["major"] = major;
        body["teachingSubjectAreas"] = major is null ? Array.Empty<string>() : new[] { major };
        var response = await (await w.Host.AdminAsync()).PostAsJsonAsync($"/api/v1/areas/{w.Area}/people", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (string)body["nationalId"]!;
    }

    private static object Row(string nationalId, bool attended, decimal? postTest, decimal? hours = null) =>
        new { nationalId, attended, hours, preTest = 40, postTest };

    private static async Task<Seeded> SeedAsync(AppHost host)
    {
        var w = await TrainingWorld.ArrangeAsync(host);
        var (nameA, nameB) = ($"โรงเรียนกอไก่ {Unique.PositionNumber()}", $"โรงเรียนขอไข่ {Unique.PositionNumber()}");
        var schoolA = await host.SchoolAsync(w.Area, nameA);
        var schoolB = await host.SchoolAsync(w.Area, nameB);
        var a1 = await PersonAsync(w, schoolA, "Teacher", "Thai", "เอหนึ่ง");
        var a2 = await PersonAsync(w, schoolA, "Teacher", "Mathematics", "เอสอง");
        var a3 = await PersonAsync(w, schoolA, "Director", null, "เอสาม");
        var b1 = await PersonAsync(w, schoolB, "Teacher", "Mathematics", "บีหนึ่ง");
        var b2 = await PersonAsync(w, schoolB, "ContractTeacher", "Thai", "บีสอง");

        var s1 = await w.SessionAsync(await w.CourseAsync(hours: 12, passPercent: 70), start: "2026-01-10");
        foreach (var id in new[] { a1, a2, a3, b1, b2 }) await w.RegisterAsync(s1, id);
        var results = await w.ResultsAsync(s1, Row(a1, true, 80), Row(a2, true, 50), Row(a3, true, 90, hours: 6), Row(b1, false, null), Row(b2, true, 75));
        Assert.True(results.StatusCode == HttpStatusCode.OK, await results.Content.ReadAsStringAsync());

        var s2 = await w.SessionAsync(await w.CourseAsync("หลักสูตรปีก่อน", hours: 10), start: "2025-09-15");
        await w.RegisterAsync(s2, b1);
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(s2, Row(b1, true, 90))).StatusCode);

        var s3 = await w.SessionAsync(await w.CourseAsync("หลักสูตรที่สาม", hours: 10), start: "2026-03-01");
        await w.RegisterAsync(s3, a1);
        Assert.Equal(HttpStatusCode.OK, (await w.ResultsAsync(s3, Row(a1, true, 100))).StatusCode);
        return new Seeded(w, schoolA, nameA, schoolB, nameB);
    }

    /// <summary>One sheet of an exported workbook as plain rows.</summary>
    private static List<object?[]> Rows(byte[] xlsx, string sheet) =>
        new MemoryStream(xlsx).Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();

    private static string Url(Seeded s, string query = "fiscalYear=2569") => $"/areas/{s.World.Area}/training/dashboard?{query}";

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Browserless.ParseAsync(response);
    }

    /// <summary>A breakdown's rows as label → the cells after it, as shown.</summary>
    private static Dictionary<string, string[]> Table(IDocument doc, string heading)
    {
        var section = doc.QuerySelectorAll("section.dashboard-part").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == heading);
        return section.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => Spaces().Replace(c.TextContent, " ").Trim()).ToArray())
            .ToDictionary(c => c[0], c => c[1..]);
    }

    // Columns on screen after the label: people, hours, average, % meeting, enrolled, passed, % passed.
    private static string[] Cells(int people, string hours, string average, string meeting, int enrolled, int passed, string passPercent) =>
        [people.ToString(), hours, average, meeting, enrolled.ToString(), passed.ToString(), passPercent];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_figures_are_the_seeded_hours_and_results_by_school_position_and_subject_area(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await SeedAsync(host);
        var doc = await PageAsync(s.World.Admin, Url(s));

        // Headline: 4 people counted (b2 is a contract teacher), 40 hours, 10 a person, 1 of 4 at 20 h; 6 seats in 2569,
        // 5 attended, 4 passed = 66.67 %.
        var cards = doc.QuerySelectorAll(".card .figure").Select(f => f.TextContent.Trim()).ToList();
        Assert.Equal(["4", "40", "10.00", "25.00", "6", "5", "4", "66.67"], cards);
        Assert.Contains("ภาพรวมการพัฒนา", doc.QuerySelector("nav.subnav [aria-current=page]")!.TextContent);

        var schools = Table(doc, "จำแนกตามสถานศึกษา");
        // ก: 22 + 12 + 6 = 40 h over 3, 1 meets; seats a1 ×2, a2, a3 = 4, passed a1 ×2 and a3 = 3 → 75 %.
        Assert.Equal(Cells(3, "40.00", "13.33", "33.33", 4, 3, "75.00"), schools[s.NameA]);
        // ข: b1 alone counts (0 h); seats b1 and b2 in 2569 (b1's 2568 pass is not), b2 passed → 50 %.
        Assert.Equal(Cells(1, "0.00", "0.00", "0.00", 2, 1, "50.00"), schools[s.NameB]);
        Assert.Equal(Cells(4, "40.00", "10.00", "25.00", 6, 4, "66.67"), schools["รวม"]);
        Assert.Equal(3, schools.Count);

        var positions = Table(doc, "จำแนกตามตำแหน่ง");
        Assert.Equal(Cells(3, "34.00", "11.33", "33.33", 4, 2, "50.00"), positions["ครู"]);
        Assert.Equal(Cells(1, "6.00", "6.00", "0.00", 1, 1, "100.00"), positions["ผู้อำนวยการสถานศึกษา"]);
        // The contract teacher's seat counts; no hours are kept for them.
        Assert.Equal(Cells(0, "0.00", "", "", 1, 1, "100.00"), positions["ครูอัตราจ้าง"]);

        var subjects = Table(doc, "จำแนกตามกลุ่มสาระ (วิชาเอก)");
        Assert.Equal(Cells(1, "22.00", "22.00", "100.00", 3, 3, "100.00"), subjects["ภาษาไทย"]);
        Assert.Equal(Cells(2, "12.00", "6.00", "0.00", 2, 0, "0.00"), subjects["คณิตศาสตร์"]);
        Assert.Equal(Cells(1, "6.00", "6.00", "0.00", 1, 1, "100.00"), subjects["ไม่ระบุ"]);
        Assert.Equal(3, doc.QuerySelectorAll("section.dashboard-part figure svg").Length);

        // One school's dashboard through the filter.
        var one = Table(await PageAsync(s.World.Admin, Url(s, $"fiscalYear=2569&school={s.SchoolB}")), "จำแนกตามสถานศึกษา");
        Assert.Equal([s.NameB, "รวม"], one.Keys);

        // The year before holds only b1's pass.
        var before = Table(await PageAsync(s.World.Admin, Url(s, "fiscalYear=2568")), "จำแนกตามสถานศึกษา");
        Assert.Equal(Cells(1, "10.00", "10.00", "0.00", 1, 1, "100.00"), before[s.NameB]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task External_hours_add_to_a_persons_session_hours_and_the_person_is_counted_once(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await SeedAsync(host);
        await host.WithDbAsync(async db =>
        {
            var a1 = await db.People.SingleAsync(p => p.FirstName == "เอหนึ่ง" && p.School!.Code == s.SchoolA);
            var b2 = await db.People.SingleAsync(p => p.FirstName == "บีสอง" && p.School!.Code == s.SchoolB);
            // a1 (22 h from two sessions) gains 2.5 + 2.5 h in 2569; one from 2568 does not count; the contract teacher's never does.
            foreach (var (person, on, hours) in new[] { (a1, new DateOnly(2026, 2, 1), 2.5m), (a1, new DateOnly(2026, 4, 1), 2.5m),
                         (a1, new DateOnly(2025, 9, 1), 7m), (b2, new DateOnly(2026, 2, 1), 9m) })
                db.ExternalCompletions.Add(new ExternalCompletion { AreaId = person.AreaId, PersonId = person.Id, Source = "TEPE Online", Title = "ภายนอก", CompletedOn = on, Hours = hours });
            return await db.SaveChangesAsync();
        });
        var doc = await PageAsync(s.World.Admin, Url(s));

        // Still 4 people, 40 + 5 = 45 hours; the seats are unchanged.
        Assert.Equal(["4", "45", "11.25", "25.00", "6", "5", "4", "66.67"], doc.QuerySelectorAll(".card .figure").Select(f => f.TextContent.Trim()).ToList());
        Assert.Equal(Cells(3, "45.00", "15.00", "33.33", 4, 3, "75.00"), Table(doc, "จำแนกตามสถานศึกษา")[s.NameA]);
        Assert.Equal(Cells(1, "27.00", "27.00", "100.00", 3, 3, "100.00"), Table(doc, "จำแนกตามกลุ่มสาระ (วิชาเอก)")["ภาษาไทย"]);
        Assert.Equal(Cells(0, "0.00", "", "", 1, 1, "100.00"), Table(doc, "จำแนกตามตำแหน่ง")["ครูอัตราจ้าง"]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_excel_file_holds_the_same_tables(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await SeedAsync(host);
        var response = await s.World.Admin.GetAsync(Url(s, "fiscalYear=2569&format=xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Equal(4, sheets.Count); // the headline, then school, position, subject area

        var bySchool = sheets.Select(name => Rows(bytes, name)).Single(rows => rows.Any(r => Equals(r.FirstOrDefault()?.ToString(), "สถานศึกษา")));
        Assert.Equal(["สถานศึกษา", "บุคลากร (คน)", "ชั่วโมงรวม", "เฉลี่ยต่อคน", "ร้อยละถึงเกณฑ์", "ผู้เข้ารับการพัฒนา", "เข้าร่วม", "ผ่าน", "ร้อยละผ่าน"],
            Workbook.HeaderRow(bySchool, "สถานศึกษา"));
        var rows = Workbook.RowsAfter(bySchool, "สถานศึกษา");
        var a = rows.Single(r => Equals(r[0], s.NameA));
        Assert.Equal([3m, 40m, 13.33m, 33.33m, 4m, 4m, 3m, 75m], a[1..].Select(v => Convert.ToDecimal(v)));
        var total = rows.Single(r => Equals(r[0], "รวม"));
        Assert.Equal([4m, 40m, 10m, 25m, 6m, 5m, 4m, 66.67m], total[1..].Select(v => Convert.ToDecimal(v)));

        var pdf = await s.World.Admin.GetAsync(Url(s, "fiscalYear=2569&format=pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ภาพรวมการพัฒนาครูและบุคลากรทางการศึกษา", Poppler.Text(await pdf.Content.ReadAsByteArrayAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_sees_only_their_school_and_others_may_not_look(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await SeedAsync(host);
        var director = await host.UserAsync(Role.SchoolAdmin, s.World.Area, s.SchoolA);
        var doc = await PageAsync(director, Url(s));
        var schools = Table(doc, "จำแนกตามสถานศึกษา");
        Assert.Equal([s.NameA, "รวม"], schools.Keys);
        Assert.Equal(Cells(3, "40.00", "13.33", "33.33", 4, 3, "75.00"), schools["รวม"]);
        Assert.DoesNotContain(s.NameB, doc.Body!.TextContent);
        // One school has nothing to compare with: charts for positions and subject areas only.
        Assert.Equal(2, doc.QuerySelectorAll("section.dashboard-part figure svg").Length);
        // b2's contract-teacher seat is school ข's: not in the director's positions either.
        Assert.DoesNotContain("ครูอัตราจ้าง", Table(doc, "จำแนกตามตำแหน่ง").Keys);
        var file = await director.GetAsync(Url(s, "fiscalYear=2569&format=xlsx"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        var text = string.Join(" ", MiniExcel.GetSheetNames(new MemoryStream(bytes)).SelectMany(name => Rows(bytes, name)).SelectMany(r => r).Select(c => c?.ToString()));
        Assert.Contains(s.NameA, text);
        Assert.DoesNotContain(s.NameB, text);

        var teacher = await host.UserAsync(Role.Teacher, s.World.Area, s.SchoolA);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(Url(s))).StatusCode);
        var otherArea = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await otherArea.GetAsync(Url(s))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherArea.GetAsync(Url(s, "fiscalYear=2569&format=xlsx"))).StatusCode);
        // The assessor reads people (as on the hours page), and reads this too.
        var assessor = await host.UserAsync(Role.Assessor, s.World.Area);
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync(Url(s))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_year_or_school_that_is_not_one_is_422_in_thai(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var w = await TrainingWorld.ArrangeAsync(host);
        foreach (var (query, field) in new[] { ("fiscalYear=abc", "ปีงบประมาณ"), ("fiscalYear=2569&school=0000000000", "0000000000") })
        {
            var response = await w.Admin.GetAsync($"/areas/{w.Area}/training/dashboard?{query}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var doc = await Browserless.ParseAsync(response);
            Assert.Contains(field, doc.QuerySelector(".alert-warn")!.TextContent);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Admin.GetAsync($"/areas/{w.Area}/training/dashboard?{query}&format=xlsx")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Admin.GetAsync($"/areas/{w.Area}/training/dashboard?format=odt")).StatusCode);
        // An area with nobody in it: dashes, not a division by zero.
        var empty = await PageAsync(w.Admin, $"/areas/{w.Area}/training/dashboard");
        Assert.Equal(["0", "0", "–", "–", "0", "0", "0", "–"], empty.QuerySelectorAll(".card .figure").Select(f => f.TextContent.Trim()));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
