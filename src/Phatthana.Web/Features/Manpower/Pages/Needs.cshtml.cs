using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>A school says how many teachers of each subject area it needs this year, beside how many it has.</summary>
[Authorize(Policy = Policies.SchoolData)]
public sealed class NeedsModel(AppDbContext db, RouteScope route, SaveSubjectNeeds save, TimeProvider time) : PageModel
{
    public sealed class Row
    {
        public SubjectArea? SubjectArea { get; set; }
        public int? Needed { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];
    /// <summary>The needs' last change when the form was opened; a save over a newer one is refused.</summary>
    [BindProperty] public long Stamp { get; set; }
    [FromQuery] public string? AcademicYear { get; set; }
    public int Year { get; private set; }
    public School School => route.School;
    public IReadOnlyDictionary<SubjectArea, int> Have { get; private set; } = new Dictionary<SubjectArea, int>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (ManpowerApi.NeedsYear(AcademicYear, time) is not { } year) return NotFound();
        Year = year;
        await LoadHaveAsync();
        var list = await SubjectAnalysis.NeedsAsync(db, School.AreaId, year, School.Id);
        Stamp = SaveSubjectNeeds.Stamp(list);
        var needs = list.ToDictionary(n => n.SubjectArea);
        Rows = SubjectAnalysis.Subjects.Select(s => new Row
        {
            SubjectArea = s, Needed = needs.TryGetValue(s, out var n) ? n.Needed : null, Note = needs.GetValueOrDefault(s)?.Note,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ManpowerApi.NeedsYear(AcademicYear, time) is not { } year) return NotFound();
        Year = year;
        await LoadHaveAsync();
        if (!ModelState.IsValid) return Page();
        // A blank "needed" means none asked for; the rows the school filled are what is saved.
        var filled = Rows.Select((r, i) => (Row: r, Index: i)).Where(x => x.Row.Needed is not null || !string.IsNullOrWhiteSpace(x.Row.Note)).ToList();
        var outcome = await save.ReplaceAsync(School, year,
            filled.Select(x => (SubjectNeedInput?)new SubjectNeedInput(x.Row.SubjectArea, x.Row.Needed ?? 0, x.Row.Note)).ToList(), Stamp);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกความต้องการครูรายกลุ่มสาระ ปีการศึกษา {year} แล้ว";
            return Redirect($"/schools/{School.Code}/manpower?academicYear={year}");
        }
        outcome.CopyRowsTo(ModelState, nameof(Rows), filled.Select(x => x.Index).ToList());
        return Page();
    }

    private async Task LoadHaveAsync()
    {
        var posts = await SubjectAnalysis.PostsAsync(db, School.AreaId, School.Id);
        Have = SubjectAnalysis.HaveBySchool(posts).GetValueOrDefault(School.Id) ?? [];
    }
}
