using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>A new standard, with its first indicator (a standard without one is not a valid document).</summary>
public sealed class StandardNewModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    [BindProperty] public StandardForm Standard { get; set; } = new();
    [BindProperty] public IndicatorForm Indicator { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        Stamp();
        Standard = new StandardForm { Number = Framework.Definition.Standards.Select(s => s.Number).DefaultIfEmpty().Max() + 1 };
        Indicator = IndicatorForm.Blank(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        var (indicator, missing) = Indicator.Read();
        var document = Draft();
        var at = Place(document.Standards!, new StandardInput(Standard.Number, Standard.Name, [indicator]), s => s.Number);
        var saved = await SaveAsync(document, new FormPlacement(at, 0, EditsStandard: true, Indicator), missing);
        return saved is null ? Page() : Saved(saved, $"เพิ่มมาตรฐานที่ {Standard.Number}");
    }
}
