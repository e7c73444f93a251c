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
/// Budget follow-up over HTTP on both databases: a project's money replaced whole (negative amounts, months outside its year,
/// unknown categories, duplicates and over-spend refused with nothing saved; a stale version refused), its budget not lowered
/// below what is spent nor its year moved; the area's curve (non-cumulative, missing a quarter, out of range refused) and the
/// follow-up judged against it, per plan and as files; who may read and write.
/// </summary>
public sealed class BudgetApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly int ThisYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));
    /// <summary>Last fiscal year is over whatever today is: judged at September against the curve's 100 % (or the area's own).</summary>
    private static readonly int LastYear = ThisYear - 1;

    private sealed record World(AppHost Host, string Area, HttpClient Api, Guid Plan, Guid Strategy);

    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var plan = await api.PostAsJsonAsync($"/api/v1/areas/{area}/plans", new { name = "แผนพัฒนาการศึกษา", kind = "MultiYear", startFiscalYear = LastYear, endFiscalYear = ThisYear + 1 });
        Assert.Equal(HttpStatusCode.Created, plan.StatusCode);
        var planId = (await plan.JsonAsync()).GetProperty("id").GetGuid();
        var strategy = await api.PostAsJsonAsync($"/api/v1/plans/{planId}/strategies", new { number = 1, name = "พัฒนาครูและบุคลากรทางการศึกษา" });
        return new World(host, area, api, planId, (await strategy.JsonAsync()).GetProperty("id").GetGuid());
    }

    private static async Task<Guid> ProjectAsync(World w, string name, int year, decimal operations, decimal investment = 0, Guid? strategy = null)
    {
        var response = await w.Api.PostAsJsonAsync($"/api/v1/strategies/{strategy ?? w.Strategy}/projects", new
        {
            name, fiscalYear = year, status = "InProgress", budget = new { personnel = 0, operations, investment, subsidy = 0, other = 0 },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>"2026-10" for the <paramref name="index"/>th month (0 = October) of a fiscal year.</summary>
    private static string Month(int year, int index) => SchoolCalendar.FiscalYearStart(year).AddMonths(index).ToString("yyyy-MM");

    private static async Task<List<(string? Field, string? Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString()))];
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_projects_money_is_replaced_whole_and_bad_rows_save_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var project = await ProjectAsync(w, "อบรมการจัดการเรียนรู้เชิงรุก", ThisYear, operations: 100_000, investment: 50_000);
        var url = $"/api/v1/projects/{project}/disbursements";
        var empty = await (await w.Api.GetAsync(url)).JsonAsync();
        Assert.Equal((0, 150_000m), (empty.GetProperty("rows").GetArrayLength(), empty.GetProperty("total").GetProperty("allocated").GetDecimal()));
        var version = empty.GetProperty("version").GetInt32();

        var bad = await w.Api.PutAsJsonAsync(url, new
        {
            version,
            rows = new object?[]
            {
                new { month = Month(ThisYear, 0), category = "Operations", committed = -1, disbursed = 10 },
                new { month = Month(ThisYear + 1, 0), category = "Operations", committed = 0, disbursed = 10 },
                new { month = "ตุลาคม", category = "Operations", committed = 0, disbursed = 10 },
                new { month = Month(ThisYear, 1), category = "Travel", committed = 0, disbursed = 10 },
                new { month = Month(ThisYear, 2), category = "Investment", committed = 0, disbursed = 10.555 },
                new { month = Month(ThisYear, 0), category = "operations", committed = 0, disbursed = 10 },
                null,
            },
        });
        var errors = await ErrorsAsync(bad);
        Assert.Equal(["rows[0].committed", "rows[1].month", "rows[2].month", "rows[3].category", "rows[4].disbursed", "rows[5].month", "rows[6]"], errors.Select(e => e.Field));
        Assert.Contains("ต้องไม่ติดลบ", errors[0].Message);
        Assert.Contains($"นอกปีงบประมาณ {ThisYear}", errors[1].Message);
        Assert.Contains("ไม่รู้จักหมวดงบประมาณ", errors[3].Message);
        Assert.Contains("ซ้ำกับแถวที่ 1", errors[5].Message);

        // Committed and disbursed together above the allocation: refused per category, with the amount over.
        var over = await w.Api.PutAsJsonAsync(url, new
        {
            rows = new[]
            {
                new { month = Month(ThisYear, 0), category = "Operations", committed = 0m, disbursed = 60_000m },
                new { month = Month(ThisYear, 1), category = "Operations", committed = 40_000.01m, disbursed = 0m },
                new { month = Month(ThisYear, 1), category = "Investment", committed = 50_000m, disbursed = 0m },
            },
        });
        var overErrors = await ErrorsAsync(over);
        Assert.Equal("totals.operations", Assert.Single(overErrors).Field);
        Assert.Contains("เกินงบประมาณที่ได้รับจัดสรร 100,000.00 บาท (เกิน 0.01 บาท)", overErrors[0].Message);
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().CountAsync(d => d.ProjectId == project)));

        // Exactly the allocation is fine; the answer is the project's money and where it stands.
        var ok = await w.Api.PutAsJsonAsync(url, new
        {
            version,
            rows = new[]
            {
                new { month = Month(ThisYear, 0), category = "Operations", committed = 0m, disbursed = 60_000m, note = (string?)"อบรมรุ่นที่ 1" },
                new { month = Month(ThisYear, 1), category = "Operations", committed = 40_000m, disbursed = 0m, note = (string?)null },
                new { month = Month(ThisYear, 1), category = "งบลงทุน", committed = 0m, disbursed = 20_000m, note = (string?)null },
            },
        });
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var saved = await ok.JsonAsync();
        Assert.Equal((150_000m, 40_000m, 80_000m, 30_000m), Amounts(saved.GetProperty("total")));
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        Assert.Equal(3, saved.GetProperty("rows").GetArrayLength());
        Assert.Equal("อบรมรุ่นที่ 1", saved.GetProperty("rows")[0].GetProperty("note").GetString());

        // A stale version is refused; a smaller list replaces the rows.
        Assert.Equal(HttpStatusCode.Conflict, (await w.Api.PutAsJsonAsync(url, new { version, rows = Array.Empty<object>() })).StatusCode);
        var replaced = await w.Api.PutAsJsonAsync(url, new { version = version + 1, rows = new[] { new { month = Month(ThisYear, 3), category = "Operations", committed = 0m, disbursed = 5_000m } } });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal((150_000m, 0m, 5_000m, 145_000m), Amounts((await replaced.JsonAsync()).GetProperty("total")));
        Assert.Equal(1, await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().CountAsync(d => d.ProjectId == project)));
    }

    private static (decimal, decimal, decimal, decimal) Amounts(JsonElement e) => (e.GetProperty("allocated").GetDecimal(), e.GetProperty("committed").GetDecimal(),
        e.GetProperty("disbursed").GetDecimal(), e.GetProperty("remaining").GetDecimal());

    [Theory, MemberData(nameof(Providers))]
    public async Task A_budget_is_not_lowered_below_what_is_spent_nor_its_year_moved_away_from_its_money(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var project = await ProjectAsync(w, "นิเทศติดตามครูผู้ช่วย", ThisYear, operations: 80_000);
        var put = await w.Api.PutAsJsonAsync($"/api/v1/projects/{project}/disbursements",
            new { rows = new[] { new { month = Month(ThisYear, 0), category = "Operations", committed = 20_000m, disbursed = 30_000m } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        object Body(int year, decimal operations) => new { name = "นิเทศติดตามครูผู้ช่วย", fiscalYear = year, budget = new { personnel = 0, operations, investment = 0, subsidy = 0, other = 0 } };

        var lowered = await ErrorsAsync(await w.Api.PutAsJsonAsync($"/api/v1/projects/{project}", Body(ThisYear, 49_999.99m)));
        Assert.Equal("budget.operations", Assert.Single(lowered).Field);
        Assert.Contains("น้อยกว่าที่ผูกพันและเบิกจ่ายแล้ว 50,000.00 บาท", lowered[0].Message);
        var moved = await ErrorsAsync(await w.Api.PutAsJsonAsync($"/api/v1/projects/{project}", Body(ThisYear + 1, 80_000)));
        Assert.Equal("fiscalYear", Assert.Single(moved).Field);
        var kept = await w.Host.WithDbAsync(db => db.PlanProjects.IgnoreQueryFilters().Where(p => p.Id == project).Select(p => new { p.BudgetOperations, p.FiscalYear }).SingleAsync());
        Assert.Equal((80_000m, ThisYear), (kept.BudgetOperations, kept.FiscalYear));
        Assert.Equal(HttpStatusCode.OK, (await w.Api.PutAsJsonAsync($"/api/v1/projects/{project}", Body(ThisYear, 50_000))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_curve_is_checked_and_the_follow_up_is_judged_against_it_per_area_and_plan(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var curve = $"/api/v1/areas/{w.Area}/budget/{LastYear}/curve";
        var standard = await (await w.Api.GetAsync(curve)).JsonAsync();
        Assert.True(standard.GetProperty("isDefault").GetBoolean());
        Assert.Equal([30m, 52m, 77m, 100m], standard.GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("percent").GetDecimal()));
        Assert.Equal(12, standard.GetProperty("months").GetArrayLength());

        var backwards = await ErrorsAsync(await w.Api.PutAsJsonAsync(curve, new { quarters = new[] { new { quarter = 1, percent = 40 }, new { quarter = 2, percent = 35 }, new { quarter = 3, percent = 70 }, new { quarter = 4, percent = 100 } } }));
        Assert.Equal("quarters[1].percent", Assert.Single(backwards).Field);
        Assert.Contains("ร้อยละสะสม", backwards[0].Message);
        var missing = await ErrorsAsync(await w.Api.PutAsJsonAsync(curve, new { quarters = new[] { new { quarter = 1, percent = 40 }, new { quarter = 2, percent = 60 }, new { quarter = 4, percent = 100 } } }));
        Assert.Equal(("quarters", true), (missing.Single().Field, missing.Single().Message!.Contains("ไตรมาส 3")));
        var outOfRange = await ErrorsAsync(await w.Api.PutAsJsonAsync(curve, new { quarters = new[] { new { quarter = 0, percent = 10 }, new { quarter = 2, percent = 120 } } }));
        Assert.Equal(["quarters[0].quarter", "quarters[1].percent"], outOfRange.Select(e => e.Field));
        Assert.Equal("fiscalYear", (await ErrorsAsync(await w.Api.PutAsJsonAsync($"/api/v1/areas/{w.Area}/budget/2026/curve", new { quarters = Array.Empty<object>() }))).Single().Field);
        Assert.True((await (await w.Api.GetAsync(curve)).JsonAsync()).GetProperty("isDefault").GetBoolean());

        // Two projects of last year (over: judged at September against the curve's last quarter): one at half its budget.
        var other = await w.Api.PostAsJsonAsync($"/api/v1/plans/{w.Plan}/strategies", new { number = 2, name = "ส่งเสริมการบริหารจัดการ" });
        var secondStrategy = (await other.JsonAsync()).GetProperty("id").GetGuid();
        var half = await ProjectAsync(w, "พัฒนาห้องเรียนดิจิทัล", LastYear, operations: 0, investment: 200_000);
        var full = await ProjectAsync(w, "ประชุมเชิงปฏิบัติการ PLC", LastYear, operations: 100_000, strategy: secondStrategy);
        Assert.Equal(HttpStatusCode.OK, (await w.Api.PutAsJsonAsync($"/api/v1/projects/{half}/disbursements",
            new { rows = new[] { new { month = Month(LastYear, 4), category = "Investment", committed = 50_000m, disbursed = 100_000m } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await w.Api.PutAsJsonAsync($"/api/v1/projects/{full}/disbursements",
            new { rows = new[] { new { month = Month(LastYear, 0), category = "Operations", committed = 0m, disbursed = 80_000m } } })).StatusCode);

        var followUp = $"/api/v1/areas/{w.Area}/budget/{LastYear}";
        var f = await (await w.Api.GetAsync(followUp)).JsonAsync();
        Assert.Equal((Month(LastYear, 11), 100m, 12), (f.GetProperty("judgedMonth").GetString(), f.GetProperty("judgedTarget").GetDecimal(), f.GetProperty("monthsBegun").GetInt32()));
        Assert.Equal((300_000m, 50_000m, 180_000m, 70_000m), Amounts(f.GetProperty("total")));
        Assert.Equal(60m, f.GetProperty("total").GetProperty("disbursedPercent").GetDecimal());
        var lines = f.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetGuid());
        Assert.Equal((50m, true), (lines[half].GetProperty("judgedPercent").GetDecimal(), lines[half].GetProperty("behindCurve").GetBoolean()));
        Assert.Equal((80m, true), (lines[full].GetProperty("judgedPercent").GetDecimal(), lines[full].GetProperty("behindCurve").GetBoolean()));
        Assert.Equal(2, f.GetProperty("projectsBehind").GetInt32());

        // The area's own curve: 80 % by the year's end puts the second project on it.
        var set = await w.Api.PutAsJsonAsync(curve, new { quarters = new[] { new { quarter = 1, percent = 20 }, new { quarter = 2, percent = 45 }, new { quarter = 3, percent = 45 }, new { quarter = 4, percent = 80 } } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.False((await set.JsonAsync()).GetProperty("isDefault").GetBoolean());
        f = await (await w.Api.GetAsync(followUp)).JsonAsync();
        Assert.Equal((80m, 1), (f.GetProperty("judgedTarget").GetDecimal(), f.GetProperty("projectsBehind").GetInt32()));
        Assert.Equal([20m, 45m, 45m, 80m], f.GetProperty("curve").GetProperty("quarters").EnumerateArray().Select(q => q.GetProperty("percent").GetDecimal()));

        // One plan's follow-up; another area's plan or an unknown one is refused.
        var plan2 = await w.Api.PostAsJsonAsync($"/api/v1/areas/{w.Area}/plans", new { name = "แผนปฏิบัติการ", kind = "Annual", startFiscalYear = LastYear, endFiscalYear = LastYear });
        var plan2Id = (await plan2.JsonAsync()).GetProperty("id").GetGuid();
        var onlyPlan2 = await (await w.Api.GetAsync($"{followUp}?plan={plan2Id}")).JsonAsync();
        Assert.Equal((0, 0m), (onlyPlan2.GetProperty("projects").GetArrayLength(), onlyPlan2.GetProperty("total").GetProperty("allocated").GetDecimal()));
        Assert.Equal(2, (await (await w.Api.GetAsync($"{followUp}?plan={w.Plan}")).JsonAsync()).GetProperty("projects").GetArrayLength());
        Assert.Equal("plan", (await ErrorsAsync(await w.Api.GetAsync($"{followUp}?plan={Guid.NewGuid()}"))).Single().Field);

        // The follow-up as files.
        var xlsx = await w.Api.GetAsync(followUp + "?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var cells = Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync()).SelectMany(r => r).Select(c => c?.ToString()).ToList();
        Assert.Contains("พัฒนาห้องเรียนดิจิทัล", cells);
        Assert.Contains("ต่ำกว่าเป้าหมาย", cells);
        var pdf = await w.Api.GetAsync(followUp + "?format=pdf");
        Assert.Equal(("application/pdf", true), (pdf.Content.Headers.ContentType?.MediaType, (await pdf.Content.ReadAsByteArrayAsync()).Length > 1000));

        // Back to the default.
        var reset = await w.Api.DeleteAsync(curve);
        Assert.True((await reset.JsonAsync()).GetProperty("isDefault").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Budgets_are_read_by_area_analysts_written_by_area_staff_and_hidden_from_other_areas(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var project = await ProjectAsync(w, "โครงการของเขต", ThisYear, operations: 10_000);
        var money = $"/api/v1/projects/{project}/disbursements";
        var curve = $"/api/v1/areas/{w.Area}/budget/{ThisYear}/curve";
        var body = new { rows = new[] { new { month = Month(ThisYear, 0), category = "Operations", committed = 0m, disbursed = 100m } } };
        var quarters = new { quarters = new[] { new { quarter = 1, percent = 25 }, new { quarter = 2, percent = 50 }, new { quarter = 3, percent = 75 }, new { quarter = 4, percent = 100 } } };

        var supervisor = await w.Host.UserAsync(Role.Supervisor, w.Area);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(money)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/areas/{w.Area}/budget/{ThisYear}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync(money, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync(curve, quarters)).StatusCode);
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, await w.Host.SchoolAsync(w.Area));
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync(money)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/api/v1/areas/{w.Area}/budget/{ThisYear}")).StatusCode);

        var foreign = await w.Host.UserAsync(Role.AreaAdmin, await w.Host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(money)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync(money, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/areas/{w.Area}/budget/{ThisYear}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PutAsJsonAsync(curve, quarters)).StatusCode);
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().CountAsync(d => d.ProjectId == project)));
        Assert.True((await (await w.Api.GetAsync(curve)).JsonAsync()).GetProperty("isDefault").GetBoolean());
    }
}
