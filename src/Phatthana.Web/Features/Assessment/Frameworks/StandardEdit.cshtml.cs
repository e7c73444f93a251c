using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>A standard's number and name; its indicators are edited one by one.</summary>
public sealed class StandardEditModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    [BindProperty] public StandardForm Standard { get; set; } = new();
    public StandardDef Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || LocateStandard(standard) is not (_, var current)) return NotFound();
        Stamp();
        Current = current;
        Standard = new StandardForm { Number = current.Number, Name = current.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || LocateStandard(standard) is not (var index, var current)) return NotFound();
        Current = current;
        var document = Draft();
        var edited = document.Standards![index]! with { Number = Standard.Number, Name = Standard.Name };
        var at = Place(document.Standards, edited, s => s.Number, replacing: index);
        var saved = await SaveAsync(document, new FormPlacement(at, EditsStandard: true));
        return saved is null ? Page() : Saved(saved, $"บันทึกมาตรฐานที่ {Standard.Number}");
    }
}
