using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>แผนพัฒนา of the area: every plan with its years and how much it holds; a new plan for area staff.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope user, SavePlan save, TimeProvider time) : PageModel
{
    public sealed class PlanForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; } = nameof(PlanKind.MultiYear);
        public int? StartFiscalYear { get; set; }
        public int? EndFiscalYear { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty] public PlanForm Form { get; set; } = new();
    public Area Area => route.Area;
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, user.Role);
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var year = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        Form = new PlanForm { StartFiscalYear = year, EndFiscalYear = year + 2 };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanWrite) return Forbid();
        var outcome = await save.CreateAsync(Area, new PlanInput(Form.Name, Form.Kind, Form.StartFiscalYear, Form.EndFiscalYear, Form.Description, null));
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Form));
            await LoadAsync();
            return Page();
        }
        TempData["Flash"] = $"เพิ่ม{outcome.Value!.Name}แล้ว — เพิ่มยุทธศาสตร์ โครงการ และตัวชี้วัดได้ที่หน้านี้";
        return Redirect($"/plans/{outcome.Value.Id}");
    }

    private async Task LoadAsync() =>
        Plans = await db.DevelopmentPlans.AsNoTracking().Where(p => p.AreaId == Area.Id).OrderByDescending(p => p.StartFiscalYear).ThenBy(p => p.Name)
            .Select(p => new PlanListItem(p.Id, p.Name, p.Kind, p.StartFiscalYear, p.EndFiscalYear, db.PlanStrategies.Count(s => s.PlanId == p.Id),
                db.PlanProjects.Count(x => x.PlanId == p.Id), db.Kpis.Count(k => k.PlanId == p.Id))).ToListAsync(HttpContext.RequestAborted);
}
