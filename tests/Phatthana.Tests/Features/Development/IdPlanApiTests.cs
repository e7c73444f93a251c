using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// The ID Plan's workflow over HTTP on both databases: a teacher writes their own plan (bad levels, unknown competencies and
/// topics, an empty plan refused, nothing saved), submits it; their director returns it with a comment, the teacher fixes
/// and resubmits, the director approves; nobody approves their own plan; other schools, roles and areas are kept out;
/// next year's plan starts from this one.
/// </summary>
public sealed class IdPlanApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private sealed record World(AppHost Host, string Area, string School, string Teacher, HttpClient TeacherApi, string Director, HttpClient DirectorApi,
        HttpClient AreaApi, JsonElement Catalogue);

    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var areaApi = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await areaApi.PostAsync($"/api/v1/areas/{area}/competencies/defaults", null)).StatusCode);
        var teacher = await host.PersonAsync(area, school, firstName: "สุดารัตน์", lastName: "แก้วมณี");
        var director = await host.PersonAsync(area, school, position: "Director", firstName: "สมชาย", lastName: "ใจงาม");
        var catalogue = await (await areaApi.GetAsync($"/api/v1/areas/{area}/competencies?group=Teachers")).JsonAsync();
        return new World(host, area, school, teacher, await host.UserAsync(Role.Teacher, area, school, teacher), director,
            await host.UserAsync(Role.SchoolAdmin, area, school, director), areaApi, catalogue);
    }

    private static string Plan(string person, int year = 2570) => $"/api/v1/people/{person}/id-plans/{year}";

    /// <summary>A whole plan: every competency at level 3 but the first at 2, and two topics.</summary>
    private static object FullPlan(JsonElement catalogue, string goal = "จัดการเรียนรู้เชิงรุกได้ทุกรายวิชา")
    {
        var competencies = catalogue.GetProperty("competencies").EnumerateArray().Select((c, i) => new { competency = c.GetProperty("code").GetString(), level = i == 0 ? 2 : 3 }).ToArray();
        var topics = catalogue.GetProperty("topics").EnumerateArray().Take(2).Select(t => t.GetProperty("id").GetString()).ToArray();
        return new
        {
            goal, competencies,
            needs = new object[]
            {
                new { topic = topics[0], priority = 1, methods = new[] { "Workshop", "Coaching" }, plannedStart = "2026-11-01", plannedEnd = "2027-01-31", expectedOutcome = "ออกแบบแผนการจัดการเรียนรู้เชิงรุกได้" },
                new { topic = topics[1], priority = 2, methods = new[] { "ETraining" } },
            },
        };
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_writes_and_submits_the_director_returns_then_approves_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var empty = await (await w.TeacherApi.GetAsync(Plan(w.Teacher))).JsonAsync();
        Assert.Equal(("Draft", JsonValueKind.Null, 11), (empty.GetProperty("status").GetString(), empty.GetProperty("id").ValueKind, empty.GetProperty("competencies").GetArrayLength()));
        Assert.Equal(HttpStatusCode.NotFound, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/submit", new { })).StatusCode);

        // Levels outside 1–5, an unknown competency and topic, a month outside the fiscal year, a method not on the list.
        var bad = await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), new
        {
            competencies = new object[] { new { competency = "C1", level = 0 }, new { competency = "C2", level = 6 }, new { competency = "Z9", level = 3 } },
            needs = new object[]
            {
                new { topic = Guid.NewGuid().ToString(), priority = 1 },
                new { topic = w.Catalogue.GetProperty("topics")[0].GetProperty("id").GetString(), priority = 2, methods = new[] { "Yoga" }, plannedStart = "2028-01-01" },
            },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var fields = (await bad.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["competencies[0].level", "competencies[1].level", "competencies[2].competency", "needs[0].topic", "needs[1].methods", "needs[1].plannedStart"], fields);
        Assert.Equal(JsonValueKind.Null, (await (await w.TeacherApi.GetAsync(Plan(w.Teacher))).JsonAsync()).GetProperty("id").ValueKind);

        // An empty plan is not handed in.
        var competenciesOnly = await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), new { competencies = new[] { new { competency = "C1", level = 3 } } });
        Assert.Equal(HttpStatusCode.OK, competenciesOnly.StatusCode);
        var refused = await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/submit", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var messages = await refused.Content.ReadAsStringAsync();
        Assert.Contains("แผนยังว่าง", messages);
        Assert.Contains("ยังไม่ได้ประเมินตนเอง 10 สมรรถนะ", messages);

        Assert.Equal(HttpStatusCode.OK, (await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), FullPlan(w.Catalogue))).StatusCode);
        var submitted = await (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/submit", new { })).JsonAsync();
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(1, submitted.GetProperty("competencies")[0].GetProperty("gap").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), FullPlan(w.Catalogue, "เปลี่ยนใจ"))).StatusCode);
        // A teacher decides nothing, not even about their own plan.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/approve", new { })).StatusCode);

        // Returned with a comment (one is required), fixed, submitted again, approved.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.DirectorApi.PostAsJsonAsync(Plan(w.Teacher) + "/return", new { comment = " " })).StatusCode);
        var returned = await (await w.DirectorApi.PostAsJsonAsync(Plan(w.Teacher) + "/return", new { comment = "ระบุผลที่คาดว่าจะได้รับให้ครบทุกหัวข้อ" })).JsonAsync();
        Assert.Equal(("Returned", "ระบุผลที่คาดว่าจะได้รับให้ครบทุกหัวข้อ"), (returned.GetProperty("status").GetString(), returned.GetProperty("returnComment").GetString()));
        var seen = await (await w.TeacherApi.GetAsync(Plan(w.Teacher))).JsonAsync();
        Assert.Equal("ระบุผลที่คาดว่าจะได้รับให้ครบทุกหัวข้อ", seen.GetProperty("returnComment").GetString());
        // A stale version (from before the return) is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/submit", new { version = submitted.GetProperty("version").GetInt32() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), FullPlan(w.Catalogue, "จัดการเรียนรู้เชิงรุกและประเมินตามสภาพจริง"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/submit", new { })).StatusCode);
        var approved = await (await w.DirectorApi.PostAsJsonAsync(Plan(w.Teacher) + "/approve", new { })).JsonAsync();
        Assert.Equal(("Approved", "ผู้ทดสอบ SchoolAdmin"), (approved.GetProperty("status").GetString(), approved.GetProperty("decidedBy").GetString()));
        Assert.Equal("จัดการเรียนรู้เชิงรุกและประเมินตามสภาพจริง", approved.GetProperty("goal").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await w.DirectorApi.PostAsJsonAsync(Plan(w.Teacher) + "/approve", new { })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Nobody_approves_their_own_plan_and_other_schools_roles_and_areas_are_kept_out(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        // The director's own plan: written and submitted by them, decided by the area's staff only.
        Assert.Equal(HttpStatusCode.OK, (await w.DirectorApi.PutAsJsonAsync(Plan(w.Director), new { needs = Array.Empty<object>() })).StatusCode);
        var own = await w.DirectorApi.GetAsync(Plan(w.Director));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), FullPlan(w.Catalogue))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher) + "/submit", new { })).StatusCode);

        // A teacher sees only their own plan; a director of another school, another area's staff: not there at all.
        var colleague = await w.Host.PersonAsync(w.Area, w.School);
        Assert.Equal(HttpStatusCode.NotFound, (await w.TeacherApi.GetAsync(Plan(colleague))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.TeacherApi.PutAsJsonAsync(Plan(colleague), FullPlan(w.Catalogue))).StatusCode);
        var otherSchool = await w.Host.SchoolAsync(w.Area);
        var otherDirector = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, otherSchool);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDirector.GetAsync(Plan(w.Teacher))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDirector.PostAsJsonAsync(Plan(w.Teacher) + "/approve", new { })).StatusCode);
        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync(Plan(w.Teacher) + "/approve", new { })).StatusCode);
        // Supervisors and assessors read plans but write and decide none.
        foreach (var role in new[] { Role.Supervisor, Role.Assessor })
        {
            var reader = await w.Host.UserAsync(role, w.Area);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Plan(w.Teacher))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(Plan(w.Teacher), FullPlan(w.Catalogue))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(Plan(w.Teacher) + "/approve", new { })).StatusCode);
        }
        var status = async () => (await (await w.AreaApi.GetAsync(Plan(w.Teacher))).JsonAsync()).GetProperty("status").GetString();
        Assert.Equal("Submitted", await status());

        // The director's own plan, submitted: they may not approve it; the area's staff may.
        Assert.Equal(HttpStatusCode.OK, (await w.DirectorApi.PutAsJsonAsync(Plan(w.Director), DirectorPlan(await CatalogueAsync(w, "Administrators")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.DirectorApi.PostAsJsonAsync(Plan(w.Director) + "/submit", new { })).StatusCode);
        var self = await w.DirectorApi.PostAsJsonAsync(Plan(w.Director) + "/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("ของตนเองไม่ได้", await self.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PostAsJsonAsync(Plan(w.Director) + "/approve", new { })).StatusCode);
        // A year that is not a Buddhist-era one.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.TeacherApi.GetAsync(Plan(w.Teacher, 2027))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Next_years_plan_starts_from_this_years(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        Assert.Equal(HttpStatusCode.NotFound, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher, 2571) + "/copy-previous", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.TeacherApi.PutAsJsonAsync(Plan(w.Teacher), FullPlan(w.Catalogue))).StatusCode);
        var copy = await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher, 2571) + "/copy-previous", new { });
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        var next = await copy.JsonAsync();
        Assert.Equal(("Draft", 2571), (next.GetProperty("status").GetString(), next.GetProperty("fiscalYear").GetInt32()));
        var need = next.GetProperty("needs")[0];
        Assert.Equal(("2027-11-01", "2028-01-31"), (need.GetProperty("plannedStart").GetString(), need.GetProperty("plannedEnd").GetString()));
        Assert.Equal(11, next.GetProperty("competencies").EnumerateArray().Count(c => c.GetProperty("level").ValueKind == JsonValueKind.Number));
        // Twice is refused: the plan is there to edit.
        Assert.Equal(HttpStatusCode.Conflict, (await w.TeacherApi.PostAsJsonAsync(Plan(w.Teacher, 2571) + "/copy-previous", new { })).StatusCode);
    }

    private static async Task<JsonElement> CatalogueAsync(World w, string group) =>
        await (await w.AreaApi.GetAsync($"/api/v1/areas/{w.Area}/competencies?group={group}")).JsonAsync();

    /// <summary>A director's plan on the administrators' catalogue: every competency at 4 and its first topic.</summary>
    private static object DirectorPlan(JsonElement catalogue) => new
    {
        goal = "บริหารสถานศึกษาด้วยข้อมูล",
        competencies = catalogue.GetProperty("competencies").EnumerateArray().Select(c => new { competency = c.GetProperty("code").GetString(), level = 4 }).ToArray(),
        needs = new[] { new { topic = catalogue.GetProperty("topics")[0].GetProperty("id").GetString(), priority = 1 } },
    };
}
