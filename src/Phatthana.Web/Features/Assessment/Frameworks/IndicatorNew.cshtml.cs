using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>A new indicator in a standard: its rule, levels and consideration items.</summary>
public sealed class IndicatorNewModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    [BindProperty] public IndicatorForm Indicator { get; set; } = new();
    public StandardDef Standard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || LocateStandard(standard) is not (_, var current)) return NotFound();
        Stamp();
        Standard = current;
        Indicator = IndicatorForm.Blank(Standard.Indicators.Select(i => i.Number).DefaultIfEmpty().Max() + 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || LocateStandard(standard) is not (var s, var current)) return NotFound();
        Standard = current;
        var (indicator, missing) = Indicator.Read();
        var document = Draft();
        var at = Place(document.Standards![s]!.Indicators!, indicator, i => i.Number);
        var saved = await SaveAsync(document, new FormPlacement(s, at, IndicatorForm: Indicator), missing);
        return saved is null ? Page() : Saved(saved, $"เพิ่มตัวชี้วัด {standard}.{Indicator.Number}");
    }
}
