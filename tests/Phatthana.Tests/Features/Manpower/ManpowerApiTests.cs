using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Personnel;
using W = Phatthana.Tests.Features.Manpower.ManpowerWorld;

namespace Phatthana.Tests.Features.Manpower;

/// <summary>
/// The pinned manpower API (API.md) over HTTP on both databases: figures worked out by hand in <see cref="ManpowerWorld"/>,
/// bad input, filters, files, out-of-major, a school's working, subject needs and who may call what.
/// </summary>
public sealed partial class ManpowerApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly string[] PinnedSchoolFields =
        ["school", "students", "classrooms", "requiredTeachers", "requiredAdministrators", "actualTeachers", "actualAdministrators", "difference", "status"];
    private static readonly string[] SummaryFields =
        ["schools", "shortageSchools", "shortagePosts", "surplusSchools", "surplusPosts", "exactSchools", "requiredPosts", "actualPosts", "netSurplus", "netSurplusPercent"];

    /// <summary>students, classrooms, required teachers, required administrators, actual teachers, actual administrators, vacant, difference.</summary>
    private static int[] Figures(JsonElement s) =>
        [.. new[] { "students", "classrooms", "requiredTeachers", "requiredAdministrators", "actualTeachers", "actualAdministrators", "vacantPosts", "difference" }
            .Select(f => s.GetProperty(f).GetInt32())];

    /// <summary>schools, short schools, short posts, over schools, over posts, exact schools, required, actual, net.</summary>
    private static int[] Totals(JsonElement summary) => [.. SummaryFields[..^1].Select(f => summary.GetProperty(f).GetInt32())];

    private static decimal Percent(JsonElement summary) => summary.GetProperty("netSurplusPercent").GetDecimal();

    private static Dictionary<string, JsonElement> BySchool(JsonElement body) =>
        body.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("school").GetString()!);

    private static string[] Codes(JsonElement list, string property = "school") =>
        [.. list.EnumerateArray().Select(s => s.GetProperty(property).GetString()!).Order(StringComparer.Ordinal)];

    private static string[] Sorted(params string[] codes) => [.. codes.Order(StringComparer.Ordinal)];

    [Theory, MemberData(nameof(Providers))]
    public async Task The_area_answer_has_the_pinned_shape_and_the_figures_worked_out_by_hand(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var response = await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/manpower?academicYear=2567");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();

        Assert.Equal("เกณฑ์อัตรากำลังครูและผู้บริหารสถานศึกษา", body.GetProperty("ruleSet").GetString());
        Assert.Equal(2567, body.GetProperty("academicYear").GetInt32());
        var schools = BySchool(body);
        Assert.Equal(Sorted(w.Small, w.Larger, w.Exact, w.Empty), schools.Keys.Order(StringComparer.Ordinal));
        foreach (var s in schools.Values)
            Assert.All(PinnedSchoolFields, f => Assert.True(s.TryGetProperty(f, out _), $"school row lacks {f}"));
        var summary = body.GetProperty("summary");
        Assert.Equal(SummaryFields, summary.EnumerateObject().Select(p => p.Name));

        // Small: 45 students → band 41–60 → 3 + director 1 = 4; has 2 teachers (1 vacant) + 1 director = 3 → short 1.
        Assert.Equal([45, 2, 3, 1, 2, 1, 1, -1], Figures(schools[w.Small]));
        Assert.Equal("Shortage", schools[w.Small].GetProperty("status").GetString());
        Assert.Equal(W.SmallName, schools[w.Small].GetProperty("name").GetString());
        // Larger: 135 students, 6 standard rooms, 8.5 → 9 teachers + 1 director = 10; 9 + 2 posts, all vacant → over 1.
        Assert.Equal([135, 6, 9, 1, 9, 2, 11, 1], Figures(schools[w.Larger]));
        Assert.Equal("Surplus", schools[w.Larger].GetProperty("status").GetString());
        // Exact: 10 students → 1 + 1 = 2; has 1 + 1 (both vacant, and counted).
        Assert.Equal([10, 1, 1, 1, 1, 1, 2, 0], Figures(schools[w.Exact]));
        Assert.Equal("Exact", schools[w.Exact].GetProperty("status").GetString());
        // Empty: counts of zero → nothing required; its one post is over.
        Assert.Equal([0, 0, 0, 0, 1, 0, 1, 1], Figures(schools[w.Empty]));
        Assert.Equal("Surplus", schools[w.Empty].GetProperty("status").GetString());

        // 4 schools; short 1/1; over 2/2; exact 1; required 16; actual 17; net +1 = 6.25 %.
        Assert.Equal([4, 1, 1, 2, 2, 1, 16, 17, 1], Totals(summary));
        Assert.Equal(6.25m, Percent(summary));

        // The school without counts is named apart, not counted as zero.
        var missing = Assert.Single(body.GetProperty("missingStudentCounts").EnumerateArray());
        Assert.Equal(w.Missing, missing.GetProperty("school").GetString());
        Assert.Equal(W.MissingName, missing.GetProperty("name").GetString());

        // Without a year: not 2568, where only Larger has counts (1 school of the 4 that have 2567's), but the latest year
        // at least half as many schools have — 2567 — so one early school does not make the default a list of missing ones.
        var byDefault = await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/manpower")).JsonAsync();
        Assert.Equal(2567, byDefault.GetProperty("academicYear").GetInt32());
        Assert.Equal([4, 1, 1, 2, 2, 1, 16, 17, 1], Totals(byDefault.GetProperty("summary")));

        // 2568 asked for: Larger alone — 10 students → 1 + 1 = 2 against 11 posts → +9 = 450 %; the rest listed as missing.
        var latest = await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/manpower?academicYear=2568")).JsonAsync();
        Assert.Equal(2568, latest.GetProperty("academicYear").GetInt32());
        Assert.Equal([w.Larger], Codes(latest.GetProperty("schools")));
        Assert.Equal([1, 0, 0, 1, 9, 0, 2, 11, 9], Totals(latest.GetProperty("summary")));
        Assert.Equal(450m, Percent(latest.GetProperty("summary")));
        Assert.Equal(Sorted(w.Small, w.Exact, w.Empty, w.Missing), Codes(latest.GetProperty("missingStudentCounts")));

        // Once two more schools enter 2568 (3 of 4, at least half), 2568 becomes the default.
        await W.CountsAsync(w.Admin, w.Small, 2568, ("P1", 20));
        await W.CountsAsync(w.Admin, w.Exact, 2568, ("P1", 10));
        var moved = await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/manpower")).JsonAsync();
        Assert.Equal(2568, moved.GetProperty("academicYear").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Posts_filled_or_vacant_and_people_leaving_change_the_figures_live(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var url = $"/api/v1/areas/{w.Area}/manpower?academicYear=2567";

        // A new vacant teacher post at Small makes it exact: vacant posts are posts on the register.
        await W.PostAsync(w.Admin, w.Small, "Teacher");
        var body = await (await w.Admin.GetAsync(url)).JsonAsync();
        Assert.Equal([45, 2, 3, 1, 3, 1, 2, 0], Figures(BySchool(body)[w.Small]));
        Assert.Equal("Exact", BySchool(body)[w.Small].GetProperty("status").GetString());
        // 4 schools; short 0/0; over 2/2; exact 2; required 16, actual 18, net 2 → 2 ÷ 16 = 12.5 %.
        Assert.Equal([4, 0, 0, 2, 2, 2, 16, 18, 2], Totals(body.GetProperty("summary")));
        Assert.Equal(12.5m, Percent(body.GetProperty("summary")));

        // The teacher retires: their post stays on the register, now vacant; the count of posts does not change.
        var person = Arrange.PersonBody(w.Small, nationalId: w.Teacher, firstName: "สมใจ", lastName: "สอนไทย");
        person["status"] = "Retired";
        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync($"/api/v1/people/{w.Teacher}", person)).StatusCode);
        body = await (await w.Admin.GetAsync(url)).JsonAsync();
        Assert.Equal([45, 2, 3, 1, 3, 1, 3, 0], Figures(BySchool(body)[w.Small]));

        // Counts arriving for the missing school bring it into the analysis: ป.1 15 → band 1–20 → 1 + 1 = 2 against 1 post.
        await W.CountsAsync(w.Admin, w.Missing, 2567, ("P1", 15));
        body = await (await w.Admin.GetAsync(url)).JsonAsync();
        Assert.Equal([15, 1, 1, 1, 1, 0, 1, -1], Figures(BySchool(body)[w.Missing]));
        Assert.Empty(body.GetProperty("missingStudentCounts").EnumerateArray());
        // 5 schools; short 1/1; over 2/2; exact 2; required 18; actual 19; net 1 → 1 ÷ 18 = 5.555… → 5.56 %.
        Assert.Equal([5, 1, 1, 2, 2, 2, 18, 19, 1], Totals(body.GetProperty("summary")));
        Assert.Equal(5.56m, Percent(body.GetProperty("summary")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_parameters_are_422_naming_the_parameter_and_an_unknown_format_is_400(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var url = $"/api/v1/areas/{w.Area}/manpower";
        foreach (var (query, field, says) in new[]
        {
            ("academicYear=abc", "academicYear", "ไม่ถูกต้อง"),
            ("academicYear=1999", "academicYear", "ไม่ถูกต้อง"),
            ("academicYear=2566", "academicYear", "ปีที่มีข้อมูล: 2568, 2567"),
            ("academicYear=2566&format=pdf", "academicYear", "2566"),
            ("academicYear=2567&status=Bogus", "status", "Bogus"),
            ("academicYear=2567&status=7", "status", "7"),
            ("academicYear=2567&type=Castle", "type", "Castle"),
            ("academicYear=2567&type=9", "type", "9"),
            ("academicYear=2567&district=not-a-guid", "district", "not-a-guid"),
            ("academicYear=2567&network=42", "network", "42"),
        })
        {
            var response = await w.Admin.GetAsync($"{url}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{query} → {(int)response.StatusCode}");
            Assert.Equal([field], await response.ErrorFieldsAsync());
            Assert.Contains(says, (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var exe = await w.Admin.GetAsync($"{url}?academicYear=2567&format=exe");
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("xlsx, pdf, docx", await exe.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An area with no student counts at all says so, on the default year too.
        var bare = await w.Host.AreaAsync();
        await w.Host.SchoolAsync(bare);
        var admin = await w.Host.AdminAsync();
        foreach (var query in new[] { "", "?academicYear=2567" })
        {
            var response = await admin.GetAsync($"/api/v1/areas/{bare}/manpower{query}");
            Assert.Equal(["academicYear"], await response.ErrorFieldsAsync());
            Assert.Contains("ยังไม่มีข้อมูลนักเรียนปีใดเลย", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task District_network_and_type_narrow_the_schools_and_the_summary_status_only_the_schools(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var districts = (await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/districts")).JsonAsync()).EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("id").GetString()!);
        var network = (await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/networks")).JsonAsync()).EnumerateArray()
            .Single(n => n.GetProperty("name").GetString() == W.Network).GetProperty("id").GetString();
        async Task<JsonElement> Get(string filter) =>
            await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/manpower?academicYear=2567&{filter}")).JsonAsync();

        // เมืองเพชรบุรี: Small (−1) and Exact (0); required 4 + 2 = 6, actual 3 + 2 = 5, net −1 = −16.666… → −16.67; Missing listed.
        var town = await Get($"district={districts[W.Town]}");
        Assert.Equal(Sorted(w.Small, w.Exact), Codes(town.GetProperty("schools")));
        Assert.Equal([2, 1, 1, 0, 0, 1, 6, 5, -1], Totals(town.GetProperty("summary")));
        Assert.Equal(-16.67m, Percent(town.GetProperty("summary")));
        Assert.Equal([w.Missing], Codes(town.GetProperty("missingStudentCounts")));

        // ท่ายาง: Larger (+1) and Empty (+1); required 10, actual 12, net 2 → 20 %; no school without counts there.
        var riverside = await Get($"district={districts[W.Riverside]}");
        Assert.Equal(Sorted(w.Larger, w.Empty), Codes(riverside.GetProperty("schools")));
        Assert.Equal([2, 0, 0, 2, 2, 0, 10, 12, 2], Totals(riverside.GetProperty("summary")));
        Assert.Equal(20m, Percent(riverside.GetProperty("summary")));
        Assert.Empty(riverside.GetProperty("missingStudentCounts").EnumerateArray());

        // The network: Small (−1) and Larger (+1) → required 14, actual 14, net 0, 0 %.
        var net = await Get($"network={network}");
        Assert.Equal(Sorted(w.Small, w.Larger), Codes(net.GetProperty("schools")));
        Assert.Equal([2, 1, 1, 1, 1, 0, 14, 14, 0], Totals(net.GetProperty("summary")));
        Assert.Equal(0m, Percent(net.GetProperty("summary")));

        // Type: the extended-opportunity school alone; the primary ones without it (and Missing among those without counts).
        var extended = await Get("type=ExtendedOpportunity");
        Assert.Equal([w.Larger], Codes(extended.GetProperty("schools")));
        Assert.Equal([1, 0, 0, 1, 1, 0, 10, 11, 1], Totals(extended.GetProperty("summary")));
        Assert.Empty(extended.GetProperty("missingStudentCounts").EnumerateArray());
        var primary = await Get("type=Primary");
        Assert.Equal(Sorted(w.Small, w.Exact, w.Empty), Codes(primary.GetProperty("schools")));
        Assert.Equal([3, 1, 1, 1, 1, 1, 6, 6, 0], Totals(primary.GetProperty("summary")));

        // Status narrows the list of schools only: the summary stays that of the part of the area looked at (here all of it),
        // so a printed "schools short" list still carries the whole picture it came from.
        var over = await Get("status=Surplus");
        Assert.Equal(Sorted(w.Larger, w.Empty), Codes(over.GetProperty("schools")));
        Assert.Equal([4, 1, 1, 2, 2, 1, 16, 17, 1], Totals(over.GetProperty("summary")));
        var shortOnes = await Get("status=Shortage");
        Assert.Equal([w.Small], Codes(shortOnes.GetProperty("schools")));

        // Filters combine: the town's schools that are exact, with the town's summary.
        var both = await Get($"district={districts[W.Town]}&status=Exact");
        Assert.Equal([w.Exact], Codes(both.GetProperty("schools")));
        Assert.Equal([2, 1, 1, 0, 0, 1, 6, 5, -1], Totals(both.GetProperty("summary")));

        // A district of another area matches nothing here: an empty answer, not an error.
        var elsewhere = await w.Host.AreaAsync();
        await w.Host.SchoolAsync(elsewhere, district: "ชะอำ");
        var foreignDistrict = (await (await (await w.Host.AdminAsync()).GetAsync($"/api/v1/areas/{elsewhere}/districts")).JsonAsync())[0].GetProperty("id").GetString();
        var none = await Get($"district={foreignDistrict}");
        Assert.Empty(none.GetProperty("schools").EnumerateArray());
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0], Totals(none.GetProperty("summary")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_area_report_comes_as_excel_pdf_and_word_with_the_summary_in_thai(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var url = $"/api/v1/areas/{w.Area}/manpower?academicYear=2567";

        var xlsx = await w.Admin.GetAsync(url + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var cells = AllCells(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(W.LargerName, cells);
        Assert.Contains(W.MissingName, cells);
        Assert.Contains("ตารางที่ ๑ สรุปอัตรากำลังตามเกณฑ์", cells);

        var pdf = await w.Admin.GetAsync(url + "&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Spaces().Replace(Poppler.Text(await pdf.Content.ReadAsByteArrayAsync()), " ");
        Assert.Contains("จำนวนโรงเรียนที่คำนวณ 4 โรงเรียน", text, StringComparison.Ordinal);
        Assert.Contains("จำนวนอัตราตาม จ.18 17 อัตรา แยกเป็นผู้บริหารและรองฯ 4 อัตรา ผู้สอน 13 อัตรา", text, StringComparison.Ordinal);
        Assert.Contains("อัตราตามเกณฑ์ 16 อัตรา — อัตรากำลังครูเกินเกณฑ์ในภาพรวม 1 อัตรา คิดเป็นร้อยละ 6.25", text, StringComparison.Ordinal);
        Assert.Contains("โรงเรียนที่ขาดเกณฑ์ 1 โรงเรียน 1 อัตรา", text, StringComparison.Ordinal);
        Assert.Contains("โรงเรียนที่มีครูเกินเกณฑ์ 2 โรงเรียน 2 อัตรา", text, StringComparison.Ordinal);
        Assert.Contains("โรงเรียนที่มีครูพอดีเกณฑ์ 1 โรงเรียน", text, StringComparison.Ordinal);
        Assert.Contains(W.SmallName, text, StringComparison.Ordinal);
        Assert.Contains(W.MissingName, text, StringComparison.Ordinal); // in the table of schools without counts

        // The file follows the filters: the town only (net −1, short).
        var districts = (await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/districts")).JsonAsync()).EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("id").GetString()!);
        var town = await w.Admin.GetAsync(url + $"&district={districts[W.Town]}&format=pdf");
        var townText = Spaces().Replace(Poppler.Text(await town.Content.ReadAsByteArrayAsync()), " ");
        Assert.Contains("จำนวนโรงเรียนที่คำนวณ 2 โรงเรียน", townText, StringComparison.Ordinal);
        Assert.Contains("ขาดเกณฑ์ในภาพรวม 1 อัตรา คิดเป็นร้อยละ 16.67", townText, StringComparison.Ordinal);
        Assert.Contains("อำเภอ" + W.Town, townText, StringComparison.Ordinal);
        Assert.DoesNotContain(W.LargerName, townText, StringComparison.Ordinal);

        var docx = await w.Admin.GetAsync(url + "&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);

        // A year without counts is a 422 for a file too, never an empty file.
        Assert.Equal(["academicYear"], await (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/manpower?academicYear=2566&format=xlsx")).ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Out_of_major_lists_active_teachers_teaching_outside_their_major_with_ids_masked_by_role(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area, "โรงเรียนบ้านนอกวิชาเอก");
        var other = await host.SchoolAsync(area, "โรงเรียนบ้านอีกแห่ง");
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        async Task<string> Add(string at, string position, string major, string[] teaching, string? status = null, string first = "สมศรี")
        {
            var body = Arrange.PersonBody(at, position, firstName: first);
            body["major"] = major;
            body["teachingSubjectAreas"] = teaching;
            var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            if (status is not null)
            {
                body["status"] = status;
                var left = await admin.PutAsJsonAsync($"/api/v1/people/{body["nationalId"]}", body);
                Assert.True(left.StatusCode == HttpStatusCode.OK, await left.Content.ReadAsStringAsync());
            }
            return (string)body["nationalId"]!;
        }

        var outside = await Add(school, "Teacher", "Thai", ["Mathematics"], first: "ไทยสอนเลข");
        var scienceTeachingTwo = await Add(other, "Teacher", "Science", ["Mathematics", "Thai"], first: "วิทย์สอนสองวิชา");
        var alsoOwn = await Add(school, "Teacher", "Thai", ["Thai", "Mathematics"], first: "ไทยสอนไทยด้วย");
        var retired = await Add(school, "Teacher", "Thai", ["Mathematics"], "Retired", first: "เกษียณแล้ว");
        var transferred = await Add(school, "Teacher", "Thai", ["Mathematics"], "Transferred", first: "ย้ายไปแล้ว");
        var director = await Add(school, "Director", "Thai", ["Mathematics"], first: "ผู้อำนวยการ");
        // Another area's teacher outside their major is not this area's.
        var elsewhere = await host.AreaAsync();
        var elsewhereSchool = await host.SchoolAsync(elsewhere);
        var foreignBody = Arrange.PersonBody(elsewhereSchool);
        foreignBody["teachingSubjectAreas"] = new[] { "Science" };
        Assert.Equal(HttpStatusCode.Created, (await (await host.AdminAsync()).PostAsJsonAsync($"/api/v1/areas/{elsewhere}/people", foreignBody)).StatusCode);

        var response = await admin.GetAsync($"/api/v1/areas/{area}/out-of-major");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.JsonAsync()).EnumerateArray().ToDictionary(r => r.GetProperty("nationalId").GetString()!);
        Assert.Equal(new[] { outside, scienceTeachingTwo }.Order(), rows.Keys.Order());
        foreach (var gone in new[] { alsoOwn, retired, transferred, director, (string)foreignBody["nationalId"]! })
            Assert.DoesNotContain(gone, rows.Keys);
        Assert.Equal(school, rows[outside].GetProperty("school").GetString());
        Assert.Equal("Thai", rows[outside].GetProperty("major").GetString());
        Assert.Equal(["Mathematics"], rows[outside].GetProperty("teachingSubjectAreas").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(other, rows[scienceTeachingTwo].GetProperty("school").GetString());
        Assert.Equal("Science", rows[scienceTeachingTwo].GetProperty("major").GetString());
        Assert.Equal(new[] { "Thai", "Mathematics" }.Order(), rows[scienceTeachingTwo].GetProperty("teachingSubjectAreas").EnumerateArray().Select(x => x.GetString()!).Order());

        // Assessors and supervisors read the list with the middle digits hidden; the area's staff see all 13.
        foreach (var role in new[] { Role.Assessor, Role.Supervisor })
        {
            var masked = await (await host.UserAsync(role, area)).GetAsync($"/api/v1/areas/{area}/out-of-major");
            var ids = (await masked.JsonAsync()).EnumerateArray().Select(r => r.GetProperty("nationalId").GetString()!).ToList();
            Assert.Equal(new[] { NationalId.Mask(outside), NationalId.Mask(scienceTeachingTwo) }.Order(), ids.Order());
            Assert.DoesNotContain(outside, await masked.Content.ReadAsStringAsync());
        }

        // The list as a file.
        var xlsx = await admin.GetAsync($"/api/v1/areas/{area}/out-of-major?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(sheet, r => r.Any(c => c?.ToString()?.Contains("ไทยสอนเลข", StringComparison.Ordinal) == true));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/areas/{area}/out-of-major?format=exe")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_schools_working_shows_the_rule_the_grades_the_levels_and_the_bands(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));

        var larger = await (await w.Admin.GetAsync($"/api/v1/schools/{w.Larger}/manpower?academicYear=2567")).JsonAsync();
        Assert.Equal("PerLevel", larger.GetProperty("rule").GetString());
        Assert.Equal(2567, larger.GetProperty("academicYear").GetInt32());
        Assert.Equal(135, larger.GetProperty("students").GetInt32());
        Assert.Equal(6, larger.GetProperty("classrooms").GetInt32());
        // Grade, level, students, class size, rooms: ป.1 49 = 1 r 9 → 1 room; ม.1 50 = 1 r 10 → 2 (see ManpowerWorld).
        Assert.Equal(
            ["K2 PrePrimary 12 30 1", "K3 PrePrimary 14 30 1", "P1 Primary 49 40 1", "P2 Primary 10 40 1", "M1 Secondary 50 40 2"],
            larger.GetProperty("grades").EnumerateArray().Select(g =>
                $"{g.GetProperty("grade").GetString()} {g.GetProperty("level").GetString()} {g.GetProperty("students")} {g.GetProperty("classSize")} {g.GetProperty("rooms")}"));
        var levels = larger.GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetString()!);
        Assert.Equal(["PrePrimary", "Primary", "Secondary"], levels.Keys);
        Assert.Equal((26, 2, 1.72m), (levels["PrePrimary"].GetProperty("students").GetInt32(), levels["PrePrimary"].GetProperty("rooms").GetInt32(), levels["PrePrimary"].GetProperty("teachers").GetDecimal()));
        Assert.Equal("(2 ห้อง × 30 ÷ 25 + 26 คน ÷ 25) ÷ 2", levels["PrePrimary"].GetProperty("formula").GetString());
        Assert.Equal((59, 2, 2.78m), (levels["Primary"].GetProperty("students").GetInt32(), levels["Primary"].GetProperty("rooms").GetInt32(), levels["Primary"].GetProperty("teachers").GetDecimal()));
        Assert.Equal("(2 ห้อง × 40 ÷ 25 + 59 คน ÷ 25) ÷ 2", levels["Primary"].GetProperty("formula").GetString());
        Assert.Equal((50, 2, 4m), (levels["Secondary"].GetProperty("students").GetInt32(), levels["Secondary"].GetProperty("rooms").GetInt32(), levels["Secondary"].GetProperty("teachers").GetDecimal()));
        Assert.Equal("2 ห้อง × 2", levels["Secondary"].GetProperty("formula").GetString());
        Assert.Equal(8.5m, larger.GetProperty("unroundedTeachers").GetDecimal());
        Assert.Equal(9, larger.GetProperty("requiredTeachers").GetInt32()); // 8.5 → 9: half away from zero, not banker's 8
        Assert.Equal(JsonValueKind.Null, larger.GetProperty("band").ValueKind);
        Assert.Equal(1, larger.GetProperty("directors").GetInt32());
        var deputyBand = larger.GetProperty("deputyBand");
        Assert.Equal((0, 359, 0), (deputyBand.GetProperty("min").GetInt32(), deputyBand.GetProperty("max").GetInt32(), deputyBand.GetProperty("deputies").GetInt32()));
        Assert.Equal(0, larger.GetProperty("deputies").GetInt32());
        Assert.Equal(1, larger.GetProperty("requiredAdministrators").GetInt32());
        Assert.Equal((9, 2, 11, 1, "Surplus"), (larger.GetProperty("actualTeachers").GetInt32(), larger.GetProperty("actualAdministrators").GetInt32(),
            larger.GetProperty("vacantPosts").GetInt32(), larger.GetProperty("difference").GetInt32(), larger.GetProperty("status").GetString()));

        var small = await (await w.Admin.GetAsync($"/api/v1/schools/{w.Small}/manpower?academicYear=2567")).JsonAsync();
        Assert.Equal("SmallSchool", small.GetProperty("rule").GetString());
        var band = small.GetProperty("band");
        Assert.Equal((41, 60, 3), (band.GetProperty("min").GetInt32(), band.GetProperty("max").GetInt32(), band.GetProperty("teachers").GetInt32()));
        Assert.Equal(3, small.GetProperty("requiredTeachers").GetInt32());
        Assert.Equal(1, small.GetProperty("requiredAdministrators").GetInt32());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("deputyBand").ValueKind);
        Assert.Equal((-1, "Shortage", 1), (small.GetProperty("difference").GetInt32(), small.GetProperty("status").GetString(), small.GetProperty("vacantPosts").GetInt32()));
        // The school's subject rows: its one filled teacher post is a Thai major.
        var subject = Assert.Single(small.GetProperty("subjects").EnumerateArray());
        Assert.Equal(("Thai", 0, 1), (subject.GetProperty("subject").GetString(), subject.GetProperty("needed").GetInt32(), subject.GetProperty("have").GetInt32()));

        var empty = await (await w.Admin.GetAsync($"/api/v1/schools/{w.Empty}/manpower?academicYear=2567")).JsonAsync();
        Assert.Equal("NoStudents", empty.GetProperty("rule").GetString());
        Assert.Equal((0, 0, 0, 0), (empty.GetProperty("students").GetInt32(), empty.GetProperty("requiredTeachers").GetInt32(),
            empty.GetProperty("requiredAdministrators").GetInt32(), empty.GetProperty("grades").GetArrayLength()));
        Assert.Equal((1, "Surplus"), (empty.GetProperty("difference").GetInt32(), empty.GetProperty("status").GetString()));

        // No year asked: the school's latest (Larger has 2568: ป.1 10 → 1 + 1).
        var latest = await (await w.Admin.GetAsync($"/api/v1/schools/{w.Larger}/manpower")).JsonAsync();
        Assert.Equal((2568, "SmallSchool", 1), (latest.GetProperty("academicYear").GetInt32(), latest.GetProperty("rule").GetString(), latest.GetProperty("requiredTeachers").GetInt32()));

        // A year the school has no counts for (even one the area has), a school without any, and a year that is not one: 422 on academicYear.
        foreach (var (school, query, says) in new[]
        {
            (w.Small, "?academicYear=2568", "ปีที่มีข้อมูล: 2567"),
            (w.Missing, "", "ยังไม่มีข้อมูลจำนวนนักเรียน"),
            (w.Missing, "?academicYear=2567", "ยังไม่มีข้อมูลนักเรียนปีใดเลย"),
            (w.Small, "?academicYear=abc", "ไม่ถูกต้อง"),
            (w.Small, "?academicYear=1999", "ไม่ถูกต้อง"),
        })
        {
            var response = await w.Admin.GetAsync($"/api/v1/schools/{school}/manpower{query}");
            Assert.Equal(["academicYear"], await response.ErrorFieldsAsync());
            Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Subject_needs_are_saved_whole_or_not_at_all(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var url = $"/api/v1/schools/{w.Small}/subject-needs?academicYear=2567";
        static string[] Rows(JsonElement rows) =>
            [.. rows.EnumerateArray().Select(r => $"{r.GetProperty("subject").GetString()} {r.GetProperty("needed")} {r.GetProperty("have")} {r.GetProperty("shortfall")} {r.GetProperty("note").GetString()}")];

        var saved = await w.Admin.PutAsJsonAsync(url, new object[]
        {
            new { subjectArea = "Mathematics", needed = 2, note = "ครูคณิตศาสตร์ย้ายออก" },
            new { subjectArea = "Thai", needed = 1 },
            new { subjectArea = "Arts", needed = 0 }, // none needed and no note: no row
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // Subject, needed, have (filled teacher posts by major), shortfall, note; in the subject areas' order.
        string[] expected = ["Thai 1 1 0 ", "Mathematics 2 0 2 ครูคณิตศาสตร์ย้ายออก"];
        Assert.Equal(expected, Rows(await saved.JsonAsync()));
        Assert.Equal(expected, Rows(await (await w.Admin.GetAsync(url)).JsonAsync()));
        // Another year has its own needs.
        Assert.Equal(["Thai 0 1 0 "], Rows(await (await w.Admin.GetAsync($"/api/v1/schools/{w.Small}/subject-needs?academicYear=2568")).JsonAsync()));

        var cases = new (object[] Body, string[] Fields)[]
        {
            ([new { subjectArea = "Science", needed = -1 }], ["[0].needed"]),
            ([new { subjectArea = "Science", needed = 201 }], ["[0].needed"]),
            ([new { subjectArea = "Science", needed = 1 }, new { subjectArea = "Science", needed = 2 }], ["[1].subjectArea"]),
            ([new { subjectArea = "Science", needed = 1 }, new { subjectArea = "Astrology", needed = 2 }], ["[1].subjectArea"]),
            ([new { subjectArea = "Science", needed = 1 }, new { needed = 2 }], ["[1].subjectArea"]),
            ([new { subjectArea = "Science" }], ["[0].needed"]),
            ([new { subjectArea = "Science", needed = 1 }, new { subjectArea = "Thai", needed = -3 }, new { subjectArea = "Science", needed = 300 }],
                ["[1].needed", "[2].subjectArea", "[2].needed"]),
        };
        foreach (var (body, fields) in cases)
        {
            var response = await w.Admin.PutAsJsonAsync(url, body);
            Assert.Equal(fields.Order(), (await response.ErrorFieldsAsync()).Order());
        }
        Assert.Equal(expected, Rows(await (await w.Admin.GetAsync(url)).JsonAsync()));
        Assert.Equal(["academicYear"], await (await w.Admin.PutAsJsonAsync($"/api/v1/schools/{w.Small}/subject-needs?academicYear=abc", Array.Empty<object>())).ErrorFieldsAsync());
        Assert.Equal(["academicYear"], await (await w.Admin.GetAsync($"/api/v1/schools/{w.Small}/subject-needs?academicYear=1999")).ErrorFieldsAsync());

        // The school's director replaces the year's needs for their own school, and no other.
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, w.Small);
        var own = await director.PutAsJsonAsync(url, new object[] { new { subjectArea = "Science", needed = 1 } });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["Thai 0 1 0 ", "Science 1 0 1 "], Rows(await own.JsonAsync()));
        var otherUrl = $"/api/v1/schools/{w.Larger}/subject-needs?academicYear=2567";
        Assert.Equal(HttpStatusCode.NotFound, (await director.PutAsJsonAsync(otherUrl, new object[] { new { subjectArea = "Science", needed = 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync(otherUrl)).StatusCode);
        Assert.Empty((await (await w.Admin.GetAsync(otherUrl)).JsonAsync()).EnumerateArray());

        // A teacher, an assessor and another area's staff change nothing.
        var teacher = await w.Host.UserAsync(Role.Teacher, w.Area, w.Small);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsJsonAsync(url, new object[] { new { subjectArea = "Arts", needed = 1 } })).StatusCode);
        var assessor = await w.Host.UserAsync(Role.Assessor, w.Area);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PutAsJsonAsync(url, new object[] { new { subjectArea = "Arts", needed = 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync(url)).StatusCode);
        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync(url, new object[] { new { subjectArea = "Arts", needed = 1 } })).StatusCode);
        Assert.Equal(["Thai 0 1 0 ", "Science 1 0 1 "], Rows(await (await w.Admin.GetAsync(url)).JsonAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_area_staff_read_the_area_analyses_and_only_of_their_own_area(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var manpower = $"/api/v1/areas/{w.Area}/manpower?academicYear=2567";
        var outOfMajor = $"/api/v1/areas/{w.Area}/out-of-major";
        var working = $"/api/v1/schools/{w.Small}/manpower?academicYear=2567";

        foreach (var url in new[] { manpower, outOfMajor, working })
            Assert.Equal(HttpStatusCode.Unauthorized, (await w.Host.Anonymous().GetAsync(url)).StatusCode);

        var teacher = await w.Host.UserAsync(Role.Teacher, w.Area, w.Small);
        foreach (var url in new[] { manpower, outOfMajor, working, manpower + "&format=pdf" })
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(url)).StatusCode);

        // A school's director: not the area's analyses (one school against the area's requirements), but their own school's working.
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, w.Small);
        foreach (var url in new[] { manpower, outOfMajor, manpower + "&format=xlsx" })
            Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync(working)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/schools/{w.Larger}/manpower?academicYear=2567")).StatusCode);

        foreach (var role in new[] { Role.Assessor, Role.Supervisor })
        {
            var reader = await w.Host.UserAsync(role, w.Area);
            foreach (var url in new[] { manpower, outOfMajor, working })
                Assert.True((await reader.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{role} {url}");
        }

        // Another area's staff: the area and its schools do not exist for them, in any format.
        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        foreach (var url in new[] { manpower, manpower + "&format=pdf", outOfMajor, working, $"/api/v1/schools/{w.Small}/subject-needs" })
            Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.GetAsync("/api/v1/areas/NOPE999/manpower")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_national_summary_adds_up_each_area_and_is_for_system_administrators_only(DatabaseProvider provider)
    {
        var w = await W.ArrangeAsync(await Host(provider));
        var system = await w.Host.UserAsync(Role.SystemAdmin, null);
        var response = await system.GetAsync("/api/v1/manpower?academicYear=2567");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2567, body.GetProperty("academicYear").GetInt32());
        // This area's line is the area's own summary (worked out in ManpowerWorld): 4 schools, required 16, actual 17, 1 missing.
        var line = body.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == w.Area);
        Assert.Equal(4, line.GetProperty("summary").GetProperty("schools").GetInt32());
        Assert.Equal(16, line.GetProperty("summary").GetProperty("requiredPosts").GetInt32());
        Assert.Equal(17, line.GetProperty("summary").GetProperty("actualPosts").GetInt32());
        Assert.Equal(1, line.GetProperty("missingStudentCounts").GetInt32());
        // The total is the sum of the lines (other tests' areas may be in the same database).
        var total = body.GetProperty("summary");
        Assert.Equal(body.GetProperty("areas").EnumerateArray().Sum(a => a.GetProperty("summary").GetProperty("requiredPosts").GetInt32()),
            total.GetProperty("requiredPosts").GetInt32());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await system.GetAsync("/api/v1/manpower?academicYear=abc")).StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (await system.GetAsync("/api/v1/manpower?academicYear=2567&format=xlsx")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Admin.GetAsync("/api/v1/manpower?academicYear=2567")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Admin.GetAsync("/manpower")).StatusCode);
    }

    /// <summary>Every non-empty cell of every sheet, as text.</summary>
    private static HashSet<string> AllCells(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var cells = new HashSet<string>();
        foreach (var sheet in MiniExcelLibs.MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            foreach (var row in MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>())
                foreach (var c in row.Values)
                    if (c?.ToString() is { Length: > 0 } t) cells.Add(t);
            stream.Position = 0;
        }
        return cells;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
