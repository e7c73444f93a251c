using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Personnel;

public sealed class PostsApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string school, string number, string type, string? occupant = null) =>
        client.PostAsJsonAsync($"/api/v1/schools/{school}/posts", new { positionNumber = number, postType = type, occupant });

    private static async Task<List<JsonElement>> RegisterAsync(HttpClient client, string school) =>
        [.. (await (await client.GetAsync($"/api/v1/schools/{school}/posts")).JsonAsync()).EnumerateArray()];

    [Theory, MemberData(nameof(Providers))]
    public async Task Posts_are_created_and_the_area_totals_add_up(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var a = await host.SchoolAsync(area);
        var b = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var director = await host.PersonAsync(area, a, position: "Director");
        var teacher = await host.PersonAsync(area, a);
        var deputy = await host.PersonAsync(area, b, position: "DeputyDirector");
        var n1 = Unique.PositionNumber();

        var created = await AddAsync(admin, a, n1, "Administrator", director);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/schools/{a}/posts/{n1}", created.Headers.Location?.ToString());
        var post = await created.JsonAsync();
        Assert.Equal(n1, post.GetProperty("positionNumber").GetString());
        Assert.Equal("Administrator", post.GetProperty("postType").GetString());
        Assert.Equal(director, post.GetProperty("occupant").GetString());
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, a, Unique.PositionNumber(), "Teacher", teacher)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, a, Unique.PositionNumber(), "Teacher")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, b, Unique.PositionNumber(), "Administrator", deputy)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, b, Unique.PositionNumber(), "Administrator")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, b, Unique.PositionNumber(), "Teacher")).StatusCode);
        var empty = await host.SchoolAsync(area);

        var totals = (await (await admin.GetAsync($"/api/v1/areas/{area}/posts")).JsonAsync()).EnumerateArray()
            .ToDictionary(t => t.GetProperty("school").GetString()!);
        static int[] Figures(JsonElement t) =>
            [.. new[] { "posts", "filled", "vacant", "administrators", "teachers" }.Select(f => t.GetProperty(f).GetInt32())];
        Assert.Equal([3, 2, 1, 1, 2], Figures(totals[a]));
        Assert.Equal([3, 1, 2, 2, 1], Figures(totals[b]));
        Assert.Equal([0, 0, 0, 0, 0], Figures(totals[empty]));
        Assert.Equal(3, totals.Count);

        // The person's record names the post they hold.
        Assert.Equal(n1, (await (await admin.GetAsync($"/api/v1/people/{director}")).JsonAsync()).GetProperty("positionNumber").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_position_number_is_unique_in_the_area_even_at_another_school(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var a = await host.SchoolAsync(area);
        var b = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var number = Unique.PositionNumber();

        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, a, number, "Teacher")).StatusCode);
        var same = await AddAsync(admin, a, number, "Teacher");
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        var elsewhere = await AddAsync(admin, b, number, "Teacher");
        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        Assert.Contains(number, await elsewhere.Content.ReadAsStringAsync());
        Assert.Empty(await RegisterAsync(admin, b));

        // Another area has its own numbers.
        var otherArea = await host.AreaAsync();
        var otherSchool = await host.SchoolAsync(otherArea);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(await host.AdminAsync(), otherSchool, number, "Teacher")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_occupant_must_be_an_active_civil_servant_of_the_school_fitting_the_post_and_holding_no_other(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var other = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var elsewhere = await host.PersonAsync(area, other);
        var contract = await host.PersonAsync(area, school, position: "ContractTeacher");
        var teacher = await host.PersonAsync(area, school);
        var holder = await host.PersonAsync(area, school);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, school, Unique.PositionNumber(), "Teacher", holder)).StatusCode);
        var retiredBody = Arrange.PersonBody(school);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", retiredBody)).StatusCode);
        retiredBody["status"] = "Retired";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/people/{retiredBody["nationalId"]}", retiredBody)).StatusCode);

        var cases = new (string Occupant, string Type, string Says)[]
        {
            (elsewhere, "Teacher", "ย้ายสังกัด"),
            ((string)retiredBody["nationalId"]!, "Teacher", "เกษียณ"),
            (contract, "Teacher", "ครูอัตราจ้าง"),
            (teacher, "Administrator", "ผู้บริหาร"),
            (holder, "Teacher", "อยู่แล้ว"),
            (Unique.NationalId(), "Teacher", "ไม่พบบุคลากร"),
            (teacher[..12] + (char)('0' + (teacher[12] - '0' + 1) % 10), "Teacher", "เลขตรวจสอบ"),
        };
        foreach (var (occupant, type, says) in cases)
        {
            var response = await AddAsync(admin, school, Unique.PositionNumber(), type, occupant);
            Assert.Equal(["occupant"], await response.ErrorFieldsAsync());
            Assert.Contains(says, (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString());
        }
        Assert.Single(await RegisterAsync(admin, school)); // only the holder's post
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Put_and_delete_address_a_post_by_its_number(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var teacher = await host.PersonAsync(area, school);
        var number = Unique.PositionNumber();
        var taken = Unique.PositionNumber();
        await AddAsync(admin, school, number, "Teacher");
        await AddAsync(admin, school, taken, "Teacher");
        var url = $"/api/v1/schools/{school}/posts/{number}";

        var filled = await admin.PutAsJsonAsync(url, new { positionNumber = number, postType = "Teacher", occupant = teacher });
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.Equal(teacher, (await filled.JsonAsync()).GetProperty("occupant").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync(url, new { positionNumber = taken, postType = "Teacher" })).StatusCode);
        Assert.Equal(["postType"], await (await admin.PutAsJsonAsync(url, new { positionNumber = number })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/schools/{school}/posts/X{number}", new { positionNumber = number, postType = "Teacher" })).StatusCode);

        var renumbered = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, new { positionNumber = renumbered, postType = "Teacher", occupant = teacher })).StatusCode);
        var register = await RegisterAsync(admin, school);
        Assert.Equal(new[] { renumbered, taken }.Order(), register.Select(p => p.GetProperty("positionNumber").GetString()).Order());
        Assert.Equal(teacher, register.Single(p => p.GetProperty("positionNumber").GetString() == renumbered).GetProperty("occupant").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/schools/{school}/posts/{renumbered}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/schools/{school}/posts/{renumbered}")).StatusCode);
        Assert.Equal([taken], (await RegisterAsync(admin, school)).Select(p => p.GetProperty("positionNumber").GetString()));
        Assert.Equal(JsonValueKind.Null, (await (await admin.GetAsync($"/api/v1/people/{teacher}")).JsonAsync()).GetProperty("positionNumber").ValueKind);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_area_staff_change_the_register_and_only_their_own(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var number = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(await host.AdminAsync(), school, number, "Teacher")).StatusCode);

        var director = await host.UserAsync(Role.SchoolAdmin, area, school);
        Assert.Equal(HttpStatusCode.Forbidden, (await AddAsync(director, school, Unique.PositionNumber(), "Teacher")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.DeleteAsync($"/api/v1/schools/{school}/posts/{number}")).StatusCode);
        Assert.Single(await RegisterAsync(director, school));

        var stranger = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await AddAsync(stranger, school, Unique.PositionNumber(), "Teacher")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/schools/{school}/posts/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/areas/{area}/posts")).StatusCode);
        Assert.Single(await RegisterAsync(await host.AdminAsync(), school));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Occupants_ids_are_masked_for_a_supervisor_in_json_and_in_files(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var teacher = await host.PersonAsync(area, school);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(await host.AdminAsync(), school, Unique.PositionNumber(), "Teacher", teacher)).StatusCode);
        var masked = Phatthana.Web.Features.Personnel.NationalId.Mask(teacher);
        var supervisor = await host.UserAsync(Role.Supervisor, area);

        Assert.Equal(masked, Assert.Single(await RegisterAsync(supervisor, school)).GetProperty("occupant").GetString());
        var register = await (await supervisor.GetAsync($"/api/v1/areas/{area}/posts/register")).JsonAsync();
        Assert.Equal(masked, Assert.Single(register.EnumerateArray()).GetProperty("occupant").GetString());
        foreach (var url in new[] { $"/api/v1/schools/{school}/posts?format=xlsx", $"/api/v1/areas/{area}/posts/register?format=xlsx" })
        {
            var file = await supervisor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var cells = Workbook.Read(await file.Content.ReadAsByteArrayAsync()).SelectMany(r => r).Select(c => c?.ToString() ?? "").ToList();
            Assert.Contains(masked, cells);
            Assert.DoesNotContain(cells, c => c.Replace("-", "").Contains(teacher));
        }
        Assert.Equal(teacher, Assert.Single(await RegisterAsync(await host.UserAsync(Role.SchoolAdmin, area, school), school)).GetProperty("occupant").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_a_person_entered_by_mistake_vacates_their_post(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var teacher = await host.PersonAsync(area, school);
        var number = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(admin, school, number, "Teacher", teacher)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.UserAsync(Role.SchoolAdmin, area, school)).DeleteAsync($"/api/v1/people/{teacher}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{teacher}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/people/{teacher}")).StatusCode);
        var post = Assert.Single(await RegisterAsync(admin, school));
        Assert.Equal(number, post.GetProperty("positionNumber").GetString());
        Assert.Equal(JsonValueKind.Null, post.GetProperty("occupant").ValueKind);
    }
}
