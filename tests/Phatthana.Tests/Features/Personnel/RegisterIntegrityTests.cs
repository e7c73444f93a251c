using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Personnel;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Personnel;

/// <summary>The register stays whole when writes race, when IDs come from spreadsheets, and when legacy rows conflict.</summary>
public sealed class RegisterIntegrityTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Two_posts_given_the_same_person_at_once_leave_them_on_one(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var person = await host.PersonAsync(area, school);
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsJsonAsync($"/api/v1/schools/{school}/posts",
                new { positionNumber = Unique.PositionNumber(), postType = "Teacher", occupant = person })));
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
            // The loser hears 409 when the two really met, 422 ("already holds a post") when the first had already finished.
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created),
                a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
            Assert.Equal(1, await host.WithDbAsync(db => db.Posts.CountAsync(p => p.Occupant!.NationalId == person)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_retired_while_a_post_is_given_to_them_does_not_keep_the_post(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var person = await host.PersonAsync(area, school);
            var retired = Arrange.PersonBody(school, nationalId: person);
            retired["status"] = "Retired";
            await Task.WhenAll(
                admin.PostAsJsonAsync($"/api/v1/schools/{school}/posts", new { positionNumber = Unique.PositionNumber(), postType = "Teacher", occupant = person }),
                admin.PutAsJsonAsync($"/api/v1/people/{person}", retired));
            // Whichever went first, no retired person sits on a post.
            Assert.Equal(0, await host.WithDbAsync(db => db.Posts.CountAsync(p => p.Occupant!.NationalId == person && p.Occupant.Status != PersonStatus.Active)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_id_with_a_spreadsheets_trailing_point_zero_is_stored_as_its_13_digits(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var id = Unique.NationalId();

        var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", Arrange.PersonBody(school, nationalId: id + ".0"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(id, (await created.JsonAsync()).GetProperty("nationalId").GetString());
        // The same person in a file, written the way a number cell comes out, is the same record.
        var file = ImportFiles.Csv(With(PeopleHeader, Person(id + ".0", school, firstName: "แก้ชื่อ")));
        Assert.Equal((1, 0, 1), await (await admin.ImportAsync(area, "people", file, "people.csv")).ImportedAsync());
        Assert.Equal(["แก้ชื่อ"], await host.WithDbAsync(db => db.People.Where(p => p.NationalId == id).Select(p => p.FirstName).ToListAsync()));
        var user = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = Unique.Email("teacher"), password = AppHost.Password, displayName = "ครู", role = "Teacher", areas = new[] { area }, school, nationalId = id + ".0",
        });
        Assert.Equal(id, (await user.JsonAsync()).GetProperty("nationalId").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_posts_file_naming_a_number_two_schools_already_share_is_an_error_on_that_row(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area, "โรงเรียนหนึ่ง"), await host.SchoolAsync(area, "โรงเรียนสอง"));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var number = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/schools/{a}/posts", new { positionNumber = number, postType = "Teacher" })).StatusCode);
        // Legacy data: the same number on a second school's register, as the old register had it.
        await host.WithDbAsync(async db =>
        {
            var post = await db.Posts.AsNoTracking().SingleAsync(p => p.PositionNumber == number);
            db.Posts.Add(new Post { AreaId = post.AreaId, SchoolId = await db.Schools.Where(s => s.Code == b).Select(s => s.Id).SingleAsync(), PositionNumber = number });
            return await db.SaveChangesAsync();
        });

        var other = Unique.PositionNumber();
        var errors = await (await admin.ImportAsync(area, "posts", ImportFiles.Csv(With(PostsHeader, Post(a, other), Post(b, number))), "posts.csv")).ImportErrorsAsync();
        var error = Assert.Single(errors);
        Assert.Equal((3, "positionNumber"), (error.Row ?? 0, error.Field));
        Assert.Contains("โรงเรียนหนึ่ง", error.Message);
        Assert.Contains("โรงเรียนสอง", error.Message);
        Assert.Equal(0, await host.WithDbAsync(db => db.Posts.CountAsync(p => p.PositionNumber == other)));
        // A file that leaves that number alone imports.
        Assert.Equal((1, 1, 0), await (await admin.ImportAsync(area, "posts", ImportFiles.Csv(With(PostsHeader, Post(a, other))), "posts.csv")).ImportedAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_large_schools_emis_total_row_is_checked_not_refused_by_a_grade_limit(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area, type: "Secondary");
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var emis = ImportFiles.Xlsx(With(EmisHeader, ["ม.1", 3000, 2900, 5900, 120], ["ม.2", 2800, 2700, 5500, 110], ["รวมทั้งหมด", 5800, 5600, 11400, 230]));
        Assert.Equal((3, 2, 0), await (await admin.ImportAsync(area, "student-counts", emis, "emis.xlsx", $"academicYear=2568&school={school}")).ImportedAsync());
    }
}
