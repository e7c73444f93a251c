using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Training;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// A course made from a need, on both databases: the form comes filled in from the topic and its askers, the course stays
/// linked and shows them, and registering them all into one session keeps to the registration rules — target group (a reason
/// lets the others in), capacity then the waitlist, a closed session — and says how many of each; every bad input refused in Thai.
/// </summary>
public sealed class NeedCourseTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string Stem = "การจัดการเรียนรู้แบบ STEM";

    private sealed record World(DevelopmentWorld W, string School, string A1, string A2, string A3, string A5, Browserless Staff)
    {
        public string NewCourse => $"/areas/{W.Area}/courses/new?needTopic={W.TopicId(Stem)}&fiscalYear={DevelopmentWorld.Year}";
    }

    /// <summary>
    /// Askers of STEM (a science topic): A1 (teacher, 1st) and A3 (science teacher, 1st) submitted, A2 (assistant teacher, 2nd)
    /// approved, A5 without a plan answered a survey (3rd); A4's draft does not count. All but A3 teach Thai.
    /// </summary>
    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var w = await DevelopmentWorld.ArrangeAsync(await Host(provider));
        var school = await w.Host.SchoolAsync(w.Area);
        var a1 = await w.PersonAsync(school, firstName: "กมล");
        var a2 = await w.PersonAsync(school, "AssistantTeacher", firstName: "ขจร");
        var a3 = await w.PersonAsync(school, subjects: ["Science"], firstName: "คณิน");
        var a4 = await w.PersonAsync(school, firstName: "จิรา");
        var a5 = await w.PersonAsync(school, firstName: "ชนม์");
        await w.PlanAsync(a1, "Teachers", IdPlanStatus.Submitted, [(Stem, 1, ["Workshop"])]);
        await w.PlanAsync(a2, "Teachers", IdPlanStatus.Approved, [(Stem, 2, ["Workshop", "Plc"])]);
        await w.PlanAsync(a3, "Teachers", IdPlanStatus.Submitted, [(Stem, 1, ["Training"])]);
        await w.PlanAsync(a4, "Teachers", IdPlanStatus.Draft, [(Stem, 1, ["Training"])]);
        await w.AnswerAsync(await w.SurveyAsync(), a5, Stem, 3, DevelopmentMethod.Workshop);
        var staff = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        return new World(w, school, a1, a2, a3, a5, staff);
    }

    private static string Checked(IHtmlDocument doc, string name) =>
        string.Join(",", doc.QuerySelectorAll($"input[name='{name}']").OfType<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value));

    [Theory, MemberData(nameof(Providers))]
    public async Task The_form_is_filled_in_from_the_need_the_course_links_to_it_and_its_askers_are_registered_within_capacity(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var (_, form) = await world.Staff.GetAsync(world.NewCourse);
        var doc = (IHtmlDocument)form;
        Assert.Equal(Stem, doc.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("AssistantTeacher,Teacher", Checked(doc, "Input.TargetPositions"));
        Assert.Equal("Science", Checked(doc, "Input.TargetSubjectAreas"));
        Assert.Equal("Workshop", doc.QuerySelector<IHtmlSelectElement>("#Input_Method")!.Value);
        var objectives = doc.QuerySelector<IHtmlTextAreaElement>("#Input_Objectives")!.Value;
        Assert.Contains($"\"{Stem}\" ที่บุคลากร 4 คนระบุไว้ ปีงบประมาณ 2570 (แผนพัฒนาตนเอง 3 คน · แบบสำรวจความต้องการ 1 คน)", objectives);
        Assert.Contains("ผู้ต้องการ 4 คน", form.QuerySelector("[data-testid=need-note]")!.TextContent);

        // Saved as filled in, with the code and hours the form asks for.
        var code = $"N{Unique.PositionNumber()}";
        var saved = await world.Staff.SubmitFilledAsync(world.NewCourse, "form.form", new() { ["Input.Code"] = code, ["Input.Hours"] = "12" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var course = await (await world.W.AreaApi.GetAsync($"/api/v1/courses/{code}")).JsonAsync();
        Assert.Equal((world.W.TopicId(Stem), 2570, "Workshop"), (course.GetProperty("needTopic").GetString(), course.GetProperty("needFiscalYear").GetInt32(),
            course.GetProperty("method").GetString()));
        var coursePage = saved.Headers.Location!.OriginalString;

        // Two seats; A3 (in the target group) already holds one.
        var session = (await (await world.W.AreaApi.PostAsJsonAsync($"/api/v1/courses/{code}/sessions",
            new { name = "รุ่นที่ 1", startDate = "2026-12-20", endDate = "2026-12-21", venue = "ห้องประชุมเขต", capacity = 2 })).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await world.W.AreaApi.PostAsJsonAsync($"/api/v1/sessions/{session}/registrations", new { nationalId = world.A3 })).StatusCode);

        var register = $"/api/v1/courses/{code}/need/registrations";
        async Task<(int, int, int, int, int)> Counts(HttpResponseMessage r)
        {
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            var j = await r.JsonAsync();
            return (j.GetProperty("asked").GetInt32(), j.GetProperty("registered").GetInt32(), j.GetProperty("waitlisted").GetInt32(),
                j.GetProperty("skipped").GetInt32(), j.GetProperty("outside").GetInt32());
        }
        // The others teach Thai, outside the science course's group: left out without a reason.
        Assert.Equal((4, 0, 0, 1, 3), await Counts(await world.W.AreaApi.PostAsJsonAsync(register, new { session })));
        // With one: A1 (1st choice) takes the last seat, A2 and A5 wait, in the order of their priorities.
        Assert.Equal((4, 1, 2, 1, 0), await Counts(await world.W.AreaApi.PostAsJsonAsync(register, new { session, overrideReason = "ระบุไว้ในแผนพัฒนาตนเอง" })));
        Assert.Equal((4, 0, 0, 4, 0), await Counts(await world.W.AreaApi.PostAsJsonAsync(register, new { session, overrideReason = "ระบุไว้ในแผนพัฒนาตนเอง" })));
        var seats = await (await world.W.AreaApi.GetAsync($"/api/v1/sessions/{session}")).JsonAsync();
        Assert.Equal((2, 2), (seats.GetProperty("registered").GetInt32(), seats.GetProperty("capacity").GetInt32()));
        var need = await (await world.W.AreaApi.GetAsync($"/api/v1/courses/{code}/need")).JsonAsync();
        Assert.Equal(Stem, need.GetProperty("topicName").GetString());
        Assert.Equal(["Registered", "Registered", "Waitlisted", "Waitlisted"],
            need.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("status").GetString()).ToArray());

        // The course page shows them, with the one-click registration for those who run training.
        var (_, page) = await world.Staff.GetAsync(coursePage);
        Assert.Contains("ผู้ที่ต้องการพัฒนาหัวข้อนี้ 4 คน", page.QuerySelector("#need-title")!.TextContent);
        Assert.NotNull(page.QuerySelector("#askers-form"));
        Assert.Equal(4, page.QuerySelectorAll("#need tbody tr").Length);
        var assessor = await Browserless.SignInAsync(world.W.Host, await world.W.Host.UserAccountAsync(Role.Assessor, world.W.Area), AppHost.Password);
        var (_, read) = await assessor.GetAsync(coursePage);
        Assert.Null(read.QuerySelector("#need"));
        Assert.Contains(Stem, read.QuerySelector("[data-testid=course-need]")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_input_is_refused_in_Thai_and_saves_nothing(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var api = world.W.AreaApi;
        var courses = $"/api/v1/areas/{world.W.Area}/courses";
        var topic = world.W.TopicId(Stem);
        async Task<string[]> Refused(object body) => await (await api.PostAsJsonAsync(courses, body)).ErrorFieldsAsync();
        var code = $"B{Unique.PositionNumber()}";
        Assert.Equal(["needTopic"], await Refused(new { code, name = "ก", method = "Training", hours = 6, passPercent = 60, needTopic = Guid.NewGuid(), needFiscalYear = 2570 }));
        Assert.Equal(["needTopic"], await Refused(new { code, name = "ก", method = "Training", hours = 6, passPercent = 60, needTopic = "abc", needFiscalYear = 2570 }));
        Assert.Equal(["needFiscalYear"], await Refused(new { code, name = "ก", method = "Training", hours = 6, passPercent = 60, needTopic = topic }));
        Assert.Equal(["needFiscalYear"], await Refused(new { code, name = "ก", method = "Training", hours = 6, passPercent = 60, needTopic = topic, needFiscalYear = 2027 }));
        Assert.Equal(["needTopic"], await Refused(new { code, name = "ก", method = "Training", hours = 6, passPercent = 60, needFiscalYear = 2570 }));
        // Another area's topic is not one of this area's.
        var other = await DevelopmentWorld.ArrangeAsync(world.W.Host);
        Assert.Equal(["needTopic"], await Refused(new { code, name = "ก", method = "Training", hours = 6, passPercent = 60, needTopic = other.TopicId(Stem), needFiscalYear = 2570 }));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/courses/{code}")).StatusCode);

        // The page: an unknown need says so above an empty form; a tampered link is refused under the form, nothing saved.
        var (_, unknown) = await world.Staff.GetAsync($"/areas/{world.W.Area}/courses/new?needTopic={Guid.NewGuid()}&fiscalYear=2570");
        Assert.Equal(Phatthana.Web.Features.Training.Pages.NewCourseModel.UnknownNeed, unknown.QuerySelector("[role=alert]")!.TextContent.Trim());
        var tampered = await world.Staff.SubmitFilledAsync(world.NewCourse, "form.form",
            new() { ["Input.Code"] = code, ["Input.Hours"] = "12", ["Input.NeedTopic"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        Assert.Contains("ไม่มีหัวข้อการพัฒนา", (await Browserless.ParseAsync(tampered)).QuerySelector("[data-valmsg-for='Input.NeedTopic']")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/courses/{code}")).StatusCode);

        // Registering the askers: which session, of this course, open; a reason no registration takes.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(courses, new { code, name = Stem, method = "Workshop", hours = 6, passPercent = 60, needTopic = topic, needFiscalYear = 2570 })).StatusCode);
        var plain = $"P{Unique.PositionNumber()}";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(courses, new { code = plain, name = "หลักสูตรทั่วไป", method = "Training", hours = 6, passPercent = 60 })).StatusCode);
        async Task<Guid> Session(string course, string status = "Open") => (await (await api.PostAsJsonAsync($"/api/v1/courses/{course}/sessions",
            new { name = "รุ่นที่ 1", startDate = "2026-12-20", endDate = "2026-12-20", venue = "ห้องประชุมเขต", capacity = 5, status })).JsonAsync()).GetProperty("id").GetGuid();
        var elsewhere = await Session(plain);
        var closed = await Session(code, "Closed");
        var register = $"/api/v1/courses/{code}/need/registrations";
        Assert.Equal(["session"], await (await api.PostAsJsonAsync(register, new { })).ErrorFieldsAsync());
        Assert.Equal(["session"], await (await api.PostAsJsonAsync(register, new { session = elsewhere })).ErrorFieldsAsync());
        Assert.Equal(["overrideReason"], await (await api.PostAsJsonAsync(register, new { session = await Session(code), overrideReason = new string('ก', 201) })).ErrorFieldsAsync());
        var shut = await api.PostAsJsonAsync(register, new { session = closed, overrideReason = "ตามแผน" });
        Assert.Equal(HttpStatusCode.Conflict, shut.StatusCode);
        Assert.Contains("ปิดรับลงทะเบียน", await shut.Content.ReadAsStringAsync());
        var need = await (await api.GetAsync($"/api/v1/courses/{code}/need")).JsonAsync();
        Assert.All(need.GetProperty("people").EnumerateArray(), p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("status").ValueKind));
        // A course made from no need has none; teachers and assessors do neither.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/courses/{plain}/need")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/courses/{plain}/need/registrations", new { session = elsewhere })).StatusCode);
        foreach (var role in new[] { Role.Teacher, Role.Assessor })
        {
            var reader = await world.W.Host.UserAsync(role, world.W.Area, role == Role.Teacher ? world.School : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/api/v1/courses/{code}/need")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(register, new { session = closed })).StatusCode);
        }

        // The course page's form: no session, a tampered one, then a good one with its counts said.
        var coursePage = $"/courses/{(await (await api.GetAsync($"/api/v1/courses/{code}")).JsonAsync()).GetProperty("id").GetString()}";
        var none = await Browserless.ParseAsync(await world.Staff.SubmitAsync(coursePage, "#askers-form", new() { ["Askers.Session"] = "" }));
        Assert.Contains("กรุณาเลือกรุ่น", none.QuerySelector("[data-valmsg-for='Askers.Session']")!.TextContent);
        var forged = await Browserless.ParseAsync(await world.Staff.SubmitAsync(coursePage, "#askers-form", new() { ["Askers.Session"] = "not-a-session" }));
        Assert.Contains("ไม่พบรุ่นนี้ในหลักสูตร", forged.QuerySelector("[data-valmsg-for='Askers.Session']")!.TextContent);
        var done = await world.Staff.SubmitAsync(coursePage, "#askers-form", new() { ["Askers.Session"] = (await Session(code)).ToString(), ["Askers.OverrideReason"] = "ตามแผน" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, after) = await world.Staff.GetAsync(coursePage);
        Assert.Contains("ลงทะเบียนผู้ที่ต้องการพัฒนาหัวข้อนี้ 4 คน: ลงทะเบียน 4 คน · รอที่ว่าง 0 คน · ข้าม 0 คน", after.QuerySelector("[role=status]")!.TextContent);
    }
}
