using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Areas;

/// <summary>The area's logo for the header of its printed reports: upload, preview, remove (AreaAdmin).</summary>
[Authorize(Policy = Policies.AreaAdmin)]
[RequestSizeLimit(AreaLogo.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AreaLogo.MaxBytes + 64 * 1024)]
public sealed class LogoModel(AppDbContext db, RouteScope route, SaveAreaLogo save) : PageModel
{
    public Area Area => route.Area;
    public DateTimeOffset? UpdatedAt { get; private set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await save.SetAsync(Area.Id, Upload, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = "บันทึกตราสัญลักษณ์แล้ว รายงาน PDF ต่อจากนี้จะแสดงตรานี้ที่หัวกระดาษ";
            return Redirect($"/areas/{Area.Code}/logo");
        }
        foreach (var e in outcome.Errors) ModelState.AddModelError(nameof(Upload), e.Message);
        await LoadAsync();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var removed = await save.RemoveAsync(Area.Id, HttpContext.RequestAborted);
        TempData["Flash"] = removed ? "นำตราสัญลักษณ์ออกแล้ว" : "ยังไม่มีตราสัญลักษณ์";
        return Redirect($"/areas/{Area.Code}/logo");
    }

    private async Task LoadAsync() =>
        UpdatedAt = await db.AreaLogos.AsNoTracking().Where(l => l.AreaId == Area.Id).Select(l => (DateTimeOffset?)l.UpdatedAt).FirstOrDefaultAsync();
}
