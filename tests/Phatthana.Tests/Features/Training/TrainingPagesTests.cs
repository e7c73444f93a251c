using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Training;

namespace Phatthana.Tests.Features.Training;

/// <summary>
/// The training pages over HTTP: a course and a session added through their forms (bad input refused in Thai, nothing
/// saved), people registered by national ID, results entered in the grid, the sign-in sheet's names, and who may do what.
/// </summary>
public sealed partial class TrainingPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")?.TextContent ?? doc.Body!.TextContent, " ");

    private static string Message(IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_course_and_a_session_are_added_through_the_forms_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var code = $"C{Unique.PositionNumber()}";

        var bad = await browser.SubmitAsync($"/areas/{area}/courses/new", "form.form", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "", ["Input.Method"] = "Training", ["Input.Hours"] = "0", ["Input.PassPercent"] = "150",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ชื่อหลักสูตร", Message(doc, "Input.Name"));
        Assert.Contains("จำนวนชั่วโมงต้องมากกว่า 0", Message(doc, "Input.Hours"));
        Assert.Contains("เกณฑ์ผ่านต้องอยู่ระหว่าง 0 ถึง 100", Message(doc, "Input.PassPercent"));
        Assert.Equal(0, await host.WithDbAsync(db => db.Courses.CountAsync(c => c.Code == code)));

        var good = await browser.SubmitAsync($"/areas/{area}/courses/new", "form.form", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "การจัดการเรียนรู้เชิงรุก", ["Input.Method"] = "Workshop", ["Input.Hours"] = "12", ["Input.PassPercent"] = "70",
            ["Input.TargetPositions"] = "Teacher", ["Input.Provider"] = "กลุ่มนิเทศฯ",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var coursePage = good.Headers.Location!.OriginalString;
        var course = await host.WithDbAsync(db => db.Courses.SingleAsync(c => c.Code == code));
        Assert.Equal(DevelopmentMethod.Workshop, course.Method);
        Assert.Equal([Phatthana.Web.Features.Personnel.Position.Teacher], course.TargetPositions);
        var (_, page) = await browser.GetAsync(coursePage);
        Assert.Contains("การจัดการเรียนรู้เชิงรุก", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("ประชุมเชิงปฏิบัติการ", Text(page));

        var badSession = await browser.SubmitAsync(coursePage, "#session-form", new()
        {
            ["Session.Name"] = "รุ่นที่ 1", ["Session.StartDate"] = "31/02/2569", ["Session.EndDate"] = "", ["Session.Venue"] = "ห้องประชุม สพป.", ["Session.Capacity"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, badSession.StatusCode);
        doc = await Browserless.ParseAsync(badSession);
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", Message(doc, "Session.StartDate"));
        Assert.Contains("กรุณาระบุวันสิ้นสุด", Message(doc, "Session.EndDate"));
        Assert.NotEmpty(Message(doc, "Session.Capacity"));
        Assert.Equal(0, await host.WithDbAsync(db => db.TrainingSessions.CountAsync(s => s.CourseId == course.Id)));

        var session = await browser.SubmitAsync(coursePage, "#session-form", new()
        {
            ["Session.Name"] = "รุ่นที่ 1", ["Session.StartDate"] = "15/01/2569", ["Session.EndDate"] = "16/01/2569", ["Session.Venue"] = "ห้องประชุม สพป.",
            ["Session.Capacity"] = "30", ["Session.Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        var saved = await host.WithDbAsync(db => db.TrainingSessions.SingleAsync(s => s.CourseId == course.Id));
        Assert.Equal(new DateOnly(2026, 1, 15), saved.StartDate);
        Assert.Equal($"/sessions/{saved.Id}", session.Headers.Location!.OriginalString);

        // The fiscal year's list shows the session with its dates in พ.ศ.
        var (_, list) = await browser.GetAsync($"/areas/{area}/training?fiscalYear=2569");
        var row = Assert.Single(list.QuerySelectorAll("#list tbody tr"));
        Assert.Contains("15 ม.ค. 2569", row.TextContent);
        Assert.Contains("การจัดการเรียนรู้เชิงรุก", row.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task People_registered_by_national_ID_get_results_in_the_grid_and_sign_the_sheet(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var first = await host.PersonAsync(area, school, firstName: "กมลา", lastName: "ศรีสุข");
        var second = await host.PersonAsync(area, school, firstName: "ธนพล", lastName: "ใจงาม");
        var sessionId = await SessionAsync(host, area);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var url = $"/sessions/{sessionId}";

        var wrong = first[..12] + (char)('0' + (first[12] - '0' + 1) % 10);
        var bad = await browser.SubmitAsync(url, "#register-form", new() { ["Register.NationalId"] = wrong });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ", Message(await Browserless.ParseAsync(bad), "Register.NationalId"));
        foreach (var id in new[] { first, second })
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(url, "#register-form", new() { ["Register.NationalId"] = id })).StatusCode);
        var twice = await browser.SubmitAsync(url, "#register-form", new() { ["Register.NationalId"] = first });
        Assert.Contains(TrainingText.AlreadyRegistered, Message(await Browserless.ParseAsync(twice), "Register.NationalId"));
        var (_, page) = await browser.GetAsync(url);
        Assert.Equal(2, page.QuerySelectorAll("table tbody tr").Count(r => r.TextContent.Contains(TrainingText.Label(RegistrationStatus.Registered))));
        Assert.Contains("นางสาวกมลา ศรีสุข", Text(page));

        // A score above 100 is refused under its row, and nothing of the grid is saved.
        var results = $"{url}/results";
        var (_, grid) = await browser.GetAsync(results);
        var rowOf = grid.QuerySelectorAll("tbody tr").Select((r, i) => (r, i)).Single(x => x.r.TextContent.Contains("กมลา")).i;
        var other = 1 - rowOf;
        var badGrid = await browser.SubmitFilledAsync(results, "form.results-form", new()
        {
            [$"Rows[{rowOf}].PreTest"] = "40", [$"Rows[{rowOf}].PostTest"] = "150", [$"Rows[{other}].PreTest"] = "50", [$"Rows[{other}].PostTest"] = "60",
        });
        Assert.Equal(HttpStatusCode.OK, badGrid.StatusCode);
        var rowError = (await Browserless.ParseAsync(badGrid)).QuerySelector($"[data-row-error='{rowOf}']")!.TextContent;
        Assert.Contains("คะแนนหลังอบรมต้องอยู่ระหว่าง 0 ถึง 100", rowError);
        Assert.Contains("กมลา", rowError);
        Assert.Equal(0, await host.WithDbAsync(db => db.Registrations.CountAsync(r => r.SessionId == sessionId && r.PostTest != null)));

        var goodGrid = await browser.SubmitFilledAsync(results, "form.results-form", new()
        {
            [$"Rows[{rowOf}].PreTest"] = "40", [$"Rows[{rowOf}].PostTest"] = "85", [$"Rows[{other}].PreTest"] = "50", [$"Rows[{other}].PostTest"] = "60",
        });
        Assert.Equal(HttpStatusCode.Redirect, goodGrid.StatusCode);
        (_, grid) = await browser.GetAsync(results);
        var passedRow = grid.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("กมลา"));
        Assert.Equal("ผ่าน", passedRow.QuerySelector("td.result")!.TextContent.Trim());
        Assert.Equal("ไม่ผ่าน", grid.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("ธนพล")).QuerySelector("td.result")!.TextContent.Trim());

        // The summary: 2 enrolled, 1 passed, 50 %; mean pre 45, post 72.5, gain 27.5.
        var (_, summary) = await browser.GetAsync($"/areas/{area}/training/summary?fiscalYear=2569");
        var line = Spaces().Replace(summary.QuerySelector("tbody tr")!.TextContent, " ");
        Assert.Contains("50.00", line);
        Assert.Contains("72.50", line);
        Assert.Contains("27.50", line);
        Assert.Contains("รวม 1 รุ่น", summary.QuerySelector("tfoot")!.TextContent);

        // The sign-in sheet: one sheet per day, both names on each.
        var pdf = await browser.Client.GetAsync($"{url}/sign-in-sheet");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = Poppler.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("นางสาวกมลา ศรีสุข", text);
        Assert.Contains("นางสาวธนพล ใจงาม", text);
        Assert.Contains("ลายมือชื่อ", text);
        Assert.Equal(2, Regex.Matches(text, "กมลา").Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_registers_self_and_cannot_open_the_results_grid(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school, firstName: "วิไล", lastName: "ดีมาก");
        var sessionId = await SessionAsync(host, area);
        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, area, school, id), AppHost.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync($"/sessions/{sessionId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync($"/sessions/{sessionId}/sign-in-sheet")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync($"/areas/{area}/courses/new")).StatusCode);
        var (_, page) = await teacher.GetAsync($"/sessions/{sessionId}");
        Assert.Null(page.QuerySelector("#register-form"));
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.SubmitAsync($"/sessions/{sessionId}", "#self-form", new())).StatusCode);
        (_, page) = await teacher.GetAsync($"/sessions/{sessionId}");
        Assert.Contains($"สถานะ: {TrainingText.Label(RegistrationStatus.Registered)}", Text(page));

        // Cancelling asks first; only the confirmation cancels.
        var cancel = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("ยกเลิกการลงทะเบียน")).GetAttribute("href")!;
        var (_, confirm) = await teacher.GetAsync(cancel);
        Assert.Contains("ยืนยันการยกเลิก", Text(confirm));
        Assert.Equal(RegistrationStatus.Registered, await host.WithDbAsync(db => db.Registrations.Where(r => r.SessionId == sessionId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.SubmitAsync(cancel, "#cancel-form", new())).StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, await host.WithDbAsync(db => db.Registrations.Where(r => r.SessionId == sessionId).Select(r => r.Status).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_area_admin_adds_a_school_s_teachers_as_a_group_and_the_rest_wait(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        foreach (var name in new[] { "หนึ่ง", "สอง", "สาม" }) await host.PersonAsync(area, school, firstName: name);
        await host.PersonAsync(area, school, position: "Director", firstName: "ผอ");
        var sessionId = await SessionAsync(host, area, capacity: 2);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var none = await browser.SubmitAsync($"/sessions/{sessionId}", "#group-form", new() { ["Group.School"] = "", ["Group.Position"] = "" });
        Assert.Contains("กรุณาเลือกสถานศึกษาหรือตำแหน่ง", Message(await Browserless.ParseAsync(none), "Group.School"));
        var done = await browser.SubmitAsync($"/sessions/{sessionId}", "#group-form", new() { ["Group.School"] = school, ["Group.Position"] = "Teacher" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, page) = await browser.GetAsync($"/sessions/{sessionId}");
        Assert.Contains("ลงทะเบียน 2 คน · รอที่ว่าง 1 คน · ข้าม 0 คน", Text(page));
        var statuses = await host.WithDbAsync(db => db.Registrations.Where(r => r.SessionId == sessionId).Select(r => r.Status).ToListAsync());
        Assert.Equal(2, statuses.Count(s => s == RegistrationStatus.Registered));
        Assert.Equal(1, statuses.Count(s => s == RegistrationStatus.Waitlisted));
    }

    private static async Task<Guid> SessionAsync(AppHost host, string area, int capacity = 30)
    {
        var admin = await host.AdminAsync();
        var code = $"C{Unique.PositionNumber()}";
        var course = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/courses", new { code, name = "ภาษาไทยเพื่อการสื่อสาร", method = "Training", hours = 6, passPercent = 70 });
        Assert.Equal(HttpStatusCode.Created, course.StatusCode);
        var id = (await course.JsonAsync()).GetProperty("id").GetString();
        var session = await admin.PostAsJsonAsync($"/api/v1/courses/{id}/sessions",
            new { name = "รุ่นที่ 1", startDate = "2026-01-15", endDate = "2026-01-16", venue = "ห้องประชุม สพป.", capacity });
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        return (await session.JsonAsync()).GetProperty("id").GetGuid();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
