using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Id = Phatthana.Web.Features.Personnel.NationalId;

namespace Phatthana.Tests.Features.Personnel;

public sealed class PeopleApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static IEnumerable<JsonElement> Items(JsonElement list) => list.EnumerateArray();

    private static async Task<JsonElement> ListAsync(HttpClient client, string area, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/areas/{area}/people{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_is_201_with_the_pinned_fields_and_reads_back(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var body = Arrange.PersonBody(school, firstName: "มาลี", lastName: "ศรีสุข");
        body["teachingSubjectAreas"] = new[] { "Thai", "SocialStudies" };
        var id = (string)body["nationalId"]!;

        var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/people/{id}", created.Headers.Location?.ToString());

        var person = await (await admin.GetAsync($"/api/v1/people/{id}")).JsonAsync();
        Assert.Equal(id, person.GetProperty("nationalId").GetString());
        Assert.Equal("นางสาว", person.GetProperty("title").GetString());
        Assert.Equal("มาลี", person.GetProperty("firstName").GetString());
        Assert.Equal("ศรีสุข", person.GetProperty("lastName").GetString());
        Assert.Equal("Female", person.GetProperty("gender").GetString());
        Assert.Equal("1985-06-15", person.GetProperty("birthDate").GetString());
        Assert.Equal("Teacher", person.GetProperty("position").GetString());
        Assert.Equal("Professional", person.GetProperty("academicStanding").GetString());
        Assert.Equal("Thai", person.GetProperty("major").GetString());
        Assert.Equal(["SocialStudies", "Thai"], person.GetProperty("teachingSubjectAreas").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal(school, person.GetProperty("school").GetString());
        Assert.Equal("2010-05-16", person.GetProperty("startDate").GetString());
        Assert.Equal("Active", person.GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_bad_check_digit_is_422_on_nationalId_and_a_second_record_of_one_id_is_409(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var url = $"/api/v1/areas/{area}/people";

        var good = Unique.NationalId();
        var bad = good[..12] + (char)('0' + (good[12] - '0' + 1) % 10);
        var wrong = await admin.PostAsJsonAsync(url, Arrange.PersonBody(school, nationalId: bad));
        Assert.Equal(["nationalId"], await wrong.ErrorFieldsAsync());
        Assert.Contains("เลขตรวจสอบ", (await wrong.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url, Arrange.PersonBody(school, nationalId: good))).StatusCode);
        // The same number typed with dashes is the same person.
        var again = await admin.PostAsJsonAsync(url, Arrange.PersonBody(school, firstName: "อื่น", nationalId: Id.Format(good)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Single(Items(await ListAsync(admin, area)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_is_422_naming_the_field_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var url = $"/api/v1/areas/{area}/people";

        var cases = new (string Field, Action<Dictionary<string, object?>> Spoil)[]
        {
            ("position", b => b["position"] = "Wizard"),
            ("birthDate", b => b["birthDate"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd")),
            ("school", b => b["school"] = "9999999999"),
            ("division", b => b["division"] = "กลุ่มบริหารงานบุคคล"),
            ("birthDate", b => b["birthDate"] = "31/02/2528"),
            ("title", b => b["title"] = "คุณ"),
        };
        foreach (var (field, spoil) in cases)
        {
            var body = Arrange.PersonBody(school);
            spoil(body);
            var response = await admin.PostAsJsonAsync(url, body);
            Assert.Equal([field], await response.ErrorFieldsAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/people/{body["nationalId"]}")).StatusCode);
        }
        Assert.Empty(Items(await ListAsync(admin, area)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teaching_level_is_saved_by_code_or_thai_label_changed_and_cleared(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var body = Arrange.PersonBody(school);
        body["teachingLevel"] = "LowerSecondary";
        var id = (string)body["nationalId"]!;

        var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("LowerSecondary", (await created.JsonAsync()).GetProperty("teachingLevel").GetString());
        Assert.Equal("LowerSecondary", (await (await admin.GetAsync($"/api/v1/people/{id}")).JsonAsync()).GetProperty("teachingLevel").GetString());

        // The Thai label, as the pages show it, is read too.
        body["teachingLevel"] = "ประถมศึกษา";
        var updated = await admin.PutAsJsonAsync($"/api/v1/people/{id}", body);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Primary", (await updated.JsonAsync()).GetProperty("teachingLevel").GetString());
        Assert.Equal("Primary", Items(await ListAsync(admin, area)).Single().GetProperty("teachingLevel").GetString());

        body["teachingLevel"] = null;
        var cleared = await admin.PutAsJsonAsync($"/api/v1/people/{id}", body);
        Assert.Equal(JsonValueKind.Null, (await cleared.JsonAsync()).GetProperty("teachingLevel").ValueKind);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_teaching_level_is_422_on_teachingLevel_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var body = Arrange.PersonBody(school);
        body["teachingLevel"] = "อุดมศึกษา";

        var refused = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["teachingLevel"], await refused.ErrorFieldsAsync());
        var message = (await refused.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Contains("ระดับชั้นที่สอน \"อุดมศึกษา\"", message);
        Assert.Contains("มัธยมศึกษาตอนต้น (LowerSecondary)", message); // says what is allowed
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/people/{body["nationalId"]}")).StatusCode);

        // An update with a bad level leaves the record as it was.
        body["teachingLevel"] = "Primary";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body)).StatusCode);
        body["teachingLevel"] = "Tertiary";
        body["firstName"] = "เปลี่ยนแล้ว";
        Assert.Equal(["teachingLevel"], await (await admin.PutAsJsonAsync($"/api/v1/people/{body["nationalId"]}", body)).ErrorFieldsAsync());
        var kept = await (await admin.GetAsync($"/api/v1/people/{body["nationalId"]}")).JsonAsync();
        Assert.Equal(("Primary", "สมศรี"), (kept.GetProperty("teachingLevel").GetString(), kept.GetProperty("firstName").GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_filters_by_school_and_position(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var a = await host.SchoolAsync(area);
        var b = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var teacherA = await host.PersonAsync(area, a);
        var directorA = await host.PersonAsync(area, a, position: "Director");
        var teacherB = await host.PersonAsync(area, b);

        static string[] Ids(JsonElement list) => [.. Items(list).Select(p => p.GetProperty("nationalId").GetString()!).Order()];
        Assert.Equal(new[] { teacherA, directorA, teacherB }.Order(), Ids(await ListAsync(admin, area)));
        Assert.Equal(new[] { teacherA, directorA }.Order(), Ids(await ListAsync(admin, area, $"?school={a}")));
        Assert.Equal(new[] { teacherA, teacherB }.Order(), Ids(await ListAsync(admin, area, "?position=Teacher")));
        Assert.Equal([directorA], Ids(await ListAsync(admin, area, $"?school={a}&position=Director")));
        Assert.Empty(Ids(await ListAsync(admin, area, $"?school={b}&position=Director")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task National_ids_are_masked_for_supervisors_and_assessors_and_whole_for_the_staff_who_keep_records(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school);
        var masked = $"{id[0]}-{id[1..5]}-xxxxx-xx-{id[12]}";

        foreach (var role in new[] { Role.Supervisor, Role.Assessor })
        {
            var client = await host.UserAsync(role, area);
            var row = Assert.Single(Items(await ListAsync(client, area)));
            Assert.Equal(masked, row.GetProperty("nationalId").GetString());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("birthDate").ValueKind);
            Assert.DoesNotContain(id, await (await client.GetAsync($"/api/v1/areas/{area}/people")).Content.ReadAsStringAsync());
            // Searching by a prefix cannot spell the number out; one record read by its number is masked too.
            Assert.Empty(Items(await ListAsync(client, area, $"?q={id[..8]}")));
            var one = await (await client.GetAsync($"/api/v1/people/{id}")).JsonAsync();
            Assert.Equal(masked, one.GetProperty("nationalId").GetString());
            Assert.Equal(JsonValueKind.Null, one.GetProperty("birthDate").ValueKind);
        }
        foreach (var client in new[] { await host.UserAsync(Role.AreaAdmin, area), await host.UserAsync(Role.SchoolAdmin, area, school) })
        {
            var row = Assert.Single(Items(await ListAsync(client, area)));
            Assert.Equal(id, row.GetProperty("nationalId").GetString());
            Assert.Equal("1985-06-15", row.GetProperty("birthDate").GetString());
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_reads_their_own_record_whole_and_nobody_elses(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var own = await host.PersonAsync(area, school, firstName: "ตัวเอง");
        var colleague = await host.PersonAsync(area, school, firstName: "เพื่อน");
        var teacher = await host.UserAsync(Role.Teacher, area, school, nationalId: own);

        var me = await teacher.GetAsync($"/api/v1/people/{own}");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.JsonAsync();
        Assert.Equal(own, body.GetProperty("nationalId").GetString());
        Assert.Equal("ตัวเอง", body.GetProperty("firstName").GetString());
        Assert.Equal("1985-06-15", body.GetProperty("birthDate").GetString());
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/v1/people/{own}/history")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/people/{colleague}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/people/{colleague}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/areas/{area}/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PutAsJsonAsync($"/api/v1/people/{own}", Arrange.PersonBody(school, nationalId: own))).StatusCode);

        // A teacher account that names no person sees no one.
        var stranger = await host.UserAsync(Role.Teacher, area, school);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/people/{own}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_school_is_kept_in_the_history_and_retiring_vacates_the_post(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var first = await host.SchoolAsync(area, name: "โรงเรียนบ้านต้นทาง");
        var second = await host.SchoolAsync(area, name: "โรงเรียนบ้านปลายทาง");
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var body = Arrange.PersonBody(first);
        var id = (string)body["nationalId"]!;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body)).StatusCode);

        body["school"] = second;
        body["effectiveDate"] = "2024-05-16";
        var moved = await admin.PutAsJsonAsync($"/api/v1/people/{id}", body);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(second, (await moved.JsonAsync()).GetProperty("school").GetString());

        var history = await (await admin.GetAsync($"/api/v1/people/{id}/history")).JsonAsync();
        Assert.Equal(["Moved", "Joined"], Items(history).Select(h => h.GetProperty("event").GetString()));
        Assert.Equal("2024-05-16", history[0].GetProperty("effectiveDate").GetString());
        Assert.Equal("โรงเรียนบ้านปลายทาง", history[0].GetProperty("workplace").GetString());
        Assert.Equal("โรงเรียนบ้านต้นทาง", history[1].GetProperty("workplace").GetString());
        Assert.Equal("2010-05-16", history[1].GetProperty("effectiveDate").GetString());

        var number = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/schools/{second}/posts",
            new { positionNumber = number, postType = "Teacher", occupant = id })).StatusCode);
        Assert.Equal(number, (await (await admin.GetAsync($"/api/v1/people/{id}")).JsonAsync()).GetProperty("positionNumber").GetString());

        body["status"] = "Retired";
        body["effectiveDate"] = "2025-09-30";
        var retired = await (await admin.PutAsJsonAsync($"/api/v1/people/{id}", body)).JsonAsync();
        Assert.Equal("Retired", retired.GetProperty("status").GetString());
        Assert.Equal("2025-09-30", retired.GetProperty("statusDate").GetString());
        Assert.Equal(JsonValueKind.Null, retired.GetProperty("positionNumber").ValueKind);
        var post = Assert.Single(Items(await (await admin.GetAsync($"/api/v1/schools/{second}/posts")).JsonAsync()));
        Assert.Equal(number, post.GetProperty("positionNumber").GetString());
        Assert.Equal(JsonValueKind.Null, post.GetProperty("occupant").ValueKind);
        history = await (await admin.GetAsync($"/api/v1/people/{id}/history")).JsonAsync();
        Assert.Equal("StatusChanged", history[0].GetProperty("event").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_areas_staff_get_404(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school);
        var stranger = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/people/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/v1/people/{id}", Arrange.PersonBody(school, nationalId: id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/areas/{area}/people")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/v1/areas/{area}/people", Arrange.PersonBody(school))).StatusCode);

        // A director of one school neither sees nor adds people of another school of the same area.
        var other = await host.SchoolAsync(area);
        var director = await host.UserAsync(Role.SchoolAdmin, area, other);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Empty(Items(await ListAsync(director, area)));
        Assert.Equal(["school"], await (await director.PostAsJsonAsync($"/api/v1/areas/{area}/people", Arrange.PersonBody(school))).ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_xlsx_export_masks_ids_for_an_assessor(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var id = await host.PersonAsync(area, school, firstName: "ส่งออก");
        var assessor = await host.UserAsync(Role.Assessor, area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        async Task<object?[]> RowOf(HttpClient client)
        {
            var file = await client.GetAsync($"/api/v1/areas/{area}/people?format=xlsx");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var sheet = Workbook.Read(await file.Content.ReadAsByteArrayAsync());
            var header = Workbook.HeaderRow(sheet, "ชื่อ-นามสกุล");
            var row = Assert.Single(Workbook.RowsAfter(sheet, "ชื่อ-นามสกุล"));
            Assert.Equal("นางสาวส่งออก ทดสอบ", row[0]?.ToString());
            return [row[Array.IndexOf(header, "เลขประจำตัวประชาชน")], row.Length > Array.IndexOf(header, "วันเกิด") ? row[Array.IndexOf(header, "วันเกิด")] : null];
        }

        var seen = await RowOf(assessor);
        Assert.Equal(Id.Mask(id), seen[0]?.ToString());
        Assert.True(seen[1] is null or "", $"birth date shown to an assessor: {seen[1]}");
        var whole = await RowOf(admin);
        Assert.Equal(Id.Format(id), whole[0]?.ToString());
        Assert.NotNull(whole[1]);
    }
}
