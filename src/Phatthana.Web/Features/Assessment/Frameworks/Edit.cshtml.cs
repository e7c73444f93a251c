using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>
/// The editor's home: the framework's name, and its standards and indicators with links to add, change and remove
/// each. Every change is one save of the whole document through <see cref="SaveFramework.ReviseAsync"/>.
/// </summary>
public sealed class EditModel(AppDbContext db, SaveFramework save) : FrameworkEditModel(db, save)
{
    [BindProperty] public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        Stamp();
        Name = Framework.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (!await LoadAsync(code)) return NotFound();
        var saved = await SaveAsync(Draft() with { Name = Name }, new FormPlacement());
        return saved is null ? Page() : Saved(saved, "บันทึกชื่อกรอบการประเมิน");
    }
}
