using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

public sealed class PostsImportTests(AppHosts hosts) : ProviderTests(hosts)
{
    /// <summary>The area's register: position number → (school, type, occupant).</summary>
    private static async Task<Dictionary<string, (string School, string Type, string? Occupant)>> RegisterAsync(HttpClient client, string area) =>
        (await (await client.GetAsync($"/api/v1/areas/{area}/posts/register")).JsonAsync()).EnumerateArray().ToDictionary(
            p => p.GetProperty("positionNumber").GetString()!,
            p => (p.GetProperty("school").GetString()!, p.GetProperty("postType").GetString()!, p.GetProperty("occupant").GetString()));

    [Theory, MemberData(nameof(Providers))]
    public async Task A_good_file_imports_and_importing_it_again_updates_without_duplicates(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            var director = await host.PersonAsync(area, a, position: "Director");
            var teacher = await host.PersonAsync(area, b);
            var (n1, n2, n3) = (Unique.PositionNumber(), Unique.PositionNumber(), Unique.PositionNumber());
            var rows = With(PostsHeader, Post(a, n1, "ผู้บริหาร", director), Post(a, n2, "ผู้สอน"), Post(b, n3, "Teacher", teacher));
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            Assert.Equal((3, 3, 0), await (await admin.ImportAsync(area, "posts", file, "posts" + format)).ImportedAsync());
            var register = await RegisterAsync(admin, area);
            Assert.Equal(3, register.Count);
            Assert.Equal((a, "Administrator", director), register[n1]);
            Assert.Equal((a, "Teacher", (string?)null), register[n2]);
            Assert.Equal((b, "Teacher", teacher), register[n3]);

            Assert.Equal((3, 0, 3), await (await admin.ImportAsync(area, "posts", file, "posts" + format)).ImportedAsync());
            Assert.Equal(register, await RegisterAsync(admin, area));
            var totals = (await (await admin.GetAsync($"/api/v1/areas/{area}/posts")).JsonAsync()).EnumerateArray().Single(t => t.GetProperty("school").GetString() == a);
            Assert.Equal(2, totals.GetProperty("posts").GetInt32());
            Assert.Equal(1, totals.GetProperty("vacant").GetInt32());
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_row_is_reported_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var teacherA = await host.PersonAsync(area, a);
        var teacherB = await host.PersonAsync(area, b);
        var contract = await host.PersonAsync(area, a, position: "ContractTeacher");
        var existing = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/schools/{a}/posts", new { positionNumber = existing, postType = "Teacher" })).StatusCode);
        var n = Unique.PositionNumber();
        var rows = With(PostsHeader,
            Post(a, n, "ผู้สอน", teacherA),
            Post("9999999999", Unique.PositionNumber()),
            Post(a, Unique.PositionNumber(), "ลูกจ้าง"),
            Post(a, n),
            Post(a, Unique.PositionNumber(), "ผู้สอน", teacherB),
            Post(a, Unique.PositionNumber(), "ผู้สอน", contract),
            Post(a, Unique.PositionNumber(), "ผู้บริหาร", teacherA),
            Post(a, "", "ผู้สอน"),
            Post(a, Unique.PositionNumber(), "ผู้สอน", "1.74E+12"));

        foreach (var (content, name) in ImportFiles.BothFormats(rows, "posts"))
        {
            var errors = await (await admin.ImportAsync(area, "posts", content, name)).ImportErrorsAsync();
            Assert.Equal([(3, "school"), (4, "postType"), (5, "positionNumber"), (6, "occupant"), (7, "occupant"), (8, "occupant"), (9, "positionNumber"), (10, "occupant")],
                errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("9999999999", errors[0].Message);
            Assert.Contains("ลูกจ้าง", errors[1].Message);
            Assert.Contains("แถว 2", errors[2].Message);
            Assert.Contains("ย้ายสังกัด", errors[3].Message);
            Assert.Contains("ครูอัตราจ้าง", errors[4].Message);
            Assert.Contains("แถว 2", errors[5].Message); // the same occupant twice
            Assert.Contains("Excel", errors[7].Message);
        }
        Assert.Equal([existing], (await RegisterAsync(admin, area)).Keys);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_occupant_moves_from_one_post_to_another_within_one_file_in_either_order(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var (mover, second) = (await host.PersonAsync(area, school), await host.PersonAsync(area, school));
        var (from, to, other) = (Unique.PositionNumber(), Unique.PositionNumber(), Unique.PositionNumber());
        foreach (var (number, occupant) in new[] { (from, mover), (to, null), (other, second) })
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/schools/{school}/posts", new { positionNumber = number, postType = "Teacher", occupant })).StatusCode);

        // The new post is listed before the old one is vacated.
        var rows = With(PostsHeader, Post(school, to, "ผู้สอน", mover), Post(school, from, "ผู้สอน"));
        Assert.Equal((2, 0, 2), await (await admin.ImportAsync(area, "posts", ImportFiles.Xlsx(rows), "posts.xlsx")).ImportedAsync());
        var register = await RegisterAsync(admin, area);
        Assert.Equal(mover, register[to].Occupant);
        Assert.Null(register[from].Occupant);
        Assert.Equal(second, register[other].Occupant);

        // Someone who still holds a post the file does not mention cannot take another.
        var clash = With(PostsHeader, Post(school, from, "ผู้สอน", second));
        var error = Assert.Single(await (await admin.ImportAsync(area, "posts", ImportFiles.Csv(clash), "posts.csv")).ImportErrorsAsync());
        Assert.Equal((2, "occupant"), (error.Row, error.Field));
        Assert.Contains(other, error.Message);
        Assert.Null((await RegisterAsync(admin, area))[from].Occupant);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Schools_are_found_by_their_smis_or_obec_code_and_json_headers_work(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var row = (await (await admin.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync()).EnumerateArray().Single();
        var (smis, obec) = (row.GetProperty("smisCode").GetString()!, row.GetProperty("obecCode").GetString()!);
        var (n1, n2) = (Unique.PositionNumber(), Unique.PositionNumber());

        object?[][] rows = [["school", "positionNumber", "postType", "occupant"], [smis, n1, "Administrator", null], [obec, n2, "Teacher", null]];
        Assert.Equal((2, 2, 0), await (await admin.ImportAsync(area, "posts", ImportFiles.Csv(rows), "posts.csv")).ImportedAsync());
        var register = await RegisterAsync(admin, area);
        Assert.Equal(school, register[n1].School);
        Assert.Equal(school, register[n2].School);
    }
}
