using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>รายงานการประเมินตนเอง (SAR) of a round on screen, with the same report as Word, PDF and Excel (<c>?format=</c>).</summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class SelfAssessmentReportModel(AppDbContext db, EvidenceStore store) : PageModel
{
    public AssessmentRound Round { get; private set; } = null!;
    public Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Round = round;
        Report = await SelfAssessmentReport.BuildAsync(HttpContext, db, store, round, HttpContext.RequestAborted);
        return format is { } f ? ReportResults.File(HttpContext, Report, f).ToActionResult() : Page();
    }

    public string FileLink(string format) => $"/assessment-rounds/{Round.Id}/report?format={format}";
}
