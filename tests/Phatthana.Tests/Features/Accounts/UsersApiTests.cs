using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Accounts;

public sealed class UsersApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Area_admin_creates_users_in_its_own_area(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var areaAdmin = await host.UserAsync(Role.AreaAdmin, area);
        var email = Unique.Email("director");

        var created = await areaAdmin.PostAsJsonAsync("/api/v1/users",
            new { email, password = AppHost.Password, displayName = "นายสมชาย ใจงาม", role = "SchoolAdmin", areas = new[] { area }, school });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("SchoolAdmin", body.GetProperty("role").GetString());
        Assert.Equal(school, body.GetProperty("school").GetString());
        Assert.Equal([area], body.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));

        // The new user signs in and sees only their school.
        var director = await host.BearerAsync(email, AppHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/schools/{school}")).StatusCode);

        var list = await (await areaAdmin.GetAsync("/api/v1/users")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("email").GetString() == email);
        Assert.DoesNotContain(list.EnumerateArray(), u => u.GetProperty("role").GetString() == "SystemAdmin");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_admin_cannot_grant_other_areas_or_the_system_role(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var other = await host.AreaAsync();
        var areaAdmin = await host.UserAsync(Role.AreaAdmin, area);

        var foreign = await areaAdmin.PostAsJsonAsync("/api/v1/users",
            new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "Teacher", areas = new[] { area, other } });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var nonexistent = await areaAdmin.PostAsJsonAsync("/api/v1/users",
            new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "Teacher", areas = new[] { "NOPE99" } });
        Assert.Equal(HttpStatusCode.Forbidden, nonexistent.StatusCode);
        var system = await areaAdmin.PostAsJsonAsync("/api/v1/users",
            new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "SystemAdmin", areas = new[] { area } });
        Assert.Equal(HttpStatusCode.Forbidden, system.StatusCode);

        var teacher = await host.UserAsync(Role.Teacher, area, await host.SchoolAsync(area));
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync("/api/v1/users",
            new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "Teacher", areas = new[] { area } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/v1/users")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PostAsJsonAsync("/api/v1/users",
            new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "Teacher", areas = new[] { area } })).StatusCode);

        // A SystemAdmin naming an unknown area gets a field error instead.
        var admin = await host.AdminAsync();
        Assert.Equal(["areas"], await (await admin.PostAsJsonAsync("/api/v1/users",
            new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "Teacher", areas = new[] { "NOPE99" } })).ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_user_input_is_422_and_duplicate_email_409(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.AdminAsync();

        var bad = await admin.PostAsJsonAsync("/api/v1/users", new { email = "nope", displayName = "", role = "Teacher", areas = Array.Empty<string>() });
        Assert.Equal(["email", "displayName", "password", "areas"], await bad.ErrorFieldsAsync());

        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { email = Unique.Email(), password = "short", displayName = "x", role = "Teacher", areas = new[] { area } });
        var fields = await weak.ErrorFieldsAsync();
        Assert.All(fields, f => Assert.Equal("password", f));
        Assert.Contains("อย่างน้อย 8", (await weak.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString());

        var noSchool = await admin.PostAsJsonAsync("/api/v1/users", new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "SchoolAdmin", areas = new[] { area } });
        Assert.Equal(["school"], await noSchool.ErrorFieldsAsync());
        var badRole = await admin.PostAsJsonAsync("/api/v1/users", new { email = Unique.Email(), password = AppHost.Password, displayName = "x", role = "Principal", areas = new[] { area } });
        Assert.Equal(["role"], await badRole.ErrorFieldsAsync());

        var email = await host.UserAccountAsync(Role.Teacher, area);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/users", new { email = email.ToUpperInvariant(), password = AppHost.Password, displayName = "x", role = "Teacher", areas = new[] { area } });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_admin_cannot_edit_users_of_other_areas(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var other = await host.AreaAsync();
        var areaAdmin = await host.UserAsync(Role.AreaAdmin, area);
        var outsider = await (await host.UserAsync(Role.Teacher, other, await host.SchoolAsync(other))).GetAsync("/api/v1/me");
        var id = (await outsider.JsonAsync()).GetProperty("id").GetString();

        var response = await areaAdmin.PutAsJsonAsync($"/api/v1/users/{id}", new { email = Unique.Email(), displayName = "ยึด", role = "Teacher", areas = new[] { area } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(u => u.DisplayName == "ยึด")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_user_who_also_works_in_another_area_is_left_to_the_system_admin(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var other = await host.AreaAsync();
        var admin = await host.AdminAsync();
        var email = Unique.Email("assessor");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = AppHost.Password, displayName = "กรรมการสองเขต", role = "Assessor", areas = new[] { area, other } });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        var areaAdmin = await host.UserAsync(Role.AreaAdmin, area);
        Assert.DoesNotContain((await (await areaAdmin.GetAsync("/api/v1/users")).JsonAsync()).EnumerateArray(), u => u.GetProperty("email").GetString() == email);
        var attempt = await areaAdmin.PutAsJsonAsync($"/api/v1/users/{id}", new { email, password = "new-password-1", displayName = "x", role = "Assessor", areas = new[] { area } });
        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.BearerAsync(email, AppHost.Password)).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_users_national_id_is_checked_and_changing_it_ends_their_sessions(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var email = Unique.Email("teacher");
        object Body(string? nationalId) => new
        {
            email, password = AppHost.Password, displayName = "นางสาวครู ทดสอบ", role = "Teacher", areas = new[] { area }, school, nationalId,
        };

        Assert.Equal(["nationalId"], await (await admin.PostAsJsonAsync("/api/v1/users", Body("1.74E+12"))).ErrorFieldsAsync());
        Assert.Equal(["nationalId"], await (await admin.PostAsJsonAsync("/api/v1/users", Body("1234567890123"))).ErrorFieldsAsync());
        Assert.False(await host.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var own = await host.PersonAsync(area, school);
        var created = await admin.PostAsJsonAsync("/api/v1/users", Body(Phatthana.Web.Features.Personnel.NationalId.Format(own)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        Assert.Equal(own, (await created.JsonAsync()).GetProperty("nationalId").GetString());
        var teacher = await host.BearerAsync(email, AppHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/v1/people/{own}")).StatusCode);

        // Another person's ID on the account: the old token no longer works, and the new record is the one they see.
        var other = await host.PersonAsync(area, school);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{id}", Body(other))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await teacher.GetAsync($"/api/v1/people/{own}")).StatusCode);
        var again = await host.BearerAsync(email, AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/api/v1/people/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/api/v1/people/{other}")).StatusCode);
    }
}
