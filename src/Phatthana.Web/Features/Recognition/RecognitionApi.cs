using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Recognition;

/// <summary>
/// Awards over the API: programmes (area staff write; every signed-in role of the area reads), selections and their steps,
/// nominations with evidence, committee scores, the ranking, certificates, counts per programme and year, a person's awards.
/// </summary>
public static class RecognitionApi
{
    public static RouteGroupBuilder MapRecognitionApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}").WithTags("Recognition");
        area.MapGet("/award-programmes", async (HttpContext http, RouteScope scope, AppDbContext db) =>
                await TableResults.RespondAsync(http, AwardViews.ProgrammesTable, await AwardViews.Programmes(db, scope.Area.Id).OrderBy(p => p.Name).ToListAsync(),
                    p => p, $"award-programmes-{scope.Area.Code}", scope.Area))
            .RequireAuthorization(Policies.SignedIn).WithSummary("The area's award programmes (?format=xlsx|pdf)").Returns<List<ProgrammeRow>>();
        area.MapPost("/award-programmes", async (ProgrammeInput? input, RouteScope scope, AppDbContext db, SaveProgramme save, SaveSelection steps) =>
                await (await save.SaveAsync(scope.Area, null, input)).ToApiAsync(async p =>
                    TypedResults.Created($"/api/v1/award-programmes/{p.Id}", await AwardViews.ProgrammeAsync(db, p, steps.Today))))
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Add a programme: {name, level: School|Area|National, period: Yearly|Monthly, description?, schoolsNominate?, selfNomination?, eligiblePositions?, minYearsOfService?, requiresCleanRecord?, awards?, criteria: [{name, weight, minScore, maxScore}] (weights total 100), committee: [{email, duty?, school?}]}")
            .Writes<ProgrammeDto>(StatusCodes.Status201Created);
        area.MapGet("/award-counts", async (HttpContext http, RouteScope scope, AppDbContext db, int? year) =>
                await TableResults.RespondAsync(http, AwardViews.CountsTable, await AwardViews.CountsAsync(db, scope.Area.Id, year), r => r, $"award-counts-{scope.Area.Code}", scope.Area))
            .RequireAuthorization(Policies.SignedIn).WithSummary("People selected per programme and year (announced selections; ?year= พ.ศ.; ?format=xlsx|pdf)").Returns<List<AwardCountRow>>();

        var programme = api.MapGroup("/award-programmes/{id:guid}").WithTags("Recognition");
        programme.MapGet("", async (Guid id, AppDbContext db, SaveSelection steps) =>
                await db.AwardProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is { } p ? TypedResults.Ok(await AwardViews.ProgrammeAsync(db, p, steps.Today)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("A programme: criteria, committee and selections").Returns<ProgrammeDto>();
        programme.MapPut("", async (Guid id, ProgrammeInput? input, AppDbContext db, SaveProgramme save, SaveSelection steps) =>
            {
                if (await db.AwardProgrammes.FirstOrDefaultAsync(p => p.Id == id) is not { } p) return ApiResults.NotFound();
                var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == p.AreaId);
                return await (await save.SaveAsync(area, p, input)).ToApiAsync(async x => TypedResults.Ok(await AwardViews.ProgrammeAsync(db, x, steps.Today)));
            })
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a programme (criteria are fixed once scoring has begun)").Writes<ProgrammeDto>();
        programme.MapPost("/selections", async (Guid id, SelectionInput? input, AppDbContext db, SaveSelection steps, Standings standings) =>
            {
                if (await db.AwardProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is not { } p) return ApiResults.NotFound();
                return await (await steps.CreateAsync(p, input)).ToApiAsync(async s =>
                    TypedResults.Created($"/api/v1/award-selections/{s.Id}", await AwardViews.SelectionAsync(db, standings, s, steps.Today)));
            })
            .RequireAuthorization(Policies.AreaAdmin)
            .WithSummary("Open a selection: {title?, year (พ.ศ.), month? (monthly awards), nominationOpens, nominationCloses, scoringCloses}").Writes<SelectionDto>(StatusCodes.Status201Created);

        var selection = api.MapGroup("/award-selections/{id:guid}").WithTags("Recognition");
        selection.MapGet("", async (Guid id, AppDbContext db, SaveSelection steps, Standings standings) =>
                await db.AwardSelections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is { } s
                    ? TypedResults.Ok(await AwardViews.SelectionAsync(db, standings, s, steps.Today)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("A selection: stage, the nominees you may see with totals, ranks and ties, sheets still owed").Returns<SelectionDto>();
        selection.MapPost("/nominations", async (Guid id, NominationInput? input, AppDbContext db, Nominations nominations, NationalIdDisclosure disclosure) =>
            {
                if (await db.AwardSelections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id) is not { } s) return ApiResults.NotFound();
                return await (await nominations.NominateAsync(s, input)).ToApiAsync(async n =>
                    TypedResults.Created($"/api/v1/nominations/{n.Id}", await AwardViews.NominationAsync(db, n, disclosure)));
            })
            .RequireAuthorization(Policies.Nominate).WithSummary("Nominate: {nationalId, statement, noDisciplinaryRecord?} within the window").Writes<NominationDto>(StatusCodes.Status201Created);
        selection.MapPost("/close", (Guid id, AppDbContext db, SaveSelection steps, Standings standings) => Step(id, db, steps, standings, s => steps.CloseNominationsAsync(s)))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Close nominations before the window ends; scoring may begin").Writes<SelectionDto>();
        selection.MapPost("/announce", (Guid id, AppDbContext db, SaveSelection steps, Standings standings) => Step(id, db, steps, standings, s => steps.AnnounceAsync(s)))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Announce: store totals and ranks, award the top places (ties at the cut included), number the certificates").Writes<SelectionDto>();
        selection.MapPut("/evaluation", (Guid id, EvaluationInput? input, AppDbContext db, SaveSelection steps, Standings standings) => Step(id, db, steps, standings, s => steps.EvaluateAsync(s, input)))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Record the evaluation of an announced selection: {evaluation}").Writes<SelectionDto>();

        var nomination = api.MapGroup("/nominations/{id:guid}").WithTags("Recognition");
        nomination.MapGet("", async (Guid id, AppDbContext db, NationalIdDisclosure disclosure) =>
                await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id) is { } n ? TypedResults.Ok(await AwardViews.NominationAsync(db, n, disclosure)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("A nomination with its statement and evidence files").Returns<NominationDto>();
        nomination.MapPost("/evidence", UploadEvidence).RequireAuthorization(Policies.Nominate).DisableAntiforgery()
            .WithSummary("Attach a file to a nomination while nominations are open: multipart `file` (PDF, images, Office — checked by content)")
            .Writes<EvidenceFileDto>(StatusCodes.Status201Created);
        nomination.MapGet("/evidence/{evidenceId:guid}", DownloadEvidence).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Download a nomination's evidence file").Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound);
        nomination.MapPost("/scores", async (Guid id, ScoreInput? input, AppDbContext db, ScoreNomination score, NationalIdDisclosure disclosure) =>
                await db.Nominations.FirstOrDefaultAsync(n => n.Id == id) is { } n
                    ? await (await score.ScoreAsync(n, input)).ToApiAsync(async x => TypedResults.Created($"/api/v1/nominations/{x.Id}", await AwardViews.NominationAsync(db, x, disclosure)))
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.ScoreAwards)
            .WithSummary("Your score sheet as a committee member: {scores: [{criterion (number), score}]} — every criterion once, within its range; once only")
            .Writes<NominationDto>(StatusCodes.Status201Created);
        nomination.MapGet("/certificate", Certificate).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The award certificate as PDF (announced and awarded nominations you may see)")
            .Produces(StatusCodes.Status200OK, contentType: PdfRenderer.ContentType).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/people/{person}/awards", async (RouteScope scope, AppDbContext db) => TypedResults.Ok(await AwardViews.ForPersonAsync(db, scope.Person.Id)))
            .WithTags("Recognition").RequireAuthorization(Policies.SignedIn).WithSummary("The awards a person received").Returns<List<PersonAwardDto>>();
        return api;
    }

    private static async Task<IResult> Step(Guid id, AppDbContext db, SaveSelection steps, Standings standings,
        Func<AwardSelection, Task<Shared.Validation.Outcome<AwardSelection>>> step)
    {
        if (await db.AwardSelections.FirstOrDefaultAsync(s => s.Id == id) is not { } s) return ApiResults.NotFound();
        return await (await step(s)).ToApiAsync(async x => TypedResults.Ok(await AwardViews.SelectionAsync(db, standings, x, steps.Today)));
    }

    private static async Task<IResult> UploadEvidence(Guid id, HttpContext http, AppDbContext db, Nominations nominations, EvidenceStorage storage)
    {
        if (!storage.LimitRequest(http)) return ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "ไฟล์ใหญ่เกินไป", storage.TooLarge(http.Request.ContentLength));
        if (await db.Nominations.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id) is not { } n) return ApiResults.NotFound();
        if (!http.Request.HasFormContentType) return ApiResults.Validation([new("file", "กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file")]);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var outcome = await nominations.AddEvidenceAsync(n, form.Files.GetFile("file"), http.RequestAborted);
        return outcome.ToApi(e => TypedResults.Created($"/api/v1/nominations/{id}/evidence/{e.Id}",
            new EvidenceFileDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.AddedBy, e.AddedAt)));
    }

    public static async Task<IResult> DownloadEvidence(Guid id, Guid evidenceId, HttpContext http, AppDbContext db, Nominations nominations)
    {
        if (await db.NominationEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.NominationId == id) is not { } e) return ApiResults.NotFound();
        if (nominations.Open(e) is not { } stream) return ApiResults.NotFound("ไม่พบไฟล์ของหลักฐานนี้ในที่เก็บ");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(stream, e.ContentType, e.FileName);
    }

    public static async Task<IResult> Certificate(Guid id, HttpContext http, AppDbContext db, string? signer, string? signerPosition)
    {
        var row = await db.Nominations.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new { n.Awarded, n.CertificateNumber, n.CertificateCode, Holder = n.Person!.Title + n.Person.FirstName + " " + n.Person.LastName,
                Programme = n.Selection!.Programme!.Name, n.Selection.Title, n.Selection.AnnouncedOn, n.AreaId })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (row is null) return ApiResults.NotFound();
        if (!row.Awarded || row.CertificateNumber is null || row.CertificateCode is null || row.AnnouncedOn is not { } on)
            return ApiResults.NotFound("การเสนอชื่อนี้ยังไม่มีเกียรติบัตร — ออกให้เมื่อประกาศผลและได้รับรางวัล");
        var issuer = await CertificatesApi.IssuerAsync(http, db, row.AreaId, signer, signerPosition);
        var content = CertificateContent.ForAward(row.Holder, row.Programme, row.Title, on, row.CertificateNumber,
            Certificates.VerifyUrl(CertificatesApi.BaseUrl(http), row.CertificateCode));
        return TypedResults.File(CertificateRenderer.Render([content], issuer), PdfRenderer.ContentType, CertificateRenderer.FileName(row.CertificateNumber));
    }
}
