using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Assessment;

public sealed record FrameworkSummary(Guid Id, string Code, int Revision, string Name, int Standards, int Indicators, int Items, bool Shipped, bool InUse);

public sealed record RoundSummary(Guid Id, string Name, string Framework, DateOnly StartDate, DateOnly EndDate, RoundStatus Status, int Indicators, DateTimeOffset? SubmittedAt);

public sealed record ReasonInput(string? Reason, int? Version);

public sealed record VersionInput(int? Version);

public static class AssessmentApi
{
    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder api)
    {
        var frameworks = api.MapGroup("/frameworks").WithTags("Self-assessment");
        frameworks.MapPost("", CreateFramework).RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Add a framework: {code, name, standards: [{number, name, indicators: [{number, name, rule, items: [{number, text}]}]}]}")
            .Writes<FrameworkSummary>(StatusCodes.Status201Created);
        frameworks.MapGet("", ListFrameworks).RequireAuthorization(Policies.ReadAssessment).WithSummary("Every framework's current revision").Returns<List<FrameworkSummary>>();
        frameworks.MapGet("/{code}", ExportFramework).RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("A framework in its import shape (?revision=n; the current one otherwise)").Returns<FrameworkInput>();
        frameworks.MapPut("/{code}", ReviseFramework).RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Change a framework: in place while no round uses it, otherwise as the next revision").Writes<FrameworkSummary>();

        api.MapPost("/areas/{areaCode}/assessment-rounds", CreateRound).WithTags("Self-assessment").RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Start a round: {framework, name, startDate, endDate, indicators?: [\"1.2\", …]} (all when omitted) → {id}").Writes<RoundSummary>(StatusCodes.Status201Created);
        api.MapGet("/areas/{areaCode}/assessment-rounds", ListRounds).WithTags("Self-assessment").RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("The area's rounds, newest first").Returns<List<RoundSummary>>();

        var round = api.MapGroup("/assessment-rounds/{id:guid}").WithTags("Self-assessment");
        round.MapGet("", GetRound).RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("A round: its indicators with computed levels and reasons, items, evidence, review and the previous round's levels").Returns<RoundDto>();
        round.MapGet("/report", GetReport).RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("รายงานการประเมินตนเอง (SAR): ?format=docx|pdf|xlsx for the file (Word to edit before signing); its tables as JSON otherwise")
            .Returns<ReportDto>().ProducesProblem(StatusCodes.Status400BadRequest);
        round.MapPut("/items/{indicator}/{item}", SaveItem).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Answer an item: {done, evidence: None|Unclear|Clear|ClearAndVerified, results?, successFactors?, problems?, improvements?, approach?, resultsUsedToImprove?}")
            .Returns<IndicatorDto>();
        round.MapPut("/indicators/{indicator}", Assign).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Who answers for an indicator: {division?, responsiblePerson?, dueDate?}").Returns<IndicatorDto>();
        round.MapPost("/submit", Submit).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Hand the round in: levels stored, linked reports frozen, read-only from now").Returns<RoundSummary>();
        round.MapPost("/reopen", Reopen).RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Open a submitted round again: {reason} (audited)").Returns<RoundSummary>();
        round.MapPut("/indicators/{indicator}/review", Review).RequireAuthorization(Policies.ReviewAssessment)
            .WithSummary("An assessor's review: {comment?, agreedLevel?, reason?} (a level other than the office's needs a reason)").Returns<IndicatorDto>();
        round.MapPost("/close", Close).RequireAuthorization(Policies.AreaAdmin).WithSummary("Close a submitted or reviewed round").Returns<RoundSummary>();
        return api;
    }

    public static FrameworkSummary Summary(Framework f, bool inUse) => new(f.Id, f.Code, f.Revision, f.Name, f.Definition.Standards.Count,
        f.Definition.Indicators().Count(), f.Definition.Indicators().Sum(x => x.Indicator.Items.Count), f.IsShipped, inUse);

    public static RoundSummary Summary(AssessmentRound r, int indicators) =>
        new(r.Id, r.Name, r.Framework?.Code ?? "", r.StartDate, r.EndDate, r.Status, indicators, r.SubmittedAt);

    private static async Task<IResult> CreateFramework(FrameworkInput? input, SaveFramework save) =>
        (await save.CreateAsync(input)).ToApi(f => TypedResults.Created($"/api/v1/frameworks/{Uri.EscapeDataString(f.Code)}", Summary(f, false)));

    public static async Task<List<FrameworkSummary>> CurrentFrameworksAsync(AppDbContext db, CancellationToken ct = default)
    {
        var all = await db.Frameworks.AsNoTracking().ToListAsync(ct);
        var used = (await db.AssessmentRounds.IgnoreQueryFilters().Select(r => r.FrameworkId).Distinct().ToListAsync(ct)).ToHashSet();
        return all.GroupBy(f => f.Code).Select(g => g.OrderByDescending(f => f.Revision).First()).OrderBy(f => f.Code)
            .Select(f => Summary(f, used.Contains(f.Id))).ToList();
    }

    private static async Task<IResult> ListFrameworks(AppDbContext db) => TypedResults.Ok(await CurrentFrameworksAsync(db));

    private static async Task<IResult> ExportFramework(string code, int? revision, AppDbContext db)
    {
        var framework = revision is { } r
            ? await db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code && f.Revision == r)
            : await SaveFramework.CurrentAsync(db, code);
        return framework is null ? ApiResults.NotFound($"ไม่พบกรอบการประเมิน \"{code}\"") : TypedResults.Ok(FrameworkDocument.Export(framework));
    }

    private static async Task<IResult> ReviseFramework(string code, FrameworkInput? input, AppDbContext db, SaveFramework save)
    {
        if (await SaveFramework.CurrentAsync(db, code) is not { } current) return ApiResults.NotFound($"ไม่พบกรอบการประเมิน \"{code}\"");
        var outcome = await save.ReviseAsync(current, input);
        return outcome.ToApi(f => TypedResults.Ok(Summary(f, false)));
    }

    private static async Task<IResult> CreateRound(RoundInput? input, RouteScope scope, Rounds rounds, AppDbContext db)
    {
        var outcome = await rounds.CreateAsync(scope.Area, input);
        if (!outcome.Succeeded) return outcome.ToApi(_ => TypedResults.NoContent());
        var round = outcome.Value!;
        var count = await db.RoundIndicators.CountAsync(i => i.RoundId == round.Id);
        return TypedResults.Created($"/api/v1/assessment-rounds/{round.Id}", Summary(round, count));
    }

    public static async Task<List<RoundSummary>> RoundsAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        (await db.AssessmentRounds.AsNoTracking().Include(r => r.Framework).Where(r => r.AreaId == areaId)
            .Select(r => new { Round = r, Count = db.RoundIndicators.Count(i => i.RoundId == r.Id) }).ToListAsync(ct))
        .OrderByDescending(x => x.Round.StartDate).Select(x => Summary(x.Round, x.Count)).ToList();

    private static async Task<IResult> ListRounds(RouteScope scope, AppDbContext db) => TypedResults.Ok(await RoundsAsync(db, scope.Area.Id));

    private static async Task<IResult> GetRound(Guid id, AppDbContext db) =>
        await Rounds.FindAsync(db, id) is { } r ? TypedResults.Ok(await RoundView.BuildAsync(db, r)) : ApiResults.NotFound();

    private static async Task<IResult> GetReport(Guid id, HttpContext http, AppDbContext db, EvidenceStore store)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var report = await SelfAssessmentReport.BuildAsync(http, db, store, round, http.RequestAborted);
        return format is { } f ? ReportResults.File(http, report, f) : TypedResults.Ok(ReportDto.From(report));
    }

    private static async Task<IResult> IndicatorAsync(AppDbContext db, Guid id, string indicator)
    {
        var round = await Rounds.FindAsync(db, id);
        var view = await RoundView.BuildAsync(db, round!);
        return TypedResults.Ok(view.Indicators.First(i => i.Key == indicator));
    }

    private static async Task<IResult> SaveItem(Guid id, string indicator, string item, ItemInputBody? input, AppDbContext db, Rounds rounds)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        var outcome = await rounds.SaveItemAsync(round, indicator, item, input);
        return outcome.Succeeded ? await IndicatorAsync(db, id, indicator) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Assign(Guid id, string indicator, AssignmentInput? input, AppDbContext db, Rounds rounds)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        var outcome = await rounds.AssignAsync(round, indicator, input);
        return outcome.Succeeded ? await IndicatorAsync(db, id, indicator) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Submit(Guid id, VersionInput? input, AppDbContext db, Rounds rounds)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        return (await rounds.SubmitAsync(round, input?.Version)).ToApi(r => TypedResults.Ok(Summary(r, 0)));
    }

    private static async Task<IResult> Reopen(Guid id, ReasonInput? input, AppDbContext db, Rounds rounds)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        return (await rounds.ReopenAsync(round, input?.Reason, input?.Version)).ToApi(r => TypedResults.Ok(Summary(r, 0)));
    }

    private static async Task<IResult> Review(Guid id, string indicator, ReviewInput? input, AppDbContext db, Rounds rounds)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        var outcome = await rounds.ReviewAsync(round, indicator, input);
        return outcome.Succeeded ? await IndicatorAsync(db, id, indicator) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Close(Guid id, AppDbContext db, Rounds rounds)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        return (await rounds.CloseAsync(round)).ToApi(r => TypedResults.Ok(Summary(r, 0)));
    }
}
