using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Supervision;

/// <summary>A visit in full, as the API answers it; <c>version</c> goes back with a change or a delete.</summary>
public sealed record VisitDto(
    Guid Id, string Area, string School, string SchoolName, string? Network, string? Supervisor, string SupervisorName, DateOnly VisitedOn,
    int AcademicYear, int Semester, SubjectArea? SubjectArea, string Topic, SupervisionLevel Level, string? Findings, string? Recommendations,
    FollowUpStatus FollowUpStatus, DateOnly? FollowUpDue, string? FollowUpNote, DateOnly? FollowUpDoneOn, bool Overdue, string? RecordedBy,
    DateTimeOffset UpdatedAt, int Version)
{
    public static async Task<VisitDto?> FindAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct = default) =>
        await db.SupervisionVisits.AsNoTracking().Where(v => v.Id == id)
            .Select(v => new VisitDto(v.Id, db.Areas.Where(a => a.Id == v.AreaId).Select(a => a.Code).First(), v.School!.Code, v.School.Name,
                v.School.Network == null ? null : v.School.Network.Name, db.Users.Where(u => u.Id == v.SupervisorUserId).Select(u => u.Email).FirstOrDefault(),
                v.SupervisorName, v.VisitedOn, v.AcademicYear, v.Semester, v.SubjectArea, v.Topic, v.Level, v.Findings, v.Recommendations, v.FollowUpStatus,
                v.FollowUpDue, v.FollowUpNote, v.FollowUpDoneOn, v.FollowUpStatus == FollowUpStatus.Open && v.FollowUpDue < today, v.RecordedBy, v.UpdatedAt, v.Version))
            .FirstOrDefaultAsync(ct);
}

/// <summary>
/// Supervision over the API: the area's visits (filtered, as the list page), one visit, recording, changing (with the version
/// read: a stale one is a 409) and deleting one, and the summary by level per area or network with the trend.
/// </summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Supervision");
        area.MapGet("/supervision-visits", List).RequireAuthorization(Policies.ReadSupervision)
            .WithSummary("The area's supervision visits, newest first (?school=&network=&supervisor=&level=&academicYear=&semester=&overdue=true&q=; ?format=xlsx|pdf|docx); a director sees their own school's")
            .Returns<List<VisitRow>>();
        area.MapPost("/supervision-visits", async (VisitInput? input, RouteScope scope, AppDbContext db, SaveVisit save) =>
                await (await save.CreateAsync(scope.Area, input)).ToApiAsync(async v =>
                    TypedResults.Created($"/api/v1/supervision-visits/{v.Id}", await VisitDto.FindAsync(db, v.Id, save.Today))))
            .RequireAuthorization(Policies.WriteSupervision)
            .WithSummary("Record a visit: {school (10 digits), supervisor? (e-mail of a Supervisor account; a supervisor's own when left out), visitedOn (not in the future), subjectArea?, topic, level: Excellent|VeryGood|Good|Fair|NeedsImprovement, findings?, recommendations?, followUpStatus?: None|Open|Done, followUpDue?, followUpNote?, followUpDoneOn?}")
            .Writes<VisitDto>(StatusCodes.Status201Created);
        area.MapGet("/supervision-summary", Summary).RequireAuthorization(Policies.ReadAreaAnalyses)
            .WithSummary("Schools by result level (count and % of the schools visited, each at its latest visit) for ?academicYear= (พ.ศ.) and ?semester=1|2, per network or for ?network= (id), against the period before; the follow-ups overdue (?format=xlsx|pdf|docx)")
            .Returns<SupervisionSummaryDto>();

        var one = api.MapGroup("/supervision-visits/{id:guid}").WithTags("Supervision");
        one.MapGet("", async (Guid id, AppDbContext db, SaveVisit save) =>
                await VisitDto.FindAsync(db, id, save.Today) is { } v ? TypedResults.Ok(v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.ReadSupervision).WithSummary("A visit").Returns<VisitDto>();
        one.MapPut("", async (Guid id, VisitInput? input, AppDbContext db, SaveVisit save) =>
                await db.SupervisionVisits.FirstOrDefaultAsync(v => v.Id == id) is { } visit
                    ? await (await save.UpdateAsync(visit, input)).ToApiAsync(async v => TypedResults.Ok(await VisitDto.FindAsync(db, v.Id, save.Today)))
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.WriteSupervision)
            .WithSummary("Change a visit (the whole visit as POST takes it, with the version you read: a newer save → 409; a supervisor changes only their own → 403)")
            .Writes<VisitDto>();
        one.MapDelete("", async (Guid id, int? version, AppDbContext db, SaveVisit save) =>
                await db.SupervisionVisits.FirstOrDefaultAsync(v => v.Id == id) is { } visit
                    ? (await save.DeleteAsync(visit, version)).ToApi(_ => TypedResults.NoContent())
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.WriteSupervision).WithSummary("Delete a visit (?version= you read: a newer save → 409)").WritesNothing();
        return api;
    }

    private static async Task<IResult> List(HttpContext http, RouteScope scope, AppDbContext db, SaveVisit save, string? school, string? network,
        string? supervisor, string? level, string? academicYear, string? semester, bool? overdue, string? q)
    {
        var filter = VisitFilter.Read(school, network, supervisor, level, academicYear, semester, overdue ?? false);
        if (!filter.Succeeded) return filter.ToApi(_ => TypedResults.NoContent());
        var query = new ListQuery { Q = q };
        var rows = await VisitRows.Sorts.Apply(VisitRows.Query(db, scope.Area.Id, filter.Value!, query.Search, save.Today), query).ToListAsync(http.RequestAborted);
        return await TableResults.RespondAsync(http, VisitRows.Table, rows, r => r, $"supervision-visits-{scope.Area.Code}", scope.Area,
            [.. filter.Value!.Describe(null, null, null)]);
    }

    private static async Task<IResult> Summary(HttpContext http, RouteScope scope, AppDbContext db, SaveVisit save, string? academicYear, string? semester, string? network)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var period = SupervisionPeriod.Read(academicYear, semester, save.Today);
        if (!period.Succeeded) return period.ToApi(_ => TypedResults.NoContent());
        var filter = VisitFilter.Read(null, network, null, null, null, null);
        if (!filter.Succeeded) return filter.ToApi(_ => TypedResults.NoContent());
        var summary = await SummaryReport.BuildAsync(db, scope.Area, period.Value!, filter.Value!.Network, save.Today, http.RequestAborted);
        if (!summary.Succeeded || format is not { } f) return summary.ToApi(s => TypedResults.Ok(s));
        return ReportResults.File(http, await SummaryReport.ToReportAsync(http, scope.Area, summary.Value!), f);
    }
}
