using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training;

public sealed record RevokeInput(string? Reason);

/// <summary>
/// A session's certificates: issue (numbers and codes for everyone who passed), the bulk PDF or ZIP, one holder's PDF
/// (the holder themself or training staff) and revocation. The QR link points at <c>Phatthana:PublicUrl</c> when it is
/// set (the address people reach the system at), else at the address the request came to.
/// </summary>
public static class CertificatesApi
{
    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sessions/{id:guid}/certificates").WithTags("Training");
        group.MapPost("", Issue).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Issue certificates to everyone who passed and has none → the certificates given [{number, code, holder}]").Writes<List<CertificateDto>>();
        group.MapGet("", Download).RequireAuthorization(Policies.RunTraining)
            .WithSummary("The session's certificates as one PDF (?format=pdf) or a ZIP of single PDFs (?format=zip); ?signer=&signerPosition=")
            .Produces(StatusCodes.Status200OK, contentType: PdfRenderer.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{person}", One).RequireAuthorization(Policies.SignedIn)
            .WithSummary("One holder's certificate as PDF: the holder themself or training staff")
            .Produces(StatusCodes.Status200OK, contentType: PdfRenderer.ContentType).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{person}/revoke", Revoke).RequireAuthorization(Policies.RunTraining)
            .WithSummary("Revoke a holder's certificate: {reason}; the verify page then says it is revoked").WritesNothing();
        return api;
    }

    private static async Task<IResult> Issue(Guid id, AppDbContext db, Certificates certificates, HttpContext http)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var outcome = await certificates.IssueAsync(s, http.RequestAborted);
        return outcome.ToApi(list => TypedResults.Ok(list.OrderBy(r => r.CertificateNumber).Select(Certificates.ToDto).ToList()));
    }

    private static async Task<IResult> Download(Guid id, HttpContext http, AppDbContext db, Certificates certificates, string? format, string? signer, string? signerPosition)
    {
        var kind = (format ?? "pdf").Trim().ToLowerInvariant();
        if (kind is not ("pdf" or "zip"))
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "รูปแบบไฟล์ไม่รองรับ", $"ไม่รู้จัก format={format} — ใช้ได้: pdf, zip");
        if (await TrainingApi.FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var rows = await certificates.PrintableAsync(s.Id, ct: http.RequestAborted);
        if (rows.Count == 0) return ApiResults.NotFound("รุ่นนี้ยังไม่มีเกียรติบัตร — ออกเกียรติบัตรก่อน (ผู้ผ่านการอบรมเท่านั้น)");
        var issuer = await IssuerAsync(http, db, s.AreaId, signer, signerPosition);
        var baseUrl = BaseUrl(http);
        var content = rows.Select(r => Certificates.Content(r, s, baseUrl)).ToList();
        var stem = $"certificates-{s.Course!.Code}-{s.StartDate:yyyyMMdd}";
        Log(http, s, content.Count, kind);
        return kind == "zip"
            ? TypedResults.File(CertificateRenderer.Zip(content, issuer), CertificateRenderer.ZipContentType, stem + ".zip")
            : TypedResults.File(CertificateRenderer.Render(content, issuer), PdfRenderer.ContentType, stem + ".pdf");
    }

    private static async Task<IResult> One(Guid id, HttpContext http, RouteScope scope, UserScope user, AppDbContext db, Certificates certificates,
        string? signer, string? signerPosition)
    {
        var person = scope.Person;
        if (!Policies.Allows(Policies.RunTraining, user.Role) && user.SelfNationalId != person.NationalId)
            return ApiResults.Forbidden("ดาวน์โหลดได้เฉพาะเกียรติบัตรของตนเอง");
        if (await TrainingApi.FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Person)
            .FirstOrDefaultAsync(r => r.SessionId == s.Id && r.PersonId == person.Id, http.RequestAborted);
        if (registration is not { Passed: true, CertificateNumber: not null }) return ApiResults.NotFound("ไม่มีเกียรติบัตรของบุคคลนี้ในรุ่นนี้");
        if (registration.CertificateRevokedAt is not null) return ApiResults.Conflict(Certificates.RevokedMessage);
        var issuer = await IssuerAsync(http, db, s.AreaId, signer, signerPosition);
        var pdf = CertificateRenderer.Render([Certificates.Content(registration, s, BaseUrl(http))], issuer);
        Log(http, s, 1, "pdf");
        return TypedResults.File(pdf, PdfRenderer.ContentType, CertificateRenderer.FileName(registration.CertificateNumber));
    }

    private static async Task<IResult> Revoke(Guid id, RevokeInput? input, RouteScope scope, AppDbContext db, Certificates certificates)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } s) return ApiResults.NotFound();
        var registration = await db.Registrations.FirstOrDefaultAsync(r => r.SessionId == s.Id && r.PersonId == scope.Person.Id);
        if (registration is null) return ApiResults.NotFound();
        return (await certificates.RevokeAsync(registration, input?.Reason)).ToApi(_ => TypedResults.NoContent());
    }

    /// <summary>Who issues an area's certificates (training and awards alike): its name and logo, the signer, the digits, the time.</summary>
    public static async Task<CertificateIssuer> IssuerAsync(HttpContext http, AppDbContext db, Guid areaId, string? signer, string? signerPosition)
    {
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == areaId, http.RequestAborted);
        var logo = await db.AreaLogos.AsNoTracking().Where(l => l.AreaId == area.Id).Select(l => l.Image).FirstOrDefaultAsync(http.RequestAborted);
        var services = http.RequestServices;
        return new CertificateIssuer(area.Name, logo, string.IsNullOrWhiteSpace(signer) ? null : signer.Trim(),
            string.IsNullOrWhiteSpace(signerPosition) ? CertificateIssuer.DefaultPosition(area.Name) : signerPosition.Trim(),
            services.GetRequiredService<IOptions<ShellOptions>>().Value.ThaiDigits, services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary>The address the QR code links to: the configured public address, else this request's.</summary>
    public static string BaseUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["Phatthana:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}" : configured.Trim().TrimEnd('/');
    }

    private static void Log(HttpContext http, TrainingSession s, int count, string format) =>
        ExportLog.Record(http, s.AreaId, $"certificates-{s.Id}.{format}", "เกียรติบัตร", format, count, 0);
}
