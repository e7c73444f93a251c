using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Development.Catalogue;

/// <summary>Asks before deleting a competency; one a plan or topic uses is not deleted, and the page says why and offers to retire it.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class DeleteCompetencyModel(AppDbContext db, RouteScope route, SaveCompetency save) : PageModel
{
    [BindProperty] public int Version { get; set; }
    public Competency Competency { get; private set; } = null!;
    public string? WhyNot { get; private set; }
    public string? Error { get; private set; }
    public string Back => IndexModel.Link(route.Area.Code, Competency.Group);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Competency.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (name, back) = ($"{Competency.Code} {Competency.Name}", Back);
        var outcome = await save.DeleteAsync(Competency, Version);
        return await FinishAsync(id, outcome.Conflict?.Message, $"ลบสมรรถนะ {name} แล้ว", back);
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await save.SetActiveAsync(Competency, false, Version);
        return await FinishAsync(id, outcome.Conflict?.Message, $"เลิกใช้สมรรถนะ {Competency.Code} {Competency.Name} แล้ว — แผนเดิมยังเห็น แผนใหม่จะไม่มีให้ประเมิน", Back);
    }

    private async Task<IActionResult> FinishAsync(Guid id, string? error, string done, string back)
    {
        if (error is null)
        {
            TempData["Flash"] = done;
            return Redirect(back);
        }
        Error = error;
        if (!await LoadAsync(id)) return NotFound();
        Version = Competency.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.Competencies.FirstOrDefaultAsync(c => c.Id == id && c.AreaId == route.Area.Id) is not { } found) return false;
        Competency = found;
        WhyNot = await save.WhyNotDeleteAsync(found, HttpContext.RequestAborted);
        return true;
    }
}
