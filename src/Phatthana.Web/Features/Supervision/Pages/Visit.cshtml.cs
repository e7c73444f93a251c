using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Supervision.Pages;

/// <summary>One visit: its focus, result, findings, recommendations and follow-up; edit and delete (asked to confirm) for those who may.</summary>
[Authorize(Policy = Policies.ReadSupervision)]
public sealed class VisitModel(AppDbContext db, SaveVisit save) : PageModel
{
    public VisitDto Visit { get; private set; } = null!;
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await VisitDto.FindAsync(db, id, save.Today, HttpContext.RequestAborted) is not { } visit) return NotFound();
        Visit = visit;
        CanChange = save.MayChange(await db.SupervisionVisits.AsNoTracking().FirstAsync(v => v.Id == id));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, int? version)
    {
        if (await db.SupervisionVisits.Include(v => v.School).FirstOrDefaultAsync(v => v.Id == id) is not { } visit) return NotFound();
        if (!save.MayChange(visit)) return Forbid();
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == visit.AreaId).Select(a => a.Code).FirstAsync();
        var school = visit.School!.Name;
        var outcome = await save.DeleteAsync(visit, version);
        if (!outcome.Succeeded)
        {
            TempData["Flash"] = outcome.Conflict?.Message ?? outcome.ForbiddenReason;
            return Redirect($"/supervision-visits/{id}");
        }
        TempData["Flash"] = $"ลบบันทึกการนิเทศ{school}แล้ว";
        return Redirect($"/areas/{area}/supervision");
    }
}
