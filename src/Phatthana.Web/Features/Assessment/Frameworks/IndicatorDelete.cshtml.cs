using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>Asks first, then removes an indicator with its items (never a standard's last one).</summary>
public sealed class IndicatorDeleteModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    public StandardDef Standard { get; private set; } = null!;
    public IndicatorDef Current { get; private set; } = null!;
    public bool IsLast => Standard.Indicators.Count == 1;

    public async Task<IActionResult> OnGetAsync(string code, string indicator)
    {
        if (!await LoadAsync(code) || Find(indicator) is null) return NotFound();
        Stamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string indicator)
    {
        if (!await LoadAsync(code) || Find(indicator) is not (var s, var i)) return NotFound();
        var document = Draft();
        document.Standards![s]!.Indicators!.RemoveAt(i);
        var saved = await SaveAsync(document, new FormPlacement());
        return saved is null ? Page() : Saved(saved, $"ลบตัวชี้วัด {indicator}");
    }

    private (int Standard, int Indicator)? Find(string key)
    {
        if (Locate(key) is not (var s, var i)) return null;
        Standard = Framework.Definition.Standards[s];
        Current = Standard.Indicators[i];
        return (s, i);
    }
}
