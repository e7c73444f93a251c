using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using W = Phatthana.Tests.Features.Supervision.SupervisionWorld;

namespace Phatthana.Tests.Features.Supervision;

/// <summary>
/// Supervision visits over the API on both databases: record, read, change and delete with the version; every bad field of
/// POST and PUT refused with a Thai message and nothing saved; a stale version 409; who may read and write, from other roles
/// and another area.
/// </summary>
public sealed class SupervisionApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_visit_is_recorded_changed_and_deleted_with_its_version(DatabaseProvider provider)
    {
        var w = await W.CreateAsync(await Host(provider));
        var visitedOn = W.Day(W.LastYear, 11, 20);
        var created = await w.Supervisor.PostAsJsonAsync($"/api/v1/areas/{w.Area}/supervision-visits", W.Body(w.Schools[0], visitedOn, "VeryGood"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var visit = await created.JsonAsync();
        var id = visit.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/supervision-visits/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(w.Schools[0], visit.GetProperty("school").GetString());
        Assert.Equal(w.Network1, visit.GetProperty("network").GetString());
        Assert.Equal(w.SupervisorEmail, visit.GetProperty("supervisor").GetString()); // a supervisor's own visit when none is named
        Assert.Equal(W.LastYear, visit.GetProperty("academicYear").GetInt32());
        Assert.Equal(2, visit.GetProperty("semester").GetInt32()); // November is ภาคเรียนที่ 2
        Assert.Equal("VeryGood", visit.GetProperty("level").GetString());
        Assert.Equal("None", visit.GetProperty("followUpStatus").GetString());

        var change = W.Body(w.Schools[0], visitedOn, "Fair");
        change["followUpDue"] = W.Day(W.LastYear, 12, 20);
        change["version"] = visit.GetProperty("version").GetInt32();
        var put = await w.Supervisor.PutAsJsonAsync($"/api/v1/supervision-visits/{id}", change);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var changed = await put.JsonAsync();
        Assert.Equal("Fair", changed.GetProperty("level").GetString());
        Assert.Equal("Open", changed.GetProperty("followUpStatus").GetString()); // a due date with no status is a follow-up to do
        Assert.True(changed.GetProperty("overdue").GetBoolean());
        Assert.Equal(visit.GetProperty("version").GetInt32() + 1, changed.GetProperty("version").GetInt32());

        // The version read before the change is stale now: 409, and the row is as the change left it.
        change["level"] = "Excellent";
        change["supervisor"] = w.SupervisorEmail; // area staff name whose visit it is
        var stale = await w.Staff.PutAsJsonAsync($"/api/v1/supervision-visits/{id}", change);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Fair", (await (await w.Staff.GetAsync($"/api/v1/supervision-visits/{id}")).JsonAsync()).GetProperty("level").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await w.Staff.DeleteAsync($"/api/v1/supervision-visits/{id}?version={visit.GetProperty("version").GetInt32()}")).StatusCode);

        // Area staff change anyone's visit, and delete it with the version they read.
        change["version"] = changed.GetProperty("version").GetInt32();
        change["followUpStatus"] = "Done";
        change["followUpDoneOn"] = W.Day(W.LastYear, 12, 18);
        var done = await w.Staff.PutAsJsonAsync($"/api/v1/supervision-visits/{id}", change);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var final = await done.JsonAsync();
        Assert.False(final.GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await w.Staff.DeleteAsync($"/api/v1/supervision-visits/{id}?version={final.GetProperty("version").GetInt32()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Staff.GetAsync($"/api/v1/supervision-visits/{id}")).StatusCode);
        Assert.Equal(0, await w.VisitCountAsync());
    }

    public static TheoryData<DatabaseProvider, string> BadInputs()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var p in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            foreach (var c in Cases.Keys) data.Add(p, c);
        return data;
    }

    /// <summary>Each bad input, the field it names and a word of its Thai message.</summary>
    private static readonly Dictionary<string, (Action<Dictionary<string, object?>, W, string> Spoil, string Field, string Says)> Cases = new()
    {
        ["future date"] = ((b, _, _) => b["visitedOn"] = W.Today.AddDays(1).ToString("yyyy-MM-dd"), "visitedOn", "อนาคต"),
        ["unreadable date"] = ((b, _, _) => b["visitedOn"] = "31/02/2568", "visitedOn", "ไม่ใช่วันที่"),
        ["missing date"] = ((b, _, _) => b["visitedOn"] = null, "visitedOn", "กรุณากรอกวันที่นิเทศ"),
        ["school of another area"] = ((b, _, other) => b["school"] = other, "school", "ไม่พบสถานศึกษา"),
        ["missing school"] = ((b, _, _) => b["school"] = " ", "school", "กรุณาเลือกสถานศึกษา"),
        ["missing level"] = ((b, _, _) => b["level"] = null, "level", "กรุณาเลือกผลการนิเทศ"),
        ["unknown level"] = ((b, _, _) => b["level"] = "ดีเลิศ", "level", "ไม่อยู่ในรายการ"),
        ["unknown subject area"] = ((b, _, _) => b["subjectArea"] = "Astrology", "subjectArea", "ไม่อยู่ในรายการ"),
        ["missing topic"] = ((b, _, _) => b["topic"] = "", "topic", "กรุณากรอก"),
        ["too-long topic"] = ((b, _, _) => b["topic"] = new string('ก', 201), "topic", "ยาวเกิน 200"),
        ["too-long findings"] = ((b, _, _) => b["findings"] = new string('ข', 4001), "findings", "ยาวเกิน 4000"),
        ["too-long recommendations"] = ((b, _, _) => b["recommendations"] = new string('ค', 4001), "recommendations", "ยาวเกิน 4000"),
        ["open follow-up without a due date"] = ((b, _, _) => b["followUpStatus"] = "Open", "followUpDue", "กรุณากำหนดวันที่ติดตามผล"),
        ["due before the visit"] = ((b, _, _) => b["followUpDue"] = W.Day(W.LastYear, 6, 1), "followUpDue", "ไม่ก่อนวันที่นิเทศ"),
        ["done without a date"] = ((b, _, _) => b["followUpStatus"] = "Done", "followUpDoneOn", "กรุณากรอกวันที่ติดตามผลแล้วเสร็จ"),
        ["unknown follow-up status"] = ((b, _, _) => b["followUpStatus"] = "Maybe", "followUpStatus", "ไม่อยู่ในรายการ"),
        ["unknown supervisor"] = ((b, w, _) => b["supervisor"] = "nobody@phatthana.test", "supervisor", "ไม่พบผู้ใช้"),
    };

    [Theory, MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_on_every_write_and_nothing_is_saved(DatabaseProvider provider, string @case)
    {
        var w = await W.CreateAsync(await Host(provider));
        var otherArea = await w.Host.AreaAsync();
        var otherSchool = await w.Host.SchoolAsync(otherArea);
        var id = await w.VisitAsync(w.Schools[0], W.Day(W.LastYear, 7, 1), "Good");
        var (spoil, field, says) = Cases[@case];

        var post = W.Body(w.Schools[1], W.Day(W.LastYear, 7, 2));
        spoil(post, w, otherSchool);
        var created = await w.Supervisor.PostAsJsonAsync($"/api/v1/areas/{w.Area}/supervision-visits", post);
        await AssertRefused(created, field, says);
        Assert.Equal(1, await w.VisitCountAsync());

        var before = await (await w.Supervisor.GetAsync($"/api/v1/supervision-visits/{id}")).JsonAsync();
        var put = W.Body(w.Schools[0], W.Day(W.LastYear, 7, 1), "Excellent");
        put["version"] = before.GetProperty("version").GetInt32();
        spoil(put, w, otherSchool);
        await AssertRefused(await w.Supervisor.PutAsJsonAsync($"/api/v1/supervision-visits/{id}", put), field, says);
        var after = await (await w.Supervisor.GetAsync($"/api/v1/supervision-visits/{id}")).JsonAsync();
        Assert.Equal(before.ToString(), after.ToString());
    }

    private static async Task AssertRefused(HttpResponseMessage response, string field, string says)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {text}");
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("message").GetString()!.Contains(says));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_supervisor_is_an_active_supervisor_account_of_the_area(DatabaseProvider provider)
    {
        var w = await W.CreateAsync(await Host(provider));
        var url = $"/api/v1/areas/{w.Area}/supervision-visits";
        var body = W.Body(w.Schools[0], W.Day(W.LastYear, 8, 1));
        // Area staff must name the supervisor; an area-admin account is not one; one of another area is not found.
        await AssertRefused(await w.Staff.PostAsJsonAsync(url, body), "supervisor", "กรุณาระบุศึกษานิเทศก์");
        body["supervisor"] = await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area);
        await AssertRefused(await w.Staff.PostAsJsonAsync(url, body), "supervisor", "ผู้นิเทศต้องเป็นบัญชีศึกษานิเทศก์");
        body["supervisor"] = await w.Host.UserAccountAsync(Role.Supervisor, await w.Host.AreaAsync());
        await AssertRefused(await w.Staff.PostAsJsonAsync(url, body), "supervisor", "ไม่พบผู้ใช้");
        // A supervisor records only their own visits.
        var colleague = await w.Host.UserAccountAsync(Role.Supervisor, w.Area);
        body["supervisor"] = colleague;
        await AssertRefused(await w.Supervisor.PostAsJsonAsync(url, body), "supervisor", "เฉพาะการนิเทศของตนเอง");
        Assert.Equal(0, await w.VisitCountAsync());
        // Area staff record a visit on a supervisor's behalf.
        var made = await w.Staff.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(colleague, (await made.JsonAsync()).GetProperty("supervisor").GetString());
        // Nothing at all, or an empty object, is a 422 too.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Staff.PostAsJsonAsync(url, new { })).StatusCode);
        Assert.Equal(1, await w.VisitCountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Who_reads_and_writes_visits(DatabaseProvider provider)
    {
        var w = await W.CreateAsync(await Host(provider));
        var host = w.Host;
        var mine = await w.VisitAsync(w.Schools[0], W.Day(W.LastYear, 6, 10), "Good");
        var theirs = await w.VisitAsync(w.Schools[3], W.Day(W.LastYear, 6, 11), "Excellent");
        var list = $"/api/v1/areas/{w.Area}/supervision-visits";
        var summary = $"/api/v1/areas/{w.Area}/supervision-summary?academicYear={W.LastYear}";
        var body = W.Body(w.Schools[0], W.Day(W.LastYear, 6, 12));
        body["supervisor"] = w.SupervisorEmail;

        // A director reads their own school's visits only, and writes none; the summary is area-wide, not theirs.
        var director = await host.UserAsync(Role.SchoolAdmin, w.Area, w.Schools[0]);
        var seen = await (await director.GetAsync(list)).JsonAsync();
        Assert.Equal(new[] { mine }, seen.EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/supervision-visits/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync(list, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.DeleteAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync(summary)).StatusCode);

        // A teacher has no part in it.
        var teacher = await host.UserAsync(Role.Teacher, w.Area, w.Schools[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(list)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);

        // An assessor reads everything of the area and writes nothing.
        var assessor = await host.UserAsync(Role.Assessor, w.Area);
        Assert.Equal(2, (await (await assessor.GetAsync(list)).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync(summary)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PostAsJsonAsync(list, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.PutAsJsonAsync($"/api/v1/supervision-visits/{mine}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.DeleteAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);

        // Another supervisor of the area reads the visit but may not change or delete it (403, saying why).
        var colleague = await host.UserAsync(Role.Supervisor, w.Area);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);
        var put = await colleague.PutAsJsonAsync($"/api/v1/supervision-visits/{mine}", W.Body(w.Schools[0], W.Day(W.LastYear, 6, 10), "Excellent"));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("ของตนเอง", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.DeleteAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);

        // Staff and supervisors of another area see none of it: 404 for the area and for the visit.
        var otherArea = await host.AreaAsync();
        foreach (var stranger in new[] { await host.UserAsync(Role.Supervisor, otherArea), await host.UserAsync(Role.AreaAdmin, otherArea) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(list)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(list, body)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/supervision-visits/{mine}", body)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/supervision-visits/{mine}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(summary)).StatusCode);
        }
        Assert.Equal(2, await w.VisitCountAsync());
        Assert.Equal("Good", (await (await w.Staff.GetAsync($"/api/v1/supervision-visits/{mine}")).JsonAsync()).GetProperty("level").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_filters_by_school_network_supervisor_level_year_and_overdue(DatabaseProvider provider)
    {
        var w = await W.CreateAsync(await Host(provider));
        var a = await w.VisitAsync(w.Schools[0], W.Day(W.LastYear, 6, 10), "Good", new() { ["followUpDue"] = W.Day(W.LastYear, 7, 10) });
        var b = await w.VisitAsync(w.Schools[3], W.Day(W.LastYear, 12, 1), "Excellent");
        var c = await w.VisitAsync(w.Schools[4], W.Day(W.LastYear - 1, 8, 1), "Fair");
        var list = $"/api/v1/areas/{w.Area}/supervision-visits";
        async Task<Guid[]> Ids(string query) =>
            (await (await w.Staff.GetAsync(list + query)).JsonAsync()).EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToArray();

        Assert.Equal([b, a, c], await Ids("")); // newest first
        Assert.Equal([a], await Ids($"?school={w.Schools[0]}"));
        Assert.Equal([b, c], await Ids($"?network={await w.NetworkIdAsync(w.Network2)}"));
        Assert.Equal([b], await Ids("?level=ดีเยี่ยม"));
        Assert.Equal([b, a], await Ids($"?academicYear={W.LastYear}"));
        Assert.Equal([b], await Ids($"?academicYear={W.LastYear}&semester=2"));
        Assert.Equal([a], await Ids("?overdue=true"));
        Assert.Equal(3, (await Ids($"?supervisor={w.SupervisorEmail}")).Length);
        Assert.Empty(await Ids($"?supervisor={Unique.Email()}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Staff.GetAsync(list + "?academicYear=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Staff.GetAsync(list + "?semester=3")).StatusCode);
        var xlsx = await w.Staff.GetAsync(list + $"?academicYear={W.LastYear}&format=xlsx");
        Assert.Equal(Phatthana.Web.Shared.Reporting.ExcelExporter.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var docx = await w.Staff.GetAsync(list + "?format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("attachment", docx.Content.Headers.ContentDisposition?.DispositionType);
    }
}
