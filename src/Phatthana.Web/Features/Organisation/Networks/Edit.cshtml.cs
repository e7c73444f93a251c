using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation.Schools;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Organisation.Networks;

/// <summary>
/// One network: its chair, secretary, goals and member schools. The same page creates (id "new"),
/// shows (read-only for roles that cannot edit), edits and deletes.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(AppDbContext db, RouteScope route, UserScope scope, SaveNetwork save) : PageModel
{
    [BindProperty] public NetworkInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public Area Area => route.Area;
    public bool IsNew { get; private set; }
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public IReadOnlyList<SchoolDto> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == "new")
        {
            if (!CanEdit) return Forbid();
            IsNew = true;
            return Page();
        }
        if (await Find(id, tracked: false) is not { } network) return NotFound();
        Input = NetworkInput.From(network);
        Version = network.Version;
        await LoadMembers(network.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!CanEdit) return Forbid();
        IsNew = id == "new";
        SchoolNetwork? network = null;
        if (!IsNew && (network = await Find(id, tracked: true)) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = IsNew ? await save.CreateAsync(Area, Input) : await save.UpdateAsync(network!, Input, Version);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = "บันทึกเครือข่ายแล้ว";
            return Redirect($"/areas/{Area.Code}/networks/{outcome.Value!.Id}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        if (network is not null) await LoadMembers(network.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        if (!CanEdit) return Forbid();
        if (await Find(id, tracked: true) is not { } network) return NotFound();
        var outcome = await save.DeleteAsync(network);
        TempData["Flash"] = outcome.Succeeded ? $"ลบ{network.Name}แล้ว" : outcome.Conflict?.Message;
        return Redirect($"/areas/{Area.Code}/networks");
    }

    private async Task<SchoolNetwork?> Find(string id, bool tracked)
    {
        if (!Guid.TryParse(id, out var guid)) return null;
        var set = tracked ? db.SchoolNetworks : db.SchoolNetworks.AsNoTracking();
        return await set.FirstOrDefaultAsync(n => n.Id == guid && n.AreaId == Area.Id);
    }

    private async Task LoadMembers(string name) =>
        Members = await SchoolsApi.Rows(db, Area.Id).Where(s => s.Network == name).OrderBy(s => s.Name).ToListAsync();
}
