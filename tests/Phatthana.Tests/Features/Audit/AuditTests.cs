using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Audit;

namespace Phatthana.Tests.Features.Audit;

public sealed class AuditTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Create_update_delete_are_recorded_with_who_and_before_after(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var admin = await host.BearerAsync(email, AppHost.Password);
        var code = Unique.SchoolCode();

        await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools", new { code, name = "ชื่อเดิม", type = "Primary", district = "ชะอำ" });
        await admin.PutAsJsonAsync($"/api/v1/schools/{code}", new { code, name = "ชื่อใหม่", type = "Primary", district = "ชะอำ" });
        await admin.DeleteAsync($"/api/v1/schools/{code}");

        var key = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "School" && a.Action == AuditAction.Create && a.After!.Contains(code))
            .Select(a => a.EntityKey).SingleAsync());
        var entries = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "School" && a.EntityKey == key).OrderBy(a => a.At).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(email, e.UserName));
        Assert.All(entries, e => Assert.NotNull(e.AreaId));

        var update = entries[1];
        var before = JsonDocument.Parse(update.Before!).RootElement;
        var after = JsonDocument.Parse(update.After!).RootElement;
        Assert.Equal("ชื่อเดิม", before.GetProperty("Name").GetString());
        Assert.Equal("ชื่อใหม่", after.GetProperty("Name").GetString());
        Assert.False(after.TryGetProperty("Code", out _)); // only what changed
        Assert.Null(entries[0].Before);
        Assert.Null(entries[2].After);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Refused_writes_leave_no_audit_entry(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var before = await host.WithDbAsync(db => db.AuditEntries.CountAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PutAsJsonAsync($"/api/v1/schools/{code}", new { code, name = "", type = "Primary", district = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools", new { code, name = "ซ้ำ", type = "Primary", district = "x" })).StatusCode);

        // Other tests may write meanwhile; none of the new entries may be about this school.
        var added = await host.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.At).Skip(before).ToListAsync());
        Assert.DoesNotContain(added, a => (a.After ?? "").Contains("ซ้ำ") || (a.Before ?? "").Contains(code) && a.Action != AuditAction.Create);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_admins_read_only_their_own_areas_log(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var areaA = await host.AreaAsync();
        var areaB = await host.AreaAsync();
        var schoolA = await host.SchoolAsync(areaA);
        var schoolB = await host.SchoolAsync(areaB);
        var adminA = await host.UserAsync(Role.AreaAdmin, areaA);

        var log = await (await adminA.GetAsync("/api/v1/audit?entity=School&take=1000")).JsonAsync();
        var texts = log.EnumerateArray().Select(e => e.GetProperty("after").GetString() ?? "").ToList();
        Assert.Contains(texts, t => t.Contains(schoolA));
        Assert.DoesNotContain(texts, t => t.Contains(schoolB));

        var teacher = await host.UserAsync(Role.Teacher, areaA, schoolA);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Passwords_never_reach_the_log(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.Teacher, area);
        var entry = await host.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == "AppUser" && a.After!.Contains(email)));
        Assert.Contains("\"PasswordHash\":\"***\"", entry.After);
        Assert.DoesNotContain("AQAAAA", entry.After); // the Identity hash prefix
    }
}
