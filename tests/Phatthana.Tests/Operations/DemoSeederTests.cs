using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Setup;

namespace Phatthana.Tests.Operations;

/// <summary>A fresh database with Phatthana__SeedDemo on gets seed 000's area, and its demo accounts can sign in.</summary>
public sealed class DemoSeederTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Demo_area_matches_seed_000(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, seedDemo: true, name: "demo");
        var schools = await host.WithDbAsync(db => db.Schools.Where(s => db.Areas.Any(a => a.Id == s.AreaId && a.Code == DemoSeeder.AreaCode)).ToListAsync());
        Assert.Equal(104, schools.Count);
        Assert.Equal(83, schools.Count(s => s.Type == SchoolType.Primary));
        Assert.Equal(21, schools.Count(s => s.Type == SchoolType.ExtendedOpportunity));
        Assert.Equal(12, await host.WithDbAsync(db => db.SchoolNetworks.CountAsync()));
        Assert.All(await host.WithDbAsync(db => db.SchoolNetworks.Select(n => db.Schools.Count(s => s.NetworkId == n.Id)).ToListAsync()),
            members => Assert.InRange(members, 7, 15));

        var counts = await host.WithDbAsync(db => db.StudentCounts.ToListAsync());
        var latest = counts.Max(c => c.AcademicYear);
        var perSchool = counts.Where(c => c.AcademicYear == latest).GroupBy(c => c.SchoolId).Select(g => g.Sum(c => c.Boys + c.Girls)).ToList();
        Assert.InRange(perSchool.Sum(), 13_000, 17_000);
        Assert.Equal(75, perSchool.Count(n => n < 120));
        Assert.Contains(counts, c => c.AcademicYear == latest - 1);

        foreach (var (email, _, _) in DemoSeeder.Accounts)
            Assert.Equal(HttpStatusCode.OK, (await (await host.BearerAsync(email, DemoSeeder.Password)).GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_database_with_users_never_gets_the_demo_accounts(DatabaseProvider provider)
    {
        var (key, cs, drop) = await TestDatabases.CreateAsync(provider, "restart");
        // First start: a real install, empty, with its own administrator.
        await using (AppHost.StartOn(provider, key, cs, () => Task.CompletedTask, seedDemo: false, bootstrapAdmin: true)) { }
        // Restarted later without SeedDemo=false (the default is true): still no demo.
        await using var restarted = AppHost.StartOn(provider, key, cs, drop, seedDemo: true, bootstrapAdmin: false);
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Areas.CountAsync()));
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Users.CountAsync(u => u.Email == DemoSeeder.Accounts[0].Email)));
        var refused = await restarted.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = DemoSeeder.Accounts[0].Email, password = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
