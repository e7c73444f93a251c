using System.Text.Json;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Assessment;

/// <summary>A link to one of the system's reports: {report, parameters: {year}, title?}.</summary>
public sealed record LinkInput(string? Report, Dictionary<string, JsonElement>? Parameters, string? Title)
{
    /// <summary>The one parameter a report takes: "year", or the report's own name for it ("fiscalYear"), as text.</summary>
    public string? Value(EvidenceReport? report)
    {
        if (Parameters is null) return null;
        foreach (var key in new[] { "year", report?.Parameter }.OfType<string>())
            if (Parameters.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found)
                return found.Value.ValueKind switch
                {
                    JsonValueKind.String => found.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => found.Value.GetRawText(),
                };
        return null;
    }
}

/// <summary>A round's evidence over the API: upload, link a report, attach to and detach from items, list, read, download.</summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var round = api.MapGroup("/assessment-rounds/{id:guid}").WithTags("Self-assessment evidence");
        round.MapPost("/evidence", Upload).RequireAuthorization(Policies.RunAssessment).DisableAntiforgery()
            .WithSummary("Upload a document: multipart `file` (PDF, PNG, JPEG, GIF, Word, Excel, PowerPoint — checked by content; at most 20 MB), optional `title`")
            .Writes<EvidenceInfoDto>(StatusCodes.Status201Created);
        round.MapPost("/evidence/links", Link).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Link a report: {report: manpower|data-quality|training-summary, parameters: {year}, title?} — shown live, frozen when the round is submitted")
            .Writes<EvidenceInfoDto>(StatusCodes.Status201Created);
        round.MapGet("/evidence", List).RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("The round's evidence with the items each backs").Returns<List<EvidenceInfoDto>>();
        round.MapGet("/evidence/{evidenceId:guid}", Get).RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("A piece of evidence; a report's figures as frozen at submission, or live while the round is open").Returns<EvidenceDetailDto>();
        round.MapGet("/evidence/{evidenceId:guid}/file", Download).RequireAuthorization(Policies.ReadAssessment)
            .WithSummary("The uploaded file (as an attachment)").Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        round.MapDelete("/evidence/{evidenceId:guid}", Delete).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Remove a piece of evidence from the round and every item it backs").WritesNothing();
        round.MapPut("/items/{indicator}/{item}/evidence/{evidenceId:guid}", Attach).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Make a piece of the round's evidence back an item (one piece may back several)").Returns<EvidenceInfoDto>();
        round.MapDelete("/items/{indicator}/{item}/evidence/{evidenceId:guid}", Detach).RequireAuthorization(Policies.RunAssessment)
            .WithSummary("Stop a piece of evidence backing an item (it stays in the round)").WritesNothing();
        return api;
    }

    private static async Task<IResult> InfoAsync(EvidenceStore store, Evidence e, int status = StatusCodes.Status200OK)
    {
        var info = EvidenceStore.Info(e, (await store.ItemsAsync(e.RoundId, e.Id)).GetValueOrDefault(e.Id) ?? []);
        return status == StatusCodes.Status201Created ? TypedResults.Created($"/api/v1/assessment-rounds/{e.RoundId}/evidence/{e.Id}", info) : TypedResults.Ok(info);
    }

    private static async Task<IResult> Upload(Guid id, HttpContext http, AppDbContext db, EvidenceStore store, EvidenceStorage storage)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        if (round.Status != RoundStatus.Open) return ApiResults.Conflict(Rounds.ReadOnly);
        if (!storage.LimitRequest(http)) return ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "ไฟล์ใหญ่เกินไป", storage.TooLarge(http.Request.ContentLength));
        if (!http.Request.HasFormContentType) return ApiResults.Validation([new("file", "ส่งไฟล์แบบ multipart/form-data ในช่อง file")]);
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(http.RequestAborted); }
        catch (InvalidDataException) { return ApiResults.Validation([new("file", storage.TooLarge())]); }
        var outcome = await store.UploadAsync(round, form.Files.GetFile("file"), form["title"].ToString(), http.RequestAborted);
        return outcome.Succeeded ? await InfoAsync(store, outcome.Value!, StatusCodes.Status201Created) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Link(Guid id, LinkInput? input, AppDbContext db, EvidenceStore store)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        var outcome = await store.LinkAsync(round, input?.Report, input?.Value(store.Report(input?.Report?.Trim())), input?.Title);
        return outcome.Succeeded ? await InfoAsync(store, outcome.Value!, StatusCodes.Status201Created) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> List(Guid id, AppDbContext db, EvidenceStore store) =>
        await Rounds.FindAsync(db, id) is { } round ? TypedResults.Ok(await store.ListAsync(round.Id)) : ApiResults.NotFound();

    private static async Task<IResult> Get(Guid id, Guid evidenceId, AppDbContext db, EvidenceStore store, CancellationToken ct)
    {
        if (await Rounds.FindAsync(db, id, ct) is not { } round) return ApiResults.NotFound();
        if (await store.FindAsync(round, evidenceId, ct) is not { } evidence) return ApiResults.NotFound(EvidenceStore.NotInRound);
        var (figures, live) = await store.FiguresAsync(round, evidence, ct);
        var info = EvidenceStore.Info(evidence, (await store.ItemsAsync(round.Id, evidence.Id, ct)).GetValueOrDefault(evidence.Id) ?? []);
        return TypedResults.Ok(new EvidenceDetailDto(info, live, figures));
    }

    private static async Task<IResult> Download(Guid id, Guid evidenceId, HttpContext http, AppDbContext db, EvidenceStore store)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        if (await store.FindAsync(round, evidenceId) is not { Kind: EvidenceKind.File } evidence) return ApiResults.NotFound(EvidenceStore.NotInRound);
        return FileResult(http, store, evidence) ?? ApiResults.NotFound("ไม่พบไฟล์ของหลักฐานนี้ในที่เก็บ");
    }

    /// <summary>The stored file as an attachment under its uploaded name, with the content type found at upload; never sniffed by the browser.</summary>
    public static IResult? FileResult(HttpContext http, EvidenceStore store, Evidence evidence)
    {
        if (store.OpenFile(evidence) is not { } stream) return null;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(stream, evidence.ContentType ?? "application/octet-stream", evidence.FileName ?? "evidence");
    }

    private static async Task<IResult> Delete(Guid id, Guid evidenceId, AppDbContext db, EvidenceStore store)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        return (await store.DeleteAsync(round, evidenceId)).ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Attach(Guid id, string indicator, string item, Guid evidenceId, AppDbContext db, EvidenceStore store)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        var outcome = await store.AttachAsync(round, indicator, item, evidenceId);
        return outcome.Succeeded ? await InfoAsync(store, outcome.Value!) : outcome.ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> Detach(Guid id, string indicator, string item, Guid evidenceId, AppDbContext db, EvidenceStore store)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return ApiResults.NotFound();
        return (await store.DetachAsync(round, indicator, item, evidenceId)).ToApi(_ => TypedResults.NoContent());
    }
}
