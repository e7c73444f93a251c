using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Organisation.StudentCounts;

/// <summary>The grid of grades a school teaches; a blank row means the school has no such grade this year.</summary>
[Authorize(Policy = Policies.SchoolData)]
public sealed class EditModel(AppDbContext db, RouteScope route, SaveStudentCounts save) : PageModel
{
    [BindProperty] public List<StudentCountInput> Rows { get; set; } = [];
    public School School => route.School;
    public int AcademicYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int academicYear, int? copyFrom)
    {
        if (!SchoolCalendar.IsPlausibleBuddhistYear(academicYear)) return NotFound();
        AcademicYear = academicYear;
        var existing = await SaveStudentCounts.ReadAsync(db, School.Id, copyFrom ?? academicYear);
        Rows = GradesFor(School.Type, existing.Select(e => e.Grade))
            .Select(g => existing.FirstOrDefault(e => e.Grade == g) is { } e
                ? new StudentCountInput { Grade = g, Boys = e.Boys, Girls = e.Girls, Classrooms = e.Classrooms }
                : new StudentCountInput { Grade = g })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int academicYear)
    {
        if (!SchoolCalendar.IsPlausibleBuddhistYear(academicYear)) return NotFound();
        AcademicYear = academicYear;
        if (!ModelState.IsValid) return Page();
        var filled = Rows.Select((r, i) => (Row: r, Index: i)).Where(x => x.Row.Boys is not null || x.Row.Girls is not null || x.Row.Classrooms is not null).ToList();
        var outcome = await save.ReplaceAsync(School, academicYear, filled.Select(x => (StudentCountInput?)x.Row).ToList());
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกจำนวนนักเรียนปีการศึกษา {academicYear} แล้ว";
            return Redirect($"/schools/{School.Code}?year={academicYear}");
        }
        outcome.CopyRowsTo(ModelState, nameof(Rows), filled.Select(x => x.Index).ToList());
        return Page();
    }

    /// <summary>The grades a school of this type teaches, plus any it has reported before.</summary>
    public static IReadOnlyList<Grade> GradesFor(SchoolType type, IEnumerable<Grade> reported)
    {
        Grade[] preschool = [Grade.K1, Grade.K2, Grade.K3];
        Grade[] primary = [Grade.P1, Grade.P2, Grade.P3, Grade.P4, Grade.P5, Grade.P6];
        Grade[] lower = [Grade.M1, Grade.M2, Grade.M3];
        Grade[] upper = [Grade.M4, Grade.M5, Grade.M6];
        IEnumerable<Grade> taught = type switch
        {
            SchoolType.Primary => [.. preschool, .. primary],
            SchoolType.ExtendedOpportunity => [.. preschool, .. primary, .. lower],
            _ => [.. lower, .. upper],
        };
        return taught.Union(reported).OrderBy(g => g).ToList();
    }
}
