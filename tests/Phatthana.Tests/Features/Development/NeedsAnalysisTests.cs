using System.Net;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Training;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// The needs analysis against hand-worked figures on both databases: only submitted and approved plans count, a survey answer
/// only for someone without such a plan (once per topic, at their best priority), priorities scored 3/2/1, topics ranked by
/// people then score then name, breakdowns by school, position and subject area, competency gaps; a director sees their
/// school; teachers 403, another area 404, bad parameters 422; the same report as Excel, PDF and Word.
/// </summary>
public sealed class NeedsAnalysisTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string X = "การออกแบบการจัดการเรียนรู้เชิงรุก (Active Learning)";
    private const string Y = "การวัดและประเมินผลตามสภาพจริง";
    private const string Z = "การจัดการชั้นเรียนเชิงบวก";
    private const string L = "ภาวะผู้นำทางวิชาการ";

    private sealed record World(DevelopmentWorld W, string SchoolA, string SchoolB, string Director, string Url);

    /// <summary>
    /// School A: T1 submitted (X 1st, Y 2nd; C1 at 2) and also answered a survey (Z, ignored); T2 approved (Z 1st, X 2nd); the
    /// director submitted (L 1st; at 4 but C1 at 3). School B: T3's draft (X) and T4's returned plan (Y) do not count; T5 has no
    /// plan and answered two surveys (X 3rd then X 2nd, Y 1st) and teaches mathematics and science.
    /// </summary>
    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var w = await DevelopmentWorld.ArrangeAsync(await Host(provider));
        var a = await w.Host.SchoolAsync(w.Area, name: $"โรงเรียนบ้านกลาง {Unique.SchoolCode()}", network: "เครือข่ายริมน้ำ");
        var b = await w.Host.SchoolAsync(w.Area, name: $"โรงเรียนวัดเหนือ {Unique.SchoolCode()}");
        var t1 = await w.PersonAsync(a);
        var t2 = await w.PersonAsync(a, "AssistantTeacher");
        var director = await w.PersonAsync(a, "Director");
        var t3 = await w.PersonAsync(b);
        var t4 = await w.PersonAsync(b);
        var t5 = await w.PersonAsync(b, subjects: ["Mathematics", "Science"]);
        await w.PlanAsync(t1, "Teachers", IdPlanStatus.Submitted, [(X, 1, ["Workshop", "Coaching"]), (Y, 2, ["Training"])], new() { ["C1"] = 2 });
        await w.PlanAsync(t2, "Teachers", IdPlanStatus.Approved, [(Z, 1, ["Plc"]), (X, 2, ["Workshop"])]);
        await w.PlanAsync(director, "Administrators", IdPlanStatus.Submitted, [(L, 1, ["StudyVisit"])], new() { ["C1"] = 3 }, level: 4);
        await w.PlanAsync(t3, "Teachers", IdPlanStatus.Draft, [(X, 1, ["Workshop"])], new() { ["C1"] = 1 });
        await w.PlanAsync(t4, "Teachers", IdPlanStatus.Returned, [(Y, 1, ["Workshop"])], new() { ["C1"] = 1 });
        var first = await w.SurveyAsync("สำรวจครั้งที่ 1");
        var second = await w.SurveyAsync("สำรวจครั้งที่ 2");
        await w.AnswerAsync(first, t5, X, 3, DevelopmentMethod.ETraining);
        await w.AnswerAsync(first, t5, Y, 1, DevelopmentMethod.Training);
        await w.AnswerAsync(second, t5, X, 2, DevelopmentMethod.Workshop);
        await w.AnswerAsync(first, t1, Z, 1, DevelopmentMethod.Plc);
        return new World(w, a, b, director, $"/api/v1/areas/{w.Area}/needs-analysis?fiscalYear={DevelopmentWorld.Year}");
    }

    private static List<(string Topic, int People, int Score)> Topics(JsonElement json) =>
        json.GetProperty("topics").EnumerateArray().Select(t => (t.GetProperty("topic").GetString()!, t.GetProperty("people").GetInt32(), t.GetProperty("score").GetInt32())).ToList();

    /// <summary>Each group's respondents and its top topics, joined by " | " (so a tuple compares them by value).</summary>
    private static Dictionary<string, (int Respondents, string Topics)> Groups(JsonElement json) =>
        json.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!,
            g => (g.GetProperty("respondents").GetInt32(), string.Join(" | ", g.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString()))));

    private static string Of(params string[] topics) => string.Join(" | ", topics);

    [Theory, MemberData(nameof(Providers))]
    public async Task Topics_are_counted_scored_ranked_and_broken_down_as_worked_by_hand(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var json = await (await world.W.AreaApi.GetAsync(world.Url)).JsonAsync();

        // T1, T2 and the director from plans, T5 from surveys; T3's draft and T4's returned plan are not there.
        Assert.Equal((4, 3, 1), (json.GetProperty("respondents").GetInt32(), json.GetProperty("fromPlans").GetInt32(), json.GetProperty("fromSurveys").GetInt32()));
        // X: T1 1st (3) + T2 2nd (2) + T5 2nd, its better of 3rd and 2nd (2) = 7; Y: T1 2nd (2) + T5 1st (3) = 5; Z: T2 1st (3), not T1's
        // survey answer; L: the director 1st (3); Z before L by name.
        Assert.Equal([(X, 3, 7), (Y, 2, 5), (Z, 1, 3), (L, 1, 3)], Topics(json));
        var x = json.GetProperty("topics")[0];
        Assert.Equal((1, 75.00m, 2, 1), (x.GetProperty("firstChoice").GetInt32(), x.GetProperty("sharePercent").GetDecimal(), x.GetProperty("fromPlans").GetInt32(),
            x.GetProperty("fromSurveys").GetInt32()));
        // Methods: T1 workshop + coaching, T2 workshop, T5 e-training and workshop (both surveys).
        Assert.Equal(["Workshop 3", "ETraining 1", "Coaching 1"],
            x.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetProperty("method").GetString()} {m.GetProperty("people").GetInt32()}").ToArray());

        // By school: A's three (X 2 people, then Z and L at 3 points before Y at 2), B's T5 (Y 3 points before X 2).
        var schools = Groups(json);
        Assert.Equal(2, schools.Count);
        Assert.Equal((3, Of(X, Z, L)), schools.First().Value);
        Assert.Equal((1, Of(Y, X)), schools.Last().Value);
        Assert.StartsWith("โรงเรียนบ้านกลาง", schools.First().Key);

        // By position: assistant teachers, teachers (X and Y tie at 2 people, 5 points: Y first by name), directors — the registry's order.
        var positions = await (await world.W.AreaApi.GetAsync(world.Url + "&by=Position")).JsonAsync();
        Assert.Equal(["ครูผู้ช่วย", "ครู", "ผู้อำนวยการสถานศึกษา"], Groups(positions).Keys.ToArray());
        Assert.Equal((2, Of(Y, X)), Groups(positions)["ครู"]);
        // By subject area taught: T5 counts under both of theirs.
        var subjects = Groups(await (await world.W.AreaApi.GetAsync(world.Url + "&by=Subject")).JsonAsync());
        Assert.Equal(["ภาษาไทย", "คณิตศาสตร์", "วิทยาศาสตร์และเทคโนโลยี"], subjects.Keys.ToArray());
        Assert.Equal((3, 1, 1), (subjects["ภาษาไทย"].Respondents, subjects["คณิตศาสตร์"].Respondents, subjects["วิทยาศาสตร์และเทคโนโลยี"].Respondents));
        // Thai labels work as well as code names.
        Assert.Equal(HttpStatusCode.OK, (await world.W.AreaApi.GetAsync(world.Url + "&by=" + Uri.EscapeDataString("วิทยฐานะ"))).StatusCode);

        // Gaps from the counted plans only: C1 (expected 3) T1 2 and T2 3; C5 (expected 4) both at 3; the director's C1 (expected 4) at 3.
        var gaps = json.GetProperty("gaps").EnumerateArray()
            .ToDictionary(g => $"{g.GetProperty("group").GetString()} {g.GetProperty("code").GetString()}", g => g);
        decimal? D(JsonElement e, string p) => e.GetProperty(p).ValueKind == JsonValueKind.Null ? null : e.GetProperty(p).GetDecimal();
        (int, int, decimal?, decimal?) Gap(string key) => (gaps[key].GetProperty("assessed").GetInt32(), gaps[key].GetProperty("below").GetInt32(),
            D(gaps[key], "belowPercent"), D(gaps[key], "meanLevel"));
        Assert.Equal((2, 1, 50.00m, 2.50m), Gap("Teachers C1"));
        Assert.Equal((2, 2, 100.00m, 3.00m), Gap("Teachers C5"));
        Assert.Equal((2, 0, 0.00m, 3.00m), Gap("Teachers F1"));
        Assert.Equal((1, 1, 100.00m, 3.00m), Gap("Administrators C1"));
        Assert.Equal((1, 0, 0.00m, 4.00m), Gap("Administrators F4"));
        Assert.Equal(11 + 8, gaps.Count);

        // Filters: teachers only (the director's need and competencies leave), school B only.
        var teachers = await (await world.W.AreaApi.GetAsync(world.Url + "&group=Teachers")).JsonAsync();
        Assert.Equal([(X, 3, 7), (Y, 2, 5), (Z, 1, 3)], Topics(teachers));
        Assert.Equal(11, teachers.GetProperty("gaps").GetArrayLength());
        var b = await (await world.W.AreaApi.GetAsync(world.Url + $"&school={world.SchoolB}")).JsonAsync();
        Assert.Equal([(Y, 1, 3), (X, 1, 2)], Topics(b));
        Assert.Equal(0, b.GetProperty("gaps").EnumerateArray().Sum(g => g.GetProperty("assessed").GetInt32()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_sees_their_school_teachers_are_refused_other_areas_and_bad_parameters_answered(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var host = world.W.Host;
        var director = await host.UserAsync(Role.SchoolAdmin, world.W.Area, world.SchoolA, world.Director);
        var own = await (await director.GetAsync(world.Url)).JsonAsync();
        Assert.Equal(3, own.GetProperty("respondents").GetInt32());
        Assert.Equal([(X, 2, 5), (Z, 1, 3), (L, 1, 3), (Y, 1, 2)], Topics(own));
        Assert.Single(Groups(own));

        foreach (var role in new[] { Role.Supervisor, Role.Assessor })
            Assert.Equal(4, (await (await (await host.UserAsync(role, world.W.Area)).GetAsync(world.Url)).JsonAsync()).GetProperty("respondents").GetInt32());
        var teacher = await host.UserAsync(Role.Teacher, world.W.Area, world.SchoolA);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(world.Url)).StatusCode);
        var foreign = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(world.Url)).StatusCode);

        var api = world.W.AreaApi;
        var url = $"/api/v1/areas/{world.W.Area}/needs-analysis";
        Assert.Equal(["fiscalYear"], await (await api.GetAsync(url + "?fiscalYear=2027")).ErrorFieldsAsync());
        Assert.Equal(["fiscalYear"], await (await api.GetAsync(url + "?fiscalYear=abc")).ErrorFieldsAsync());
        var bad = await api.GetAsync(url + "?by=District&group=Students&school=123");
        Assert.Equal(["school", "by", "group"], await bad.ErrorFieldsAsync());
        Assert.Contains("ไม่รู้จักการจำแนก", await (await api.GetAsync(url + "?by=District")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync(world.Url + "&format=csv")).StatusCode);
        // No need yet in another year is an empty analysis, not an error.
        var empty = await (await api.GetAsync(url + "?fiscalYear=2565")).JsonAsync();
        Assert.Equal((0, 0), (empty.GetProperty("respondents").GetInt32(), empty.GetProperty("topics").GetArrayLength()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_report_is_one_declaration_served_as_page_excel_pdf_and_word(DatabaseProvider provider)
    {
        var world = await ArrangeAsync(provider);
        var host = world.W.Host;
        var xlsx = await world.W.AreaApi.GetAsync(world.Url + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = Workbook.RowsAfter(Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync()), "อันดับ");
        Assert.Equal(("1", X, "3", "7"), (rows[0][0]?.ToString(), rows[0][1]?.ToString(), rows[0][4]?.ToString(), rows[0][5]?.ToString()));
        var pdf = await world.W.AreaApi.GetAsync(world.Url + "&format=pdf&by=Position");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = Poppler.Text(pdfBytes);
        // Kept for a person to look at, as the reporting tests keep theirs.
        Poppler.PagePng(pdfBytes, 1, Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts", $"needs-analysis-page-1-{provider}"));
        Assert.Contains(NeedsAnalysisReport.Title, text);
        Assert.Contains("จำแนกตามตำแหน่ง", text);
        Assert.Contains("ช่องว่างสมรรถนะ", text);
        Assert.Equal(HttpStatusCode.OK, (await world.W.AreaApi.GetAsync(world.Url + "&format=docx")).StatusCode);

        // The page: those who run training get a course from each need; an assessor reads the same figures without it.
        var page = $"/areas/{world.W.Area}/development/needs?fiscalYear={DevelopmentWorld.Year}";
        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, world.W.Area), AppHost.Password);
        var (ok, doc) = await staff.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var link = doc.QuerySelectorAll("a").First(e => e.TextContent.Trim() == NeedsAnalysisReport.CreateCourse).GetAttribute("href");
        Assert.Equal($"/areas/{world.W.Area}/courses/new?needTopic={world.W.TopicId(X)}&fiscalYear={DevelopmentWorld.Year}", link);
        // The topics, and the gaps of each group with assessments (teachers, administrators).
        Assert.Equal(3, doc.QuerySelectorAll("figure.chart-figure svg").Length);
        var assessor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, world.W.Area), AppHost.Password);
        var (_, read) = await assessor.GetAsync(page + "&by=Subject");
        Assert.Contains(X, read.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(read.QuerySelectorAll("a"), e => e.TextContent.Contains(NeedsAnalysisReport.CreateCourse));
        Assert.Contains("คณิตศาสตร์", read.QuerySelector("#breakdown")!.TextContent);
        // A bad year on the page is said in Thai with a 422; a teacher is refused.
        var (badYear, badDoc) = await staff.GetAsync($"/areas/{world.W.Area}/development/needs?fiscalYear=2027");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badYear.StatusCode);
        Assert.Contains("ใช้ปี พ.ศ.", badDoc.QuerySelector("[role=alert]")!.TextContent);
        var teacher = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, world.W.Area, world.SchoolA), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.Client.GetAsync(page)).StatusCode);
    }
}
