using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Plans;

/// <summary>
/// Plans over HTTP on both databases: a three-year plan with a strategy, a project and KPIs; bad input (targets outside the
/// plan's years, negative budgets, a metric of another unit) refused with nothing saved; an entered actual lights up against
/// its target; a KPI bound to TEPE Online changes when a completion is imported; who may read and write.
/// </summary>
public sealed class PlansApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly int ThisYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));

    private sealed record World(AppHost Host, string Area, HttpClient Api, Guid Plan, Guid Strategy);

    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var plan = await api.PostAsJsonAsync($"/api/v1/areas/{area}/plans", new
        {
            name = "แผนพัฒนาครูและบุคลากรทางการศึกษา", kind = "MultiYear", startFiscalYear = ThisYear - 1, endFiscalYear = ThisYear + 1,
        });
        Assert.True(plan.StatusCode == HttpStatusCode.Created, await plan.Content.ReadAsStringAsync());
        var planId = (await plan.JsonAsync()).GetProperty("id").GetGuid();
        var strategy = await api.PostAsJsonAsync($"/api/v1/plans/{planId}/strategies", new { number = 3, name = "ส่งเสริมการพัฒนาครูและบุคลากรทางการศึกษา" });
        Assert.Equal(HttpStatusCode.Created, strategy.StatusCode);
        return new World(host, area, api, planId, (await strategy.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> PlanAsync(World w) => await (await w.Api.GetAsync($"/api/v1/plans/{w.Plan}")).JsonAsync();

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_plans_projects_and_kpis_are_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var annual = await w.Api.PostAsJsonAsync($"/api/v1/areas/{w.Area}/plans", new { name = "แผนปฏิบัติการ", kind = "Annual", startFiscalYear = ThisYear, endFiscalYear = ThisYear + 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, annual.StatusCode);
        Assert.Contains("ปีงบประมาณเดียว", await annual.Content.ReadAsStringAsync());
        var backwards = await w.Api.PostAsJsonAsync($"/api/v1/areas/{w.Area}/plans", new { name = "x", kind = "Sideways", startFiscalYear = 2027, endFiscalYear = 2570 });
        var fields = (await backwards.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["kind", "startFiscalYear"], fields);

        // A project with a negative budget and a date outside its year; a KPI with a target outside the plan and a metric of another unit.
        var project = await w.Api.PostAsJsonAsync($"/api/v1/strategies/{w.Strategy}/projects", new
        {
            name = "พัฒนาครูด้วยระบบ TEPE Online", fiscalYear = ThisYear, startDate = $"{ThisYear - 543 + 1}-01-01",
            budget = new { personnel = 0, operations = -500, investment = 0, subsidy = 0, other = 0 },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, project.StatusCode);
        Assert.Equal(["startDate", "budget.operations"], (await project.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        var kpi = await w.Api.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/kpis", new
        {
            name = "จำนวนครูผู้ช่วยที่ผ่าน TEPE", unit = "Count", metric = "tepe-assistant-teachers",
            targets = new object[] { new { fiscalYear = ThisYear + 2, target = 60 }, new { fiscalYear = ThisYear, target = -1 } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, kpi.StatusCode);
        var kpiErrors = (await kpi.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Contains(kpiErrors, e => e.Item1 == "metric" && e.Item2!.Contains("ไม่ตรงกับหน่วยนับ"));
        Assert.Contains(kpiErrors, e => e.Item1 == "targets[0].fiscalYear" && e.Item2!.Contains("นอกช่วงของแผน"));
        Assert.Contains(kpiErrors, e => e.Item1 == "targets[1].target");
        var percent = await w.Api.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/kpis", new { name = "ร้อยละ", unit = "Percent", targets = new[] { new { fiscalYear = ThisYear, target = 120 } } });
        Assert.Contains("ระหว่าง 0 ถึง 100", await percent.Content.ReadAsStringAsync());
        var plan = await PlanAsync(w);
        Assert.Equal((0, 0), (plan.GetProperty("projects").GetArrayLength(), plan.GetProperty("kpis").GetArrayLength()));

        // A plan cannot shrink past a year it holds.
        var ok = await w.Api.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/kpis", new { name = "ร้อยละครูที่ทำ PLC", unit = "Percent", targets = new[] { new { fiscalYear = ThisYear + 1, target = 80 } } });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var shrink = await w.Api.PutAsJsonAsync($"/api/v1/plans/{w.Plan}", new { name = "แผนพัฒนาครูและบุคลากรทางการศึกษา", kind = "MultiYear", startFiscalYear = ThisYear - 1, endFiscalYear = ThisYear });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shrink.StatusCode);
        Assert.Equal(ThisYear + 1, (await PlanAsync(w)).GetProperty("endFiscalYear").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_entered_actual_lights_against_its_target_and_a_bound_kpi_follows_the_data(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var created = await w.Api.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/kpis", new
        {
            name = "ร้อยละของบุคลากรที่จัดทำแผนพัฒนาตนเอง", unit = "Percent", strategy = "3",
            targets = new[] { new { fiscalYear = ThisYear - 1, target = 90 }, new { fiscalYear = ThisYear, target = 100 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var manual = (await created.JsonAsync()).GetProperty("kpis")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Api.PutAsJsonAsync($"/api/v1/kpis/{manual}/actuals/{ThisYear}/3", new { value = 50 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Api.PutAsJsonAsync($"/api/v1/kpis/{manual}/actuals/{ThisYear}/1", new { value = 101 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Api.PutAsJsonAsync($"/api/v1/kpis/{manual}/actuals/{ThisYear - 1}/2", new { value = 85.5, note = "สำรวจเมื่อ ก.ย." })).StatusCode);
        var year = (await w.Api.PutAsJsonAsync($"/api/v1/kpis/{manual}/actuals/{ThisYear}/1", new { value = 100 })).JsonAsync();
        var years = (await year).GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(("Amber", 95.0m), (years[0].GetProperty("light").GetString(), years[0].GetProperty("achievement").GetDecimal()));
        Assert.Equal("Green", years[1].GetProperty("light").GetString());
        Assert.Equal(JsonValueKind.Null, years[2].GetProperty("actual").ValueKind);

        // TEPE Online: two active assistant teachers, one completion this year → 50 %; a second one imported → 100 %.
        var school = await w.Host.SchoolAsync(w.Area);
        var first = await w.Host.PersonAsync(w.Area, school, position: "AssistantTeacher");
        var second = await w.Host.PersonAsync(w.Area, school, position: "AssistantTeacher");
        var bound = await w.Api.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/kpis", new
        {
            name = "ร้อยละของครูผู้ช่วยที่ผ่านการพัฒนา TEPE Online", unit = "Percent", metric = "tepe-assistant-teachers",
            targets = new[] { new { fiscalYear = ThisYear, target = 80 } },
        });
        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);
        // A bound KPI's actual is the data's, never typed.
        var boundId = (await bound.JsonAsync()).GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("metric").GetString() is not null).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await w.Api.PutAsJsonAsync($"/api/v1/kpis/{boundId}/actuals/{ThisYear}/1", new { value = 10 })).StatusCode);
        async Task<JsonElement> TepeThisYear() => (await PlanAsync(w)).GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("metric").GetString() == "tepe-assistant-teachers")
            .GetProperty("years").EnumerateArray().Single(y => y.GetProperty("fiscalYear").GetInt32() == ThisYear);
        Assert.Equal(0m, (await TepeThisYear()).GetProperty("actual").GetDecimal());
        var completedOn = SchoolCalendar.FiscalYearStart(ThisYear).AddDays(20).ToString("yyyy-MM-dd");
        await ImportTepeAsync(w, first, completedOn);
        Assert.Equal((50m, "Red"), ((await TepeThisYear()).GetProperty("actual").GetDecimal(), (await TepeThisYear()).GetProperty("light").GetString()));
        await ImportTepeAsync(w, second, completedOn);
        Assert.Equal((100m, "Green"), ((await TepeThisYear()).GetProperty("actual").GetDecimal(), (await TepeThisYear()).GetProperty("light").GetString()));
    }

    private static async Task ImportTepeAsync(World w, string nationalId, string date)
    {
        var csv = $"nationalId,source,title,completedOn,hours,passed\n{nationalId},TEPE Online,การพัฒนาครูผู้ช่วย,{date},40,ผ่าน\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "tepe.csv" } };
        var response = await w.Api.PostAsync($"/api/v1/areas/{w.Area}/imports/external-completions", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Plans_are_read_by_area_analysts_written_by_area_staff_and_hidden_from_other_areas(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var school = await w.Host.SchoolAsync(w.Area);
        foreach (var role in new[] { Role.Supervisor, Role.Assessor })
        {
            var reader = await w.Host.UserAsync(role, w.Area);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/plans/{w.Plan}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/strategies", new { number = 4, name = "x" })).StatusCode);
        }
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, school);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/api/v1/plans/{w.Plan}")).StatusCode);
        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/plans/{w.Plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/v1/strategies/{w.Strategy}/projects", new { name = "x", fiscalYear = ThisYear })).StatusCode);
        Assert.Equal(1, await w.Host.WithDbAsync(db => db.PlanStrategies.IgnoreQueryFilters().CountAsync(s => s.PlanId == w.Plan)));
    }
}
