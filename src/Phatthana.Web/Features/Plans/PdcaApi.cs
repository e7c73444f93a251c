using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// A plan's follow-up over the API: its progress of a fiscal year, and the PDCA reports as JSON or as the pages' files
/// (<c>?format=xlsx|pdf|docx</c>); read as the plans are, a project's check findings and Act written by area staff.
/// </summary>
public static class PdcaApi
{
    public static RouteGroupBuilder MapPdcaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:guid}/progress", Progress).WithTags("Plans").RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("A plan's progress of a fiscal year (?fiscalYear=2570, default this year within the plan): every KPI's target and actual " +
                         "per plan year with achievement and traffic light, the year's lights counted, the year's projects on or behind schedule")
            .Returns<PlanProgressDto>();
        api.MapGet("/projects/{id:guid}/pdca", Project).WithTags("Plans").RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("A project's PDCA in its fiscal year: plan (objectives, methods, target group, period, responsible, budget by category), " +
                         "do (activities against their dates, courses with enrolled/passed, money committed and disbursed), check (KPIs with target, " +
                         "actual, achievement, light) and act (?format=xlsx|pdf|docx)")
            .Returns<ProjectPdcaDto>();
        api.MapPut("/projects/{id:guid}/pdca", SaveNotes).WithTags("Plans").RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Write what checking the project found and what changes after it: {checkNotes?, actNotes?, version?} (each at most 4,000 characters)")
            .Writes<ProjectPdcaDto>();
        api.MapGet("/plans/{id:guid}/pdca", Plan).WithTags("Plans").RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("Every project of a fiscal year of the plan with its PDCA (?fiscalYear=2569, default this year within the plan; ?format=xlsx|pdf|docx)")
            .Returns<PlanPdcaDto>();
        return api;
    }

    private static async Task<IResult> Progress(Guid id, string? fiscalYear, AppDbContext db, PlanView plans, PdcaView view, CancellationToken ct)
    {
        if (await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return ApiResults.NotFound();
        var year = view.Year(plan, fiscalYear);
        if (!year.Succeeded) return year.ToApi(_ => TypedResults.NoContent());
        return TypedResults.Ok(PlanProgressDto.Of(await plans.BuildAsync(plan, ct), year.Value));
    }

    private static async Task<IResult> Project(Guid id, HttpContext http, AppDbContext db, PdcaView view)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var ct = http.RequestAborted;
        if (await db.PlanProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return ApiResults.NotFound();
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstAsync(p => p.Id == project.PlanId, ct);
        var pdca = await view.ProjectAsync(plan, project, ct);
        if (format is not { } f) return TypedResults.Ok(pdca);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == project.AreaId, ct);
        return ReportResults.File(http, await PdcaReport.ProjectAsync(http, pdca, area), f);
    }

    private static async Task<IResult> SaveNotes(Guid id, PdcaNotesInput? input, HttpContext http, AppDbContext db, SaveProject save, PdcaView view)
    {
        var ct = http.RequestAborted;
        if (await db.PlanProjects.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return ApiResults.NotFound();
        return await (await save.SaveNotesAsync(project, input, ct)).ToApiAsync(async saved =>
            TypedResults.Ok(await view.ProjectAsync(await db.DevelopmentPlans.AsNoTracking().FirstAsync(p => p.Id == saved.PlanId, ct), saved, ct)));
    }

    private static async Task<IResult> Plan(Guid id, string? fiscalYear, HttpContext http, AppDbContext db, PlanView plans, PdcaView view)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var ct = http.RequestAborted;
        if (await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return ApiResults.NotFound();
        var year = view.Year(plan, fiscalYear);
        if (!year.Succeeded) return year.ToApi(_ => TypedResults.NoContent());
        var built = await plans.BuildAsync(plan, ct);
        var pdca = await view.PlanAsync(plan, built, year.Value, ct);
        if (format is not { } f) return TypedResults.Ok(pdca);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == plan.AreaId, ct);
        var progress = PlanYearProgress.Of([built], year.Value);
        return ReportResults.File(http, await PdcaReport.PlanAsync(http, pdca, progress, area), f);
    }
}
