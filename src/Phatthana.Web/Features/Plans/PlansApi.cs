using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans;

public sealed record PlanListItem(Guid Id, string Name, PlanKind Kind, int StartFiscalYear, int EndFiscalYear, int Strategies, int Projects, int Kpis);

public sealed record MetricDto(string Key, string Name, KpiUnit Unit, bool NeedsProject);

/// <summary>Plans, strategies, projects, KPIs and actuals over the API: read by area staff, supervisors and assessors; written by area staff.</summary>
public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}/plans").WithTags("Plans");
        area.MapGet("", List).RequireAuthorization(Policies.ReadAreaAnalyses).WithSummary("The area's development plans").Returns<List<PlanListItem>>();
        area.MapPost("", Create).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a plan: {name, kind: MultiYear|Annual, startFiscalYear, endFiscalYear, description?} (years พ.ศ.)").Writes<PlanDto>(StatusCodes.Status201Created);
        api.MapGet("/kpi-metrics", (KpiMetrics m) => TypedResults.Ok(m.All.Select(x => new MetricDto(x.Key, x.Name, x.Unit, x.NeedsProject)).ToList()))
            .WithTags("Plans").RequireAuthorization(Policies.ReadAreaAnalyses).WithSummary("The live metrics a KPI may be bound to").Returns<List<MetricDto>>();

        var plan = api.MapGroup("/plans/{id:guid}").WithTags("Plans");
        plan.MapGet("", Get).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("A plan: strategies, projects, KPIs with target, actual, achievement and traffic light per year").Returns<PlanDto>();
        plan.MapPut("", Update).RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a plan").Returns<PlanDto>();
        plan.MapPost("/strategies", AddStrategy).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a strategy: {number, name, alignment?: [tag]}").Writes<StrategyDto>(StatusCodes.Status201Created);
        plan.MapPost("/kpis", AddKpi).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a KPI: {name, unit: Percent|Count|Baht, direction?, strategy?, project?, metric?, targets: [{fiscalYear, target}]}").Writes<PlanDto>(StatusCodes.Status201Created);

        api.MapPut("/strategies/{id:guid}", UpdateStrategy).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a strategy").Returns<StrategyDto>();
        api.MapPost("/strategies/{id:guid}/projects", AddProject).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a project: {name, fiscalYear, objectives?, methods?, targetGroup?, division?, responsiblePerson?, startDate?, endDate?, status?, budget: {personnel, operations, investment, subsidy, other}, alignment?, courses?}")
            .Writes<ProjectSummaryDto>(StatusCodes.Status201Created);
        api.MapPut("/projects/{id:guid}", UpdateProject).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a project").Returns<ProjectSummaryDto>();
        api.MapPut("/projects/{id:guid}/activities", SaveActivities).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Replace a project's activities: [{name, startDate, endDate, doneOn?, note?}]").Returns<ProjectSummaryDto>();
        api.MapPut("/kpis/{id:guid}", UpdateKpi).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a KPI and its targets").Returns<KpiDto>();
        api.MapPut("/kpis/{id:guid}/actuals/{fiscalYear:int}/{half:int}", Record).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Enter a half-year's actual of a KPI that is not bound to a metric: {value, note?, evidence?}").Returns<KpiDto>();
        return api;
    }

    private static async Task<IResult> List(RouteScope scope, AppDbContext db) =>
        TypedResults.Ok(await db.DevelopmentPlans.AsNoTracking().Where(p => p.AreaId == scope.Area.Id).OrderByDescending(p => p.StartFiscalYear).ThenBy(p => p.Name)
            .Select(p => new PlanListItem(p.Id, p.Name, p.Kind, p.StartFiscalYear, p.EndFiscalYear, db.PlanStrategies.Count(s => s.PlanId == p.Id),
                db.PlanProjects.Count(x => x.PlanId == p.Id), db.Kpis.Count(k => k.PlanId == p.Id))).ToListAsync());

    private static async Task<IResult> Create(PlanInput? input, RouteScope scope, SavePlan save, PlanView view) =>
        await (await save.CreateAsync(scope.Area, input)).ToApiAsync(async p => TypedResults.Created($"/api/v1/plans/{p.Id}", await view.BuildAsync(p)));

    private static async Task<IResult> Get(Guid id, AppDbContext db, PlanView view) =>
        await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == id) is { } plan ? TypedResults.Ok(await view.BuildAsync(plan)) : ApiResults.NotFound();

    private static async Task<IResult> Update(Guid id, PlanInput? input, AppDbContext db, SavePlan save, PlanView view)
    {
        if (await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == id) is not { } plan) return ApiResults.NotFound();
        return await (await save.UpdateAsync(plan, input)).ToApiAsync(async p => TypedResults.Ok(await view.BuildAsync(p)));
    }

    private static StrategyDto Dto(PlanStrategy s) => new(s.Id, s.Number, s.Name, s.Alignment, s.Version);

    private static async Task<IResult> AddStrategy(Guid id, StrategyInput? input, AppDbContext db, SavePlan save)
    {
        if (await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == id) is not { } plan) return ApiResults.NotFound();
        return (await save.SaveStrategyAsync(plan, null, input)).ToApi(s => TypedResults.Created($"/api/v1/strategies/{s.Id}", Dto(s)));
    }

    private static async Task<IResult> UpdateStrategy(Guid id, StrategyInput? input, AppDbContext db, SavePlan save)
    {
        if (await db.PlanStrategies.FirstOrDefaultAsync(s => s.Id == id) is not { } strategy) return ApiResults.NotFound();
        var plan = await db.DevelopmentPlans.FirstAsync(p => p.Id == strategy.PlanId);
        return (await save.SaveStrategyAsync(plan, strategy, input)).ToApi(s => TypedResults.Ok(Dto(s)));
    }

    private static async Task<IResult> ProjectResult(PlanView view, AppDbContext db, PlanProject project, bool created)
    {
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstAsync(p => p.Id == project.PlanId);
        var dto = (await view.BuildAsync(plan)).Projects.Single(p => p.Id == project.Id);
        return created ? TypedResults.Created($"/api/v1/projects/{project.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<IResult> AddProject(Guid id, ProjectInput? input, AppDbContext db, SaveProject save, PlanView view)
    {
        if (await db.PlanStrategies.FirstOrDefaultAsync(s => s.Id == id) is not { } strategy) return ApiResults.NotFound();
        var plan = await db.DevelopmentPlans.FirstAsync(p => p.Id == strategy.PlanId);
        return await (await save.SaveAsync(plan, strategy, null, input)).ToApiAsync(p => ProjectResult(view, db, p, created: true));
    }

    private static async Task<IResult> UpdateProject(Guid id, ProjectInput? input, AppDbContext db, SaveProject save, PlanView view)
    {
        if (await db.PlanProjects.FirstOrDefaultAsync(p => p.Id == id) is not { } project) return ApiResults.NotFound();
        var plan = await db.DevelopmentPlans.FirstAsync(p => p.Id == project.PlanId);
        var strategy = await db.PlanStrategies.FirstAsync(s => s.Id == project.StrategyId);
        return await (await save.SaveAsync(plan, strategy, project, input)).ToApiAsync(p => ProjectResult(view, db, p, created: false));
    }

    private static async Task<IResult> SaveActivities(Guid id, List<ActivityInput?>? input, AppDbContext db, SaveProject save, PlanView view)
    {
        if (await db.PlanProjects.FirstOrDefaultAsync(p => p.Id == id) is not { } project) return ApiResults.NotFound();
        return await (await save.SaveActivitiesAsync(project, input)).ToApiAsync(p => ProjectResult(view, db, p, created: false));
    }

    private static async Task<IResult> AddKpi(Guid id, KpiInput? input, AppDbContext db, SaveKpi save, PlanView view)
    {
        if (await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == id) is not { } plan) return ApiResults.NotFound();
        return await (await save.SaveAsync(plan, null, input)).ToApiAsync(async k => TypedResults.Created($"/api/v1/kpis/{k.Id}", await view.BuildAsync(plan)));
    }

    private static async Task<IResult> KpiResult(PlanView view, AppDbContext db, Guid planId, Guid kpiId)
    {
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstAsync(p => p.Id == planId);
        return TypedResults.Ok((await view.BuildAsync(plan)).Kpis.Single(k => k.Id == kpiId));
    }

    private static async Task<IResult> UpdateKpi(Guid id, KpiInput? input, AppDbContext db, SaveKpi save, PlanView view)
    {
        if (await db.Kpis.FirstOrDefaultAsync(k => k.Id == id) is not { } kpi) return ApiResults.NotFound();
        var plan = await db.DevelopmentPlans.FirstAsync(p => p.Id == kpi.PlanId);
        return await (await save.SaveAsync(plan, kpi, input)).ToApiAsync(k => KpiResult(view, db, plan.Id, k.Id));
    }

    private static async Task<IResult> Record(Guid id, int fiscalYear, int half, ActualInput? input, AppDbContext db, SaveKpi save, PlanView view)
    {
        if (await db.Kpis.FirstOrDefaultAsync(k => k.Id == id) is not { } kpi) return ApiResults.NotFound();
        var plan = await db.DevelopmentPlans.FirstAsync(p => p.Id == kpi.PlanId);
        return await (await save.RecordAsync(plan, kpi, fiscalYear, half, input)).ToApiAsync(_ => KpiResult(view, db, plan.Id, kpi.Id));
    }
}
