using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>Asks first, naming the indicators that go with the standard, then removes it (never the last one).</summary>
public sealed class StandardDeleteModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    public StandardDef Current { get; private set; } = null!;
    public bool IsLast => Framework.Definition.Standards.Count == 1;

    public async Task<IActionResult> OnGetAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || LocateStandard(standard) is not (_, var current)) return NotFound();
        Stamp();
        Current = current;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int standard)
    {
        if (!await LoadAsync(code) || LocateStandard(standard) is not (var index, var current)) return NotFound();
        Current = current;
        var document = Draft();
        document.Standards!.RemoveAt(index);
        var saved = await SaveAsync(document, new FormPlacement());
        return saved is null ? Page() : Saved(saved, $"ลบมาตรฐานที่ {standard}");
    }
}
