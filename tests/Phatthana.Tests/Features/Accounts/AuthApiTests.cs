using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Setup;

namespace Phatthana.Tests.Features.Accounts;

public sealed class AuthApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Token_for_good_credentials_and_401_otherwise(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var client = host.Anonymous();

        var ok = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppHost.Password });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.JsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password-9" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@phatthana.test", password = "wrong-password-9" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        // The same answer for a wrong password and an unknown account: no user enumeration.
        Assert.Equal((await wrong.JsonAsync()).GetProperty("detail").GetString(), (await unknown.JsonAsync()).GetProperty("detail").GetString());

        // Anything but good credentials is 401 (API.md), whatever is wrong with the request.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "not-an-email" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/token", new StringContent("{ email: ", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/token", new StringContent("", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/auth/token", new StringContent("email=x", System.Text.Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Five_failures_lock_the_account(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.Teacher, area);
        var client = host.Anonymous();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password-9" })).StatusCode);
        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppHost.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.True(await host.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Missing_bad_revoked_tokens_and_disabled_users_are_401(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);

        var none = await host.Anonymous().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        var forged = host.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pht_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me")).StatusCode);

        var client = await host.BearerAsync(email, AppHost.Password);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal([area], me.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);

        var again = await host.BearerAsync(email, AppHost.Password);
        var admin = await host.AdminAsync();
        var id = me.GetProperty("id").GetString();
        var disable = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { email, displayName = "ปิดใช้งาน", role = "AreaAdmin", areas = new[] { area }, isActive = false });
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password = AppHost.Password })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_expired_token_is_401_and_another_token_of_the_same_user_still_works(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.Supervisor, area);
        var first = await host.BearerAsync(email, AppHost.Password);
        var second = await host.BearerAsync(email, AppHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/me")).StatusCode);

        var hash = Phatthana.Web.Shared.Auth.ApiTokenCodec.Hash(first.DefaultRequestHeaders.Authorization!.Parameter!);
        Assert.Equal(1, await host.WithDbAsync(db => db.ApiTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/me")).StatusCode);
        var me = await (await second.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal([area], me.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_removed_grant_takes_effect_on_the_next_request(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var areaA = await host.AreaAsync();
        var areaB = await host.AreaAsync();
        var admin = await host.AdminAsync();
        var email = Unique.Email();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = AppHost.Password, displayName = "สองเขต", role = "Assessor", areas = new[] { areaA, areaB } });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        var client = await host.BearerAsync(email, AppHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/areas/{areaB}/schools")).StatusCode);

        await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { email, displayName = "สองเขต", role = "Assessor", areas = new[] { areaA } });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/areas/{areaB}/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/areas/{areaA}/schools")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task First_admin_is_created_only_into_an_empty_user_table(DatabaseProvider provider)
    {
        var host = await Host(provider);
        // The host's bootstrap SystemAdmin exists and can sign in.
        var me = await (await (await host.AdminAsync()).GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal("SystemAdmin", me.GetProperty("role").GetString());

        // Running the bootstrap again with other credentials changes nothing: users already exist.
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Phatthana.Web.Shared.Auth.UserScope>().UseSystem();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync("second@phatthana.test", "second-password-1");
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "second@phatthana.test")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_password_revokes_tokens_already_issued(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.Teacher, area, await host.SchoolAsync(area));
        var client = await host.BearerAsync(email, AppHost.Password);
        var me = await (await client.GetAsync("/api/v1/me")).JsonAsync();

        var admin = await host.AdminAsync();
        var reset = await admin.PutAsJsonAsync($"/api/v1/users/{me.GetProperty("id").GetString()}", new
        {
            email, password = "brand-new-password-2", displayName = "ครู", role = "Teacher", areas = new[] { area }, school = me.GetProperty("school").GetString(),
        });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.BearerAsync(email, "brand-new-password-2")).GetAsync("/api/v1/me")).StatusCode);
    }
}
