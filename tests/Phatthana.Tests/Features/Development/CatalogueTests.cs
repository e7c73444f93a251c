using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// The competency catalogue over HTTP on both databases: the area's staff add, change, retire and delete competencies and
/// topics; each bad input is a Thai message on its field with nothing changed; what a plan or a survey answer uses is never
/// deleted, only retired; other roles write nothing and another area's staff find nothing.
/// </summary>
public sealed class CatalogueTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string Competencies(string area) => $"/api/v1/areas/{area}/competencies";
    private static string Topics(string area) => $"/api/v1/areas/{area}/development-topics";

    private static object Competency(string code = "F7", string name = "การจัดการเรียนรู้ด้วยเทคโนโลยีดิจิทัล", string group = "Teachers", int expectedLevel = 3,
        string kind = "Functional") => new { code, name, kind, group, expectedLevel, description = "ใช้สื่อดิจิทัลให้ผู้เรียนเรียนรู้ได้ด้วยตนเอง" };

    private static async Task<JsonElement> CatalogueAsync(HttpClient api, string area, string group = "Teachers") =>
        await (await api.GetAsync($"{Competencies(area)}?group={group}")).JsonAsync();

    private static async Task<string> MessageAsync(HttpResponseMessage response, string field)
    {
        var body = await response.JsonAsync();
        return body.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field).GetProperty("message").GetString()!;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_staff_add_change_and_delete_competencies_and_topics_and_bad_input_changes_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);

        var created = await api.PostAsJsonAsync(Competencies(area), Competency());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var competency = await created.JsonAsync();
        Assert.Equal(("F7", "Functional", "Teachers", 3, true, 1), (competency.GetProperty("code").GetString(), competency.GetProperty("kind").GetString(),
            competency.GetProperty("group").GetString(), competency.GetProperty("expectedLevel").GetInt32(), competency.GetProperty("active").GetBoolean(),
            competency.GetProperty("sortOrder").GetInt32()));
        // Thai labels are read as well as code names.
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Competencies(area), Competency("C1", "การมุ่งผลสัมฤทธิ์", "ผู้บริหารสถานศึกษา", 4, "สมรรถนะหลัก"))).StatusCode);

        // Each bad input: a Thai message on its field, and the catalogue as it was.
        var bad = new (object Body, string Field, string Message)[]
        {
            (Competency(name: " "), "name", "กรุณากรอกชื่อสมรรถนะ"),
            (Competency(name: new string('ก', 201)), "name", "ชื่อสมรรถนะยาวเกิน 200 ตัวอักษร"),
            (Competency(code: "F 8"), "code", "รหัสสมรรถนะต้องเป็นตัวอักษรภาษาอังกฤษ"),
            (Competency(expectedLevel: 0), "expectedLevel", "ระดับที่คาดหวังต้องเป็น 1 ถึง 5"),
            (Competency(expectedLevel: 6), "expectedLevel", "ระดับที่คาดหวังต้องเป็น 1 ถึง 5"),
            (Competency(group: "Janitors"), "group", "ไม่รู้จักกลุ่มตำแหน่ง \"Janitors\""),
            (Competency(kind: "Soft"), "kind", "ไม่รู้จักประเภทสมรรถนะ \"Soft\""),
        };
        foreach (var (body, field, message) in bad)
        {
            var response = await api.PostAsJsonAsync(Competencies(area), body);
            Assert.Equal([field], await response.ErrorFieldsAsync());
            Assert.StartsWith(message, await MessageAsync(response, field));
        }
        // A code taken in the group is a 409; the same code in another group is another competency.
        var taken = await api.PostAsJsonAsync(Competencies(area), Competency(name: "ชื่ออื่น"));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("รหัสสมรรถนะ F7 มีอยู่แล้วในกลุ่มครู", await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync(Competencies(area), Competency(group: "Supervisors"))).StatusCode);
        Assert.Equal(1, (await CatalogueAsync(api, area)).GetProperty("competencies").GetArrayLength());

        // Changed; its group stays; a stale version is refused.
        var url = $"{Competencies(area)}/{competency.GetProperty("id").GetString()}";
        var version = competency.GetProperty("version").GetInt32();
        var changed = await api.PutAsJsonAsync(url, new { code = "F7", name = "การใช้เทคโนโลยีดิจิทัล", kind = "Functional", group = "Teachers", expectedLevel = 4, version });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("การใช้เทคโนโลยีดิจิทัล", 4), ((await changed.JsonAsync()).GetProperty("name").GetString(), (await changed.JsonAsync()).GetProperty("expectedLevel").GetInt32()));
        var moved = await api.PutAsJsonAsync(url, new { code = "F7", name = "x", kind = "Functional", group = "Administrators", expectedLevel = 4 });
        Assert.Equal(["group"], await moved.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync(url, new { code = "F7", name = "เก่า", kind = "Functional", group = "Teachers", expectedLevel = 2, version })).StatusCode);
        Assert.Equal("การใช้เทคโนโลยีดิจิทัล", (await CatalogueAsync(api, area)).GetProperty("competencies")[0].GetProperty("name").GetString());

        // Topics: the competency they build is one of the same group's.
        var topic = await api.PostAsJsonAsync(Topics(area), new { name = "การสร้างสื่อด้วย Canva", group = "Teachers", competency = "F7", subjectArea = "ภาษาไทย" });
        Assert.Equal(HttpStatusCode.Created, topic.StatusCode);
        var topicBody = await topic.JsonAsync();
        Assert.Equal(("F7", "Thai"), (topicBody.GetProperty("competency").GetString(), topicBody.GetProperty("subjectArea").GetString()));
        foreach (var (body, field, message) in new (object, string, string)[]
                 {
                     (new { name = "", group = "Teachers" }, "name", "กรุณากรอกชื่อหัวข้อการพัฒนา"),
                     (new { name = "หัวข้อใหม่", group = "Teachers", competency = "Z9" }, "competency", "ไม่มีสมรรถนะ \"Z9\" ในรายการของกลุ่มครู"),
                     (new { name = "หัวข้อใหม่", group = "Administrators", competency = "F7" }, "competency", "ไม่มีสมรรถนะ \"F7\" ในรายการของกลุ่มผู้บริหารสถานศึกษา"),
                     (new { name = "หัวข้อใหม่", group = "Teachers", subjectArea = "Astrology" }, "subjectArea", "ไม่รู้จักกลุ่มสาระ \"Astrology\""),
                 })
        {
            var response = await api.PostAsJsonAsync(Topics(area), body);
            Assert.Equal([field], await response.ErrorFieldsAsync());
            Assert.StartsWith(message, await MessageAsync(response, field));
        }
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync(Topics(area), new { name = "การสร้างสื่อด้วย  Canva", group = "Teachers" })).StatusCode);
        Assert.Equal(1, (await CatalogueAsync(api, area)).GetProperty("topics").GetArrayLength());

        // Nothing uses them: the topic goes, then the competency it built (asked in that order).
        var blocked = await api.DeleteAsync(url);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("การสร้างสื่อด้วย Canva", await blocked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Topics(area)}/{topicBody.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(url)).StatusCode);
        var empty = await CatalogueAsync(api, area);
        Assert.Equal((0, 0), (empty.GetProperty("competencies").GetArrayLength(), empty.GetProperty("topics").GetArrayLength()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync(url)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task What_a_plan_or_a_survey_answer_uses_is_retired_not_deleted(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{Competencies(area)}/defaults", null)).StatusCode);
        var catalogue = await CatalogueAsync(api, area);
        var c1 = catalogue.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "C1");
        var topics = catalogue.GetProperty("topics").EnumerateArray().ToList();
        var (planned, answered) = (topics[0], topics[1]);

        var teacher = await host.PersonAsync(area, school);
        var plan = await api.PutAsJsonAsync($"/api/v1/people/{teacher}/id-plans/2570", new
        {
            competencies = new[] { new { competency = "C1", level = 2 } },
            needs = new[] { new { topic = planned.GetProperty("id").GetString(), priority = 1 } },
        });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var survey = await (await api.PostAsJsonAsync($"/api/v1/areas/{area}/needs-surveys", new { name = "สำรวจ 2570", fiscalYear = 2570 })).JsonAsync();
        var colleague = await host.PersonAsync(area, school);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/needs-surveys/{survey.GetProperty("id").GetString()}/responses/{colleague}",
            new[] { new { topic = answered.GetProperty("id").GetString(), priority = 1 } })).StatusCode);

        var c1Url = $"{Competencies(area)}/{c1.GetProperty("id").GetString()}";
        var refused = await api.DeleteAsync(c1Url);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("แผนพัฒนาตนเอง 1 แผนประเมินสมรรถนะนี้แล้ว", why);
        Assert.Contains("เลิกใช้", why);
        var plannedUrl = $"{Topics(area)}/{planned.GetProperty("id").GetString()}";
        Assert.Contains("แผนพัฒนาตนเอง 1 แผนขอพัฒนาหัวข้อนี้", await (await api.DeleteAsync(plannedUrl)).Content.ReadAsStringAsync());
        var answeredRefusal = await api.DeleteAsync($"{Topics(area)}/{answered.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.Conflict, answeredRefusal.StatusCode);
        Assert.Contains("ผู้ตอบแบบสำรวจความต้องการ 1 คนเลือกหัวข้อนี้", await answeredRefusal.Content.ReadAsStringAsync());
        // F1 is built by topics (the defaults'), though no plan assessed it.
        var f1 = catalogue.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "F1");
        Assert.Contains("หัวข้อการพัฒนา", await (await api.DeleteAsync($"{Competencies(area)}/{f1.GetProperty("id").GetString()}")).Content.ReadAsStringAsync());
        Assert.Equal(catalogue.GetProperty("competencies").GetArrayLength(), (await CatalogueAsync(api, area)).GetProperty("competencies").GetArrayLength());

        // Retired instead: still on the plan, no longer asked of a new one.
        var retired = await api.PutAsJsonAsync(c1Url, new { code = "C1", name = c1.GetProperty("name").GetString(), kind = "Core", group = "Teachers", expectedLevel = 3, active = false });
        Assert.False((await retired.JsonAsync()).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(plannedUrl, new { name = planned.GetProperty("name").GetString(), group = "Teachers", active = false })).StatusCode);
        var read = await (await api.GetAsync($"/api/v1/people/{teacher}/id-plans/2570")).JsonAsync();
        Assert.Contains(read.GetProperty("competencies").EnumerateArray(), c => c.GetProperty("code").GetString() == "C1" && c.GetProperty("level").GetInt32() == 2);
        Assert.Equal(planned.GetProperty("name").GetString(), read.GetProperty("needs")[0].GetProperty("topic").GetString());
        var newcomer = await host.PersonAsync(area, school);
        var fresh = await (await api.GetAsync($"/api/v1/people/{newcomer}/id-plans/2570")).JsonAsync();
        Assert.DoesNotContain(fresh.GetProperty("competencies").EnumerateArray(), c => c.GetProperty("code").GetString() == "C1");
        // A retired topic is not chosen again in a survey.
        var again = await api.PutAsJsonAsync($"/api/v1/needs-surveys/{survey.GetProperty("id").GetString()}/responses/{newcomer}",
            new[] { new { topic = planned.GetProperty("id").GetString(), priority = 1 } });
        Assert.Equal(["[0].topic"], await again.ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_area_staff_write_the_catalogue_and_another_area_finds_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var competency = await (await api.PostAsJsonAsync(Competencies(area), Competency())).JsonAsync();
        var url = $"{Competencies(area)}/{competency.GetProperty("id").GetString()}";
        var topic = await (await api.PostAsJsonAsync(Topics(area), new { name = "PLC", group = "Teachers" })).JsonAsync();
        var topicUrl = $"{Topics(area)}/{topic.GetProperty("id").GetString()}";

        foreach (var role in new[] { Role.Teacher, Role.Supervisor, Role.SchoolAdmin, Role.Assessor })
        {
            var other = await host.UserAsync(role, area, role is Role.Teacher or Role.SchoolAdmin ? school : null);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(Competencies(area))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(Competencies(area), Competency("F9"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync(url, Competency(name: "ของครู"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(Topics(area), new { name = "อื่น", group = "Teachers" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync(topicUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{Competencies(area)}/defaults", null)).StatusCode);
        }

        var elsewhere = await host.AreaAsync();
        var foreign = await host.UserAsync(Role.AreaAdmin, elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(Competencies(area))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync(url, Competency(name: "ของเขตอื่น"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync(topicUrl)).StatusCode);
        // Their own area's path with this area's row: not theirs either.
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.DeleteAsync($"{Competencies(elsewhere)}/{competency.GetProperty("id").GetString()}")).StatusCode);
        var kept = await CatalogueAsync(api, area);
        Assert.Equal((competency.GetProperty("name").GetString(), 1), (kept.GetProperty("competencies")[0].GetProperty("name").GetString(), kept.GetProperty("topics").GetArrayLength()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_catalogue_exports_to_excel_with_both_tables(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{Competencies(area)}/defaults", null)).StatusCode);
        var file = await api.GetAsync($"{Competencies(area)}?group=Teachers&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var names = stream.GetSheetNames();
        Assert.Equal(["สมรรถนะ", "หัวข้อการพัฒนา"], names);
        List<string?[]> Sheet(string name)
        {
            stream.Position = 0;
            return stream.Query(useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
        }
        Assert.Contains(Sheet(names[0]), row => row.Contains("C5") && row.Contains("จริยธรรมและจรรยาบรรณวิชาชีพครู") && row.Contains("สมรรถนะหลัก"));
        Assert.Contains(Sheet(names[1]), row => row.Contains("วิทยาการคำนวณและการสอน Coding") && row.Contains("วิทยาศาสตร์และเทคโนโลยี"));
    }
}
