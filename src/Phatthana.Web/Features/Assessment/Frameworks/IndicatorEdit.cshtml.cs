using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>One indicator: number, name, rule (count levels or rubric), level descriptions and consideration items.</summary>
public sealed class IndicatorEditModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    [BindProperty] public IndicatorForm Indicator { get; set; } = new();
    public StandardDef Standard { get; private set; } = null!;
    public string Key { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string indicator)
    {
        if (!await LoadAsync(code) || Find(indicator) is not (var s, var i)) return NotFound();
        Stamp();
        Indicator = IndicatorForm.From(Framework.Definition.Standards[s].Indicators[i]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string indicator)
    {
        if (!await LoadAsync(code) || Find(indicator) is not (var s, var i)) return NotFound();
        var (input, missing) = Indicator.Read();
        var document = Draft();
        var at = Place(document.Standards![s]!.Indicators!, input, x => x.Number, replacing: i);
        var saved = await SaveAsync(document, new FormPlacement(s, at, IndicatorForm: Indicator), missing);
        return saved is null ? Page() : Saved(saved, $"บันทึกตัวชี้วัด {Standard.Number}.{Indicator.Number}");
    }

    private (int Standard, int Indicator)? Find(string key)
    {
        if (Locate(key) is not (var s, var i)) return null;
        Standard = Framework.Definition.Standards[s];
        Key = key;
        return (s, i);
    }
}
