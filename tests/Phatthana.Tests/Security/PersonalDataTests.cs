using System.Net;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Tests.Security;

/// <summary>PDPA: every export is logged (who, what, when), and seen only by the area's own auditors.</summary>
public sealed class PersonalDataTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Every_export_is_logged_with_who_what_and_when(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        await host.PersonAsync(area, school);
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var staff = await host.BearerAsync(email, AppHost.Password);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        foreach (var format in new[] { "xlsx", "pdf" })
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/areas/{area}/people?format={format}")).StatusCode);
        // A read that is not a file is not an export.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/areas/{area}/people")).StatusCode);

        var log = (await (await staff.GetAsync($"/api/v1/audit?entity={ExportLog.Entity}")).JsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("user").GetString() == email).ToList();
        Assert.Equal(2, log.Count);
        Assert.All(log, e =>
        {
            Assert.Equal("Export", e.GetProperty("action").GetString());
            Assert.True(e.GetProperty("at").GetDateTimeOffset() >= before);
            Assert.Contains($"/api/v1/areas/{area}/people", e.GetProperty("after").GetString());
            Assert.Contains("\"rows\":1", e.GetProperty("after").GetString());
        });
        Assert.Equal(["pdf", "xlsx"], log.Select(e => Path.GetExtension(e.GetProperty("entityKey").GetString())!.TrimStart('.')).Order());

        // Another area's staff do not see this area's exports; the audit page lists them in Thai.
        var foreign = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.DoesNotContain((await (await foreign.GetAsync($"/api/v1/audit?entity={ExportLog.Entity}")).JsonAsync()).EnumerateArray(),
            e => e.GetProperty("user").GetString() == email);
        var page = await Browserless.SignInAsync(host, email, AppHost.Password);
        var (_, doc) = await page.GetAsync($"/audit?entity={ExportLog.Entity}");
        Assert.Contains("ส่งออก", doc.Body!.TextContent);
        Assert.Contains("การส่งออกไฟล์", doc.Body!.TextContent);
    }
}
