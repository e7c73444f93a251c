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
        if (!await LoadAsync(code) || Find(standard) is null) return NotFound();
        Stamp();
        Standard = new StandardForm { Number = Current.Number, Name = Current.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || Find(standard) is not { } index) return NotFound();
        var document = Draft();
        var edited = document.Standards![index]! with { Number = Standard.Number, Name = Standard.Name };
        var at = Place(document.Standards, edited, s => s.Number, replacing: index);
        var saved = await SaveAsync(document, new FormPlacement(at, EditsStandard: true));
        return saved is null ? Page() : Saved(saved, $"บันทึกมาตรฐานที่ {Standard.Number}");
    }

    private int? Find(int number)
    {
        var standards = Framework.Definition.Standards;
        var index = standards.ToList().FindIndex(s => s.Number == number);
        if (index < 0) return null;
        Current = standards[index];
        return index;
    }
}
