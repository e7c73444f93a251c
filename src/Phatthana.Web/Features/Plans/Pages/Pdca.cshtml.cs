using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>
/// รายงาน PDCA of a project on screen, and the same report as PDF, Excel and Word (<c>?format=</c>) to print and sign; area
/// staff write what checking found and what changes (C and A in words) on it.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class PdcaModel(AppDbContext db, UserScope user, PdcaView view, SaveProject save) : PageModel
{
    public sealed class NotesForm
    {
        public string? CheckNotes { get; set; }
        public string? ActNotes { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public NotesForm Notes { get; set; } = new();
    public ProjectPdcaDto Pdca { get; private set; } = null!;
    public Report Report { get; private set; } = null!;
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, user.Role);
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (await db.PlanProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted) is not { } project) return NotFound();
        await BuildAsync(project);
        Notes = new NotesForm { CheckNotes = Pdca.CheckNotes, ActNotes = Pdca.Act, Version = Pdca.Version };
        return format is { } f ? ReportResults.File(HttpContext, Report, f).ToActionResult() : Page();
    }

    public async Task<IActionResult> OnPostNotesAsync(Guid id)
    {
        Sent = true;
        if (!CanWrite) return Forbid();
        if (await db.PlanProjects.FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted) is not { } project) return NotFound();
        var outcome = await save.SaveNotesAsync(project, new PdcaNotesInput(Notes.CheckNotes, Notes.ActNotes, Notes.Version), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Notes));
            db.ChangeTracker.Clear();
            await BuildAsync(await db.PlanProjects.AsNoTracking().FirstAsync(p => p.Id == id, HttpContext.RequestAborted));
            return Page();
        }
        TempData["Flash"] = "บันทึกผลการตรวจสอบและการปรับปรุงแล้ว";
        return Redirect($"/projects/{id}/pdca");
    }

    private async Task BuildAsync(PlanProject project)
    {
        var ct = HttpContext.RequestAborted;
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstAsync(p => p.Id == project.PlanId, ct);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == project.AreaId, ct);
        Pdca = await view.ProjectAsync(plan, project, ct);
        Report = await PdcaReport.ProjectAsync(HttpContext, Pdca, area);
    }

    public string FileLink(string format) => $"/projects/{Pdca.Id}/pdca?format={format}";
}
