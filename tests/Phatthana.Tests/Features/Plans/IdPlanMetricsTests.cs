using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Features.Development;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;

namespace Phatthana.Tests.Features.Plans;

/// <summary>
/// Plan KPIs bound to the ID Plan metrics on both databases: "ส่งแล้ว" follows a plan being submitted, "อนุมัติแล้ว" its
/// approval, counted as the ID Plan progress page counts (civil servants only; a returned plan is not handed in), and an
/// area with nobody to count has no actual yet.
/// </summary>
public sealed class IdPlanMetricsTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string Topic = "การวิจัยในชั้นเรียน";
    private static readonly (string, int, string[])[] Need = [(Topic, 1, ["Workshop"])];

    private static async Task<Guid> PlanAsync(DevelopmentWorld w)
    {
        var plan = await w.AreaApi.PostAsJsonAsync($"/api/v1/areas/{w.Area}/plans", new
        {
            name = $"แผนพัฒนาครู {Unique.SchoolCode()}", kind = "MultiYear", startFiscalYear = DevelopmentWorld.Year, endFiscalYear = DevelopmentWorld.Year + 1,
        });
        Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync());
        var id = (await plan.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await w.AreaApi.PostAsJsonAsync($"/api/v1/plans/{id}/strategies", new { number = 3, name = "ส่งเสริมการพัฒนาครูและบุคลากรทางการศึกษา" })).StatusCode);
        foreach (var (metric, name) in new[] { ("id-plans-submitted", "ส่งแล้ว"), ("id-plans-approved", "อนุมัติแล้ว") })
        {
            var kpi = await w.AreaApi.PostAsJsonAsync($"/api/v1/plans/{id}/kpis", new
            {
                name = $"ร้อยละ ๑๐๐ ของบุคลากรในสังกัดจัดทำแผนพัฒนาตนเอง ({name})", unit = "Percent", strategy = "3", metric,
                targets = new[] { new { fiscalYear = DevelopmentWorld.Year, target = 100 } },
            });
            Assert.True(kpi.StatusCode == HttpStatusCode.Created, await kpi.Content.ReadAsStringAsync());
        }
        return id;
    }

    /// <summary>The year's (actual, light) of the KPI bound to <paramref name="metric"/>.</summary>
    private static async Task<(decimal? Actual, string? Light)> YearAsync(DevelopmentWorld w, Guid plan, string metric)
    {
        var json = await (await w.AreaApi.GetAsync($"/api/v1/plans/{plan}")).JsonAsync();
        var year = json.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("metric").GetString() == metric)
            .GetProperty("years").EnumerateArray().Single(y => y.GetProperty("fiscalYear").GetInt32() == DevelopmentWorld.Year);
        var actual = year.GetProperty("actual");
        return (actual.ValueKind == JsonValueKind.Null ? null : actual.GetDecimal(), year.GetProperty("light").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bound_kpis_follow_plans_being_submitted_and_approved(DatabaseProvider provider)
    {
        var w = await DevelopmentWorld.ArrangeAsync(await Host(provider));
        var plan = await PlanAsync(w);
        // Nobody on the register yet: nothing to judge.
        Assert.Equal((null, "None"), await YearAsync(w, plan, "id-plans-submitted"));

        var school = await w.Host.SchoolAsync(w.Area);
        var people = new List<string>();
        for (var i = 0; i < 4; i++) people.Add(await w.PersonAsync(school, firstName: $"ครูคนที่{i + 1}"));
        // A contract teacher's plan does not count (ID Plan progress leaves them out).
        var contract = await w.PersonAsync(school, "ContractTeacher", firstName: "ครูอัตราจ้าง");
        await w.PlanAsync(contract, "Teachers", IdPlanStatus.Approved, Need);
        Assert.Equal((0m, "Red"), await YearAsync(w, plan, "id-plans-submitted"));
        Assert.Equal((0m, "Red"), await YearAsync(w, plan, "id-plans-approved"));

        // A draft is not handed in; submitted counts as handed in but not approved.
        await w.PlanAsync(people[0], "Teachers", IdPlanStatus.Draft, Need);
        Assert.Equal(0m, (await YearAsync(w, plan, "id-plans-submitted")).Actual);
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PostAsJsonAsync($"/api/v1/people/{people[0]}/id-plans/{DevelopmentWorld.Year}/submit", new { })).StatusCode);
        Assert.Equal((25m, "Red"), await YearAsync(w, plan, "id-plans-submitted"));
        Assert.Equal(0m, (await YearAsync(w, plan, "id-plans-approved")).Actual);

        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PostAsJsonAsync($"/api/v1/people/{people[0]}/id-plans/{DevelopmentWorld.Year}/approve", new { })).StatusCode);
        Assert.Equal(25m, (await YearAsync(w, plan, "id-plans-approved")).Actual);

        // Two more approved and one returned: 3 of 4 handed in and approved — 75 % of a 100 % target is below the 80 % of "close".
        await w.PlanAsync(people[1], "Teachers", IdPlanStatus.Approved, Need);
        await w.PlanAsync(people[2], "Teachers", IdPlanStatus.Approved, Need);
        await w.PlanAsync(people[3], "Teachers", IdPlanStatus.Returned, Need);
        Assert.Equal((75m, "Red"), await YearAsync(w, plan, "id-plans-submitted"));
        Assert.Equal((75m, "Red"), await YearAsync(w, plan, "id-plans-approved"));

        // The returned plan handed in again: all four submitted (green), three approved.
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PostAsJsonAsync($"/api/v1/people/{people[3]}/id-plans/{DevelopmentWorld.Year}/submit", new { })).StatusCode);
        Assert.Equal((100m, "Green"), await YearAsync(w, plan, "id-plans-submitted"));
        Assert.Equal((75m, "Red"), await YearAsync(w, plan, "id-plans-approved"));
        Assert.Equal(HttpStatusCode.OK, (await w.AreaApi.PostAsJsonAsync($"/api/v1/people/{people[3]}/id-plans/{DevelopmentWorld.Year}/approve", new { })).StatusCode);
        Assert.Equal((100m, "Green"), await YearAsync(w, plan, "id-plans-approved"));

        // The metrics are listed for binding, and an entered actual is refused for a bound KPI.
        var metrics = await (await w.AreaApi.GetAsync("/api/v1/kpi-metrics")).JsonAsync();
        Assert.Contains(metrics.EnumerateArray(), m => m.GetProperty("key").GetString() == "id-plans-approved"
            && m.GetProperty("name").GetString() == "ร้อยละของบุคลากรที่จัดทำแผนพัฒนาตนเอง (อนุมัติแล้ว)" && m.GetProperty("unit").GetString() == "Percent");
        var bound = (await (await w.AreaApi.GetAsync($"/api/v1/plans/{plan}")).JsonAsync()).GetProperty("kpis")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await w.AreaApi.PutAsJsonAsync($"/api/v1/kpis/{bound}/actuals/{DevelopmentWorld.Year}/1", new { value = 10 })).StatusCode);
    }
}
