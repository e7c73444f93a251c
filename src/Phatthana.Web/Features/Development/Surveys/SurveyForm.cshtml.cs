using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>Starts a survey round (/surveys/new) or changes one: name, fiscal year, optional window (วว/ดด/ปปปป พ.ศ.) and target positions.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class SurveyFormModel(AppDbContext db, RouteScope route, TimeProvider time, SaveNeedsSurvey save) : PageModel
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public int? FiscalYear { get; set; }
        public string? OpensOn { get; set; }
        public string? ClosesOn { get; set; }
        public List<string> TargetPositions { get; set; } = [];
        public int? Version { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public Area Area => route.Area;
    public NeedsSurvey? Existing { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string Back => Existing is { } s ? $"{IndexModel.Link(Area.Code)}/{s.Id}" : IndexModel.Link(Area.Code);

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        Input = Existing is { } s
            ? new Form
            {
                Name = s.Name, FiscalYear = s.FiscalYear, OpensOn = s.OpensOn is { } o ? ThaiDate.Numeric(o) : null, ClosesOn = s.ClosesOn is { } c ? ThaiDate.Numeric(c) : null,
                TargetPositions = s.TargetPositions.Select(p => p.ToString()).ToList(), Version = s.Version,
            }
            : new Form { Name = $"สำรวจความต้องการในการพัฒนา ปีงบประมาณ {current}", FiscalYear = current };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var errors = new List<FieldError>();
        var input = new NeedsSurveyInput
        {
            Name = Input.Name, FiscalYear = Input.FiscalYear, TargetPositions = Input.TargetPositions, Version = Input.Version,
            OpensOn = Date(Input.OpensOn, "opensOn", "วันเปิดรับคำตอบ", errors), ClosesOn = Date(Input.ClosesOn, "closesOn", "วันปิดรับคำตอบ", errors),
        };
        var outcome = errors.Count > 0 ? Outcome<NeedsSurvey>.Invalid([.. errors, .. SaveNeedsSurvey.Read(input).Errors.Where(e => errors.All(d => d.Field != e.Field))])
            : Existing is { } s ? await save.UpdateAsync(s, input) : await save.CreateAsync(Area, input);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"บันทึกแบบสำรวจ {outcome.Value!.Name} แล้ว";
            return Redirect($"{IndexModel.Link(Area.Code)}/{outcome.Value.Id}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        return Page();
    }

    private async Task<bool> LoadAsync(Guid? id)
    {
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        Years = Enumerable.Range(current - 1, 3).Reverse().ToList();
        if (id is not { } key) return true;
        Existing = await NeedsSurveysApi.Find(db, key);
        if (Existing is { } s && !Years.Contains(s.FiscalYear)) Years = [.. Years, s.FiscalYear];
        return Existing?.AreaId == Area.Id;
    }

    private static DateOnly? Date(string? text, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ThaiDate.TryParse(text, out var date)) return date;
        errors.Add(new(field, $"{label} \"{text}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 01/11/2569"));
        return null;
    }
}
