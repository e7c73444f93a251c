using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Areas;

/// <summary>Create ("/areas/new") or edit an area, and delete it when nothing belongs to it. SystemAdmin only.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class EditModel(AppDbContext db, SaveArea save) : PageModel
{
    [BindProperty] public AreaInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public bool IsNew { get; private set; }
    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (code == "new")
        {
            IsNew = true;
            return Page();
        }
        if (await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code) is not { } area) return NotFound();
        Code = area.Code;
        Input = AreaInput.From(area);
        Version = area.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        IsNew = code == "new";
        Code = IsNew ? null : code;
        Area? area = null;
        if (!IsNew && (area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code)) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = IsNew ? await save.CreateAsync(Input) : await save.UpdateAsync(area!, Input, Version);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึก{outcome.Value!.Name}แล้ว";
            return Redirect($"/areas/{outcome.Value.Code}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code)
    {
        if (await db.Areas.FirstOrDefaultAsync(a => a.Code == code) is not { } area) return NotFound();
        var outcome = await save.DeleteAsync(area);
        TempData["Flash"] = outcome.Succeeded ? $"ลบ{area.Name}แล้ว" : "ลบไม่ได้ เพราะเขตพื้นที่นี้ยังมีสถานศึกษาหรือข้อมูลอื่นอยู่";
        return Redirect(outcome.Succeeded ? "/areas" : $"/areas/{code}/edit");
    }
}
