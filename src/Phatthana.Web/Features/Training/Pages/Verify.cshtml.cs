using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// The public page a certificate's QR code opens: who holds it, for which course, when, issued by which office — or that
/// there is no such certificate (or it was revoked). Never the national ID.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(AppDbContext db) : PageModel
{
    public sealed record Found(string Holder, string Course, string Session, DateOnly StartDate, DateOnly EndDate, decimal Hours, string Issuer, string? Number, bool Revoked,
        bool Award = false);

    public Found? Certificate { get; private set; }
    public string Code { get; private set; } = "";

    public async Task OnGetAsync(string certificateCode)
    {
        Code = certificateCode.Length > 64 ? certificateCode[..64] : certificateCode;
        // Anyone may check a certificate, so the lookup is not limited to a signed-in caller's areas.
        Certificate = await db.Registrations.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.CertificateCode == Code && r.Passed == true)
            .Select(r => new Found(r.Person!.Title + r.Person.FirstName + " " + r.Person.LastName, r.Session!.Course!.Name, r.Session.Name,
                r.Session.StartDate, r.Session.EndDate, r.Hours ?? r.Session.Course.Hours,
                db.Areas.IgnoreQueryFilters().Where(a => a.Id == r.AreaId).Select(a => a.Name).FirstOrDefault() ?? "",
                r.CertificateNumber, r.CertificateRevokedAt != null))
            .FirstOrDefaultAsync();
        // An award's certificate (Recognition) carries a code from the same generator; its date is the announcement's.
        Certificate ??= await db.Nominations.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.CertificateCode == Code && n.Awarded && n.Selection!.AnnouncedOn != null)
            .Select(n => new Found(n.Person!.Title + n.Person.FirstName + " " + n.Person.LastName, n.Selection!.Programme!.Name, n.Selection.Title,
                n.Selection.AnnouncedOn!.Value, n.Selection.AnnouncedOn.Value, 0,
                db.Areas.IgnoreQueryFilters().Where(a => a.Id == n.AreaId).Select(a => a.Name).FirstOrDefault() ?? "", n.CertificateNumber, false, true))
            .FirstOrDefaultAsync();
        if (Certificate is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
