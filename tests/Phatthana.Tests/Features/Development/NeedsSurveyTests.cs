using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// Needs surveys over HTTP on both databases: the area's staff run a round; a handed-in ID Plan of its year counts as the
/// answer, others answer the short form; who has neither is listed; the short form refuses (nothing saved) outside its
/// window, outside its target group, for someone whose plan already answers, and for bad lines; saving again replaces the
/// answers; who may answer for whom is the ID Plan's rule.
/// </summary>
public sealed class NeedsSurveyTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const int Year = 2570;

    private sealed record World(AppHost Host, string Area, string School, HttpClient AreaApi, JsonElement Catalogue);

    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/areas/{area}/competencies/defaults", null)).StatusCode);
        var catalogue = await (await api.GetAsync($"/api/v1/areas/{area}/competencies?group=Teachers")).JsonAsync();
        return new World(host, area, school, api, catalogue);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static async Task<string> SurveyAsync(World w, object? body = null)
    {
        var response = await w.AreaApi.PostAsJsonAsync($"/api/v1/areas/{w.Area}/needs-surveys", body ?? new { name = "สำรวจความต้องการ ปีงบประมาณ 2570", fiscalYear = Year });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private string Topic(World w, int i) => w.Catalogue.GetProperty("topics")[i].GetProperty("id").GetString()!;

    private static string Responses(string survey, string person) => $"/api/v1/needs-surveys/{survey}/responses/{person}";

    private static async Task<int> AnswerCountAsync(World w, string survey, string person) =>
        (await (await w.AreaApi.GetAsync(Responses(survey, person))).JsonAsync()).GetProperty("answers").GetArrayLength();

    /// <summary>A plan that may be handed in: every competency assessed, one topic asked for.</summary>
    private async Task SubmitPlanAsync(World w, string person, bool submit = true)
    {
        var plan = $"/api/v1/people/{person}/id-plans/{Year}";
        var body = new
        {
            competencies = w.Catalogue.GetProperty("competencies").EnumerateArray().Select(c => new { competency = c.GetProperty("code").GetString(), level = 3 }).ToArray(),
            needs = new[] { new { topic = Topic(w, 0), priority = 1 } },
        };
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PutAsJsonAsync(plan, body)).StatusCode);
        if (submit) Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PostAsJsonAsync(plan + "/submit", new { })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_staff_run_a_survey_and_see_who_answered_by_plan_by_form_or_not_at_all(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { name = " ", fiscalYear = Year }, "name"),
                     (new { name = "สำรวจ", fiscalYear = 2027 }, "fiscalYear"),
                     (new { name = "สำรวจ", fiscalYear = Year, opensOn = "2026-12-01", closesOn = "2026-11-01" }, "closesOn"),
                     (new { name = "สำรวจ", fiscalYear = Year, targetPositions = new[] { "Teacher", "Janitor" } }, "targetPositions[1]"),
                 })
            Assert.Equal([field], await (await w.AreaApi.PostAsJsonAsync($"/api/v1/areas/{w.Area}/needs-surveys", body)).ErrorFieldsAsync());
        Assert.Equal(0, (await (await w.AreaApi.GetAsync($"/api/v1/areas/{w.Area}/needs-surveys")).JsonAsync()).GetArrayLength());

        var survey = await SurveyAsync(w);
        var planned = await w.Host.PersonAsync(w.Area, w.School, firstName: "มีแผน");
        var drafted = await w.Host.PersonAsync(w.Area, w.School, firstName: "ร่างแผน");
        var answered = await w.Host.PersonAsync(w.Area, w.School, firstName: "ตอบแบบสั้น");
        var silent = await w.Host.PersonAsync(w.Area, w.School, firstName: "ยังไม่ตอบ");
        var otherSchool = await w.Host.SchoolAsync(w.Area);
        var elsewhere = await w.Host.PersonAsync(w.Area, otherSchool, firstName: "ต่างโรงเรียน");
        await SubmitPlanAsync(w, planned);
        await SubmitPlanAsync(w, drafted, submit: false);
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PutAsJsonAsync(Responses(survey, answered), new[] { new { topic = Topic(w, 1), priority = 1, methods = new[] { "Workshop" } } })).StatusCode);
        // A draft plan does not answer: its person answers the short form like anyone without one.
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PutAsJsonAsync(Responses(survey, drafted), new[] { new { topic = Topic(w, 2), priority = 1 } })).StatusCode);

        var read = await (await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}")).JsonAsync();
        var summary = read.GetProperty("summary");
        Assert.Equal((5, 1, 2, 2), (summary.GetProperty("targeted").GetInt32(), summary.GetProperty("withPlan").GetInt32(), summary.GetProperty("answered").GetInt32(),
            summary.GetProperty("neither").GetInt32()));
        Assert.True(read.GetProperty("open").GetBoolean());
        var neither = (await (await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}/people?answer=None")).JsonAsync()).EnumerateArray()
            .Select(p => p.GetProperty("nationalId").GetString()).Order().ToList();
        Assert.Equal(new[] { silent, elsewhere }.Order(), neither);
        Assert.Equal(["Plan"], (await (await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}/people?answer=Plan")).JsonAsync()).EnumerateArray()
            .Select(p => p.GetProperty("answer").GetString()));
        Assert.Equal(["answer"], await (await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}/people?answer=Maybe")).ErrorFieldsAsync());
        var file = await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}/people?answer=None&format=xlsx");
        Assert.Contains(Workbook.Read(await file.Content.ReadAsByteArrayAsync()), r => r.Contains("นางสาวยังไม่ตอบ ทดสอบ"));

        // A director follows their own school only; a teacher does not follow the survey at all.
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, otherSchool);
        var theirs = (await (await director.GetAsync($"/api/v1/needs-surveys/{survey}")).JsonAsync()).GetProperty("summary");
        Assert.Equal((1, 1), (theirs.GetProperty("targeted").GetInt32(), theirs.GetProperty("neither").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await w.Host.UserAsync(Role.Teacher, w.Area, w.School)).GetAsync($"/api/v1/needs-surveys/{survey}")).StatusCode);

        // Renamed and narrowed to directors; its year stays now that people have answered.
        var version = read.GetProperty("version").GetInt32();
        var moved = await w.AreaApi.PutAsJsonAsync($"/api/v1/needs-surveys/{survey}", new { name = "สำรวจ", fiscalYear = Year + 1, version });
        Assert.Equal(["fiscalYear"], await moved.ErrorFieldsAsync());
        var narrowed = await w.AreaApi.PutAsJsonAsync($"/api/v1/needs-surveys/{survey}", new { name = "สำรวจผู้บริหาร", fiscalYear = Year, targetPositions = new[] { "ผู้อำนวยการสถานศึกษา" }, version });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        var narrowedBody = await narrowed.JsonAsync();
        Assert.Equal(["Director"], narrowedBody.GetProperty("targetPositions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, narrowedBody.GetProperty("summary").GetProperty("targeted").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await w.AreaApi.PutAsJsonAsync($"/api/v1/needs-surveys/{survey}", new { name = "เก่า", fiscalYear = Year, version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PutAsJsonAsync($"/api/v1/needs-surveys/{survey}", new { name = "ของโรงเรียน", fiscalYear = Year })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_short_form_refuses_with_a_reason_and_saves_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var teacher = await w.Host.PersonAsync(w.Area, w.School);
        var one = new[] { new { topic = Topic(w, 0), priority = 1 } };

        async Task Refused(string survey, string person, object body, HttpStatusCode status, string message)
        {
            var response = await w.AreaApi.PutAsJsonAsync(Responses(survey, person), body);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
            Assert.Equal(0, await AnswerCountAsync(w, survey, person));
        }

        // Outside the window, before and after.
        var later = await SurveyAsync(w, new { name = "ยังไม่เปิด", fiscalYear = Year, opensOn = Today.AddDays(3).ToString("yyyy-MM-dd") });
        await Refused(later, teacher, one, HttpStatusCode.Conflict, "เปิดรับคำตอบตั้งแต่");
        var past = await SurveyAsync(w, new { name = "ปิดแล้ว", fiscalYear = Year, opensOn = Today.AddDays(-30).ToString("yyyy-MM-dd"), closesOn = Today.AddDays(-1).ToString("yyyy-MM-dd") });
        await Refused(past, teacher, one, HttpStatusCode.Conflict, "ปิดรับคำตอบแล้วเมื่อ");
        // Outside the target group.
        var directors = await SurveyAsync(w, new { name = "ผู้บริหาร", fiscalYear = Year, targetPositions = new[] { "Director" } });
        await Refused(directors, teacher, one, HttpStatusCode.Conflict, "ไม่อยู่ในกลุ่มเป้าหมายของแบบสำรวจนี้ (ผู้อำนวยการสถานศึกษา)");
        var refusal = (await (await w.AreaApi.GetAsync(Responses(directors, teacher))).JsonAsync()).GetProperty("refusal").GetString();
        Assert.Contains("ไม่อยู่ในกลุ่มเป้าหมาย", refusal);

        // Bad lines, each under its own field.
        var open = await SurveyAsync(w, new { name = "เปิดอยู่", fiscalYear = Year, opensOn = Today.AddDays(-1).ToString("yyyy-MM-dd"), closesOn = Today.AddDays(1).ToString("yyyy-MM-dd") });
        var cases = new (object Body, string[] Fields)[]
        {
            (Array.Empty<object>(), [""]),
            (new[] { new { topic = Topic(w, 0), priority = 1 }, new { topic = Topic(w, 0), priority = 2 } }, ["[1].topic"]),
            (new[] { new { topic = Guid.NewGuid().ToString(), priority = 1 } }, ["[0].topic"]),
            (new[] { new { topic = Topic(w, 0), priority = 0 }, new { topic = Topic(w, 1), priority = 6 } }, ["[0].priority", "[1].priority"]),
            (new[] { new { topic = Topic(w, 0), priority = 1 }, new { topic = Topic(w, 1), priority = 1 } }, [""]),
            (Enumerable.Range(0, 6).Select(i => new { topic = Topic(w, i), priority = i + 1 }).ToArray(), [""]),
            (new[] { new { topic = Topic(w, 0), priority = 1, methods = new[] { "Yoga" } } }, ["[0].methods"]),
        };
        foreach (var (body, fields) in cases)
        {
            var response = await w.AreaApi.PutAsJsonAsync(Responses(open, teacher), body);
            Assert.Equal(fields, (await response.ErrorFieldsAsync()).Distinct());
            Assert.Equal(0, await AnswerCountAsync(w, open, teacher));
        }
        Assert.Contains("ลำดับความสำคัญต้องเป็น 1 ถึง 5", await (await w.AreaApi.PutAsJsonAsync(Responses(open, teacher), cases[3].Body)).Content.ReadAsStringAsync());
        Assert.Contains("เลือกหัวข้อได้ไม่เกิน 5 หัวข้อ", await (await w.AreaApi.PutAsJsonAsync(Responses(open, teacher), cases[5].Body)).Content.ReadAsStringAsync());

        // Their handed-in plan of the year answers for them: the refusal says so and names the plan.
        await SubmitPlanAsync(w, teacher);
        await Refused(open, teacher, one, HttpStatusCode.Conflict, "ความต้องการในแผนนับเป็นคำตอบของแบบสำรวจนี้แล้ว");
        var answers = await (await w.AreaApi.GetAsync(Responses(open, teacher))).JsonAsync();
        Assert.Matches("^/people/[0-9a-f-]{36}/id-plans/2570$", answers.GetProperty("plan").GetString());
        // A survey of another year still asks them.
        var next = await SurveyAsync(w, new { name = "ปีหน้า", fiscalYear = Year + 1 });
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PutAsJsonAsync(Responses(next, teacher), one)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_again_replaces_the_answers(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var survey = await SurveyAsync(w);
        var teacher = await w.Host.PersonAsync(w.Area, w.School);
        var first = await w.AreaApi.PutAsJsonAsync(Responses(survey, teacher), new[]
        {
            new { topic = Topic(w, 0), priority = 1, methods = new[] { "Training" } }, new { topic = Topic(w, 1), priority = 2, methods = new[] { "Plc" } },
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await (await w.AreaApi.PutAsJsonAsync(Responses(survey, teacher), new[]
        {
            new { topic = Topic(w, 1), priority = 1, methods = new[] { "Coaching", "Coaching", "ETraining" } }, new { topic = Topic(w, 2), priority = 2, methods = Array.Empty<string>() },
        })).JsonAsync();
        var lines = second.GetProperty("answers").EnumerateArray()
            .Select(a => (a.GetProperty("topicId").GetString(), a.GetProperty("priority").GetInt32(), string.Join(",", a.GetProperty("methods").EnumerateArray().Select(m => m.GetString()))))
            .ToList();
        Assert.Equal([(Topic(w, 1), 1, "Coaching,ETraining"), (Topic(w, 2), 2, "")], lines);
        Assert.Equal(2, await AnswerCountAsync(w, survey, teacher));
        var summary = (await (await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}")).JsonAsync()).GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("answered").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_answers_for_themself_a_director_for_their_staff_area_staff_for_anyone(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var survey = await SurveyAsync(w);
        var one = new[] { new { topic = Topic(w, 0), priority = 1 } };
        var teacher = await w.Host.PersonAsync(w.Area, w.School);
        var colleague = await w.Host.PersonAsync(w.Area, w.School);
        var otherSchool = await w.Host.SchoolAsync(w.Area);
        var stranger = await w.Host.PersonAsync(w.Area, otherSchool);

        var self = await w.Host.UserAsync(Role.Teacher, w.Area, w.School, teacher);
        Assert.Equal(HttpStatusCode.OK, (await self.PutAsJsonAsync(Responses(survey, teacher), one)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await self.GetAsync(Responses(survey, teacher))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await self.PutAsJsonAsync(Responses(survey, colleague), one)).StatusCode);

        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, w.School);
        Assert.Equal(HttpStatusCode.OK, (await director.PutAsJsonAsync(Responses(survey, colleague), one)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.PutAsJsonAsync(Responses(survey, stranger), one)).StatusCode);

        foreach (var role in new[] { Role.Supervisor, Role.Assessor })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await w.Host.UserAsync(role, w.Area)).PutAsJsonAsync(Responses(survey, stranger), one)).StatusCode);
        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync(Responses(survey, stranger), one)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/needs-surveys/{survey}")).StatusCode);
        Assert.Equal(0, await AnswerCountAsync(w, survey, stranger));
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PutAsJsonAsync(Responses(survey, stranger), one)).StatusCode);
        Assert.Equal(3, (await (await w.AreaApi.GetAsync($"/api/v1/needs-surveys/{survey}")).JsonAsync()).GetProperty("summary").GetProperty("answered").GetInt32());
    }
}
