using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Supervision.Pages;

/// <summary>Records (/areas/{code}/supervision/new, ?school= to start from a school) or changes (/supervision-visits/{id}/edit) a visit.</summary>
[Authorize(Policy = Policies.WriteSupervision)]
public sealed class VisitFormModel(AppDbContext db, RouteScope route, UserScope user, SaveVisit save, SupervisionLookups lookups) : PageModel
{
    [BindProperty] public VisitInput Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public Area Area { get; private set; } = null!;
    /// <summary>A supervisor records their own visits: the form names them instead of offering a choice.</summary>
    public bool OwnVisitsOnly => user.Role == Role.Supervisor;
    public string? SelfName => user.DisplayName;
    public IReadOnlyList<Choice> Schools { get; private set; } = [];
    public IReadOnlyList<Choice> Supervisors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, string? school)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (id is { } vid)
        {
            var v = await db.SupervisionVisits.AsNoTracking().Include(x => x.School).FirstAsync(x => x.Id == vid);
            Input = new VisitInput
            {
                School = v.School!.Code, Supervisor = await db.Users.Where(u => u.Id == v.SupervisorUserId).Select(u => u.Email).FirstOrDefaultAsync(),
                VisitedOn = ThaiDate.Numeric(v.VisitedOn), SubjectArea = v.SubjectArea?.ToString(), Topic = v.Topic, Level = v.Level.ToString(),
                Findings = v.Findings, Recommendations = v.Recommendations, FollowUpStatus = v.FollowUpStatus.ToString(),
                FollowUpDue = v.FollowUpDue is { } d ? ThaiDate.Numeric(d) : null, FollowUpNote = v.FollowUpNote,
                FollowUpDoneOn = v.FollowUpDoneOn is { } o ? ThaiDate.Numeric(o) : null, Version = v.Version,
            };
        }
        else Input = new VisitInput { School = school, VisitedOn = ThaiDate.Numeric(save.Today), FollowUpStatus = nameof(FollowUpStatus.None) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (OwnVisitsOnly) Input.Supervisor = null; // always the caller (SaveVisit fills it in)
        var outcome = id is { } vid
            ? await save.UpdateAsync(await db.SupervisionVisits.FirstAsync(v => v.Id == vid), Input)
            : await save.CreateAsync(Area, Input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = "บันทึกการนิเทศแล้ว";
            return Redirect($"/supervision-visits/{outcome.Value!.Id}");
        }
        if (outcome.ForbiddenReason is not null) return Forbid();
        ModelState.Clear();
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    /// <summary>The area (the route's, or the visit's) and the choices; 404 for a visit not seen, 403 for one the caller may not change.</summary>
    private async Task<IActionResult?> LoadAsync(Guid? id)
    {
        Id = id;
        if (id is { } vid)
        {
            if (await db.SupervisionVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vid) is not { } visit) return NotFound();
            if (!save.MayChange(visit)) return Forbid();
            Area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == visit.AreaId);
        }
        else Area = route.Area;
        Schools = await lookups.SchoolsAsync(Area.Id);
        Supervisors = await lookups.SupervisorsAsync(Area.Id);
        return null;
    }
}
