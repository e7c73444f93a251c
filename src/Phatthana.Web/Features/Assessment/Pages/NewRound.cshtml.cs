using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// เริ่มรอบการประเมิน: a framework (its current revision), the round's name and period — this half-year's by default — and
/// the indicators in scope (all, or some: seed 001's first round covers only part of the framework).
/// </summary>
[Authorize(Policy = Policies.RunAssessment)]
public sealed class NewRoundModel(AppDbContext db, RouteScope route, Rounds rounds, TimeProvider time) : PageModel
{
    public sealed class RoundForm
    {
        public string? Framework { get; set; }
        public string? Name { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public List<string> Indicators { get; set; } = [];
    }

    [BindProperty] public RoundForm Form { get; set; } = new();
    public Area Area => route.Area;
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    /// <summary>The chosen framework's indicators by standard, for the scope checkboxes.</summary>
    public FrameworkDefinition Definition { get; private set; } = FrameworkDefinition.Empty;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "framework")] string? framework)
    {
        var half = HalfYear.Of(ThaiDate.TodayInThailand(time));
        Form = new RoundForm { Framework = framework ?? Request.Query["Form.Framework"], Name = half.Name, StartDate = ThaiDate.Numeric(half.Start), EndDate = ThaiDate.Numeric(half.End) };
        await LoadAsync();
        // A framework just chosen: every indicator in scope until some are unticked.
        Form.Indicators = Definition.Indicators().Select(x => IndicatorDef.Key(x.Standard, x.Indicator)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new List<FieldError>();
        var start = ReadDate(Form.StartDate, "startDate", "วันเริ่มรอบ", errors);
        var end = ReadDate(Form.EndDate, "endDate", "วันสิ้นสุดรอบ", errors);
        // A date that cannot be read arrives as none, so the use case refuses the round and nothing is saved.
        var outcome = await rounds.CreateAsync(Area, new RoundInput(Form.Framework, Form.Name, start, end, [.. Form.Indicators]));
        if (!outcome.Succeeded)
        {
            // Such a date is reported once, as unreadable, not again as missing.
            foreach (var e in errors.Concat(outcome.Errors.Where(e => !errors.Any(d => d.Field == e.Field))))
                ModelState.AddModelError(Outcome<object>.FormKey(nameof(Form), e.Field.StartsWith("indicators[") ? "indicators" : e.Field), e.Message);
            await LoadAsync();
            return Page();
        }
        TempData["Flash"] = $"เริ่ม{outcome.Value!.Name}แล้ว — มอบหมายผู้รับผิดชอบและบันทึกผลได้ที่แต่ละตัวชี้วัด";
        return Redirect($"/assessment-rounds/{outcome.Value.Id}");
    }

    private async Task LoadAsync()
    {
        Frameworks = await AssessmentApi.CurrentFrameworksAsync(db, HttpContext.RequestAborted);
        Form.Framework ??= Frameworks.FirstOrDefault()?.Code;
        if (Form.Framework is { } code && await SaveFramework.CurrentAsync(db, code, HttpContext.RequestAborted) is { } f) Definition = f.Definition;
    }

    private static DateOnly? ReadDate(string? text, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ThaiDate.TryParse(text, out var date)) return date;
        errors.Add(new(field, $"{label} \"{text}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 01/10/2569"));
        return null;
    }
}
