using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>
/// A new framework: empty (a code, a name and a first standard with its first indicator — the least a valid document
/// holds), or a copy of an existing one's current revision under a new code (<c>?from=</c>).
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class NewModel(AppDbContext db, SaveFramework save) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public StandardForm Standard { get; set; } = new();
    [BindProperty] public IndicatorForm Indicator { get; set; } = new();
    public Framework? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (From is not null && (Source = await SaveFramework.CurrentAsync(db, From)) is null) return NotFound();
        Name = Source?.Name;
        Standard = new StandardForm { Number = 1 };
        Indicator = IndicatorForm.Blank(1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (From is not null && (Source = await SaveFramework.CurrentAsync(db, From)) is null) return NotFound();
        var (document, placement, missing) = Source is not null
            ? (FrameworkDocument.Export(Source) with { Code = Code, Name = Name, Revision = null }, new FormPlacement(), (IReadOnlyList<FieldError>)[])
            : Empty();
        if (!ModelState.IsValid || placement.PutMissing(ModelState, missing, document)) return Page();
        var outcome = await save.CreateAsync(document, ct: HttpContext.RequestAborted);
        if (outcome is { Succeeded: true, Value: { } created })
        {
            TempData["Flash"] = Source is null
                ? $"เพิ่มกรอบการประเมิน {created.Code} แล้ว — เพิ่มมาตรฐานและตัวชี้วัดต่อได้ที่หน้านี้"
                : $"สร้างกรอบการประเมิน {created.Code} จาก {Source.Code} ฉบับที่ {Source.Revision} แล้ว";
            return Redirect(DetailsModel.Link(created.Code) + "/edit");
        }
        // The use case's duplicate message points API callers to PUT; on the page, say what to do here.
        if (outcome.Conflict is { Field: "code" }) ModelState.AddModelError(nameof(Code), FrameworksText.DuplicateCode);
        else placement.Put(ModelState, outcome.Conflict is { } c ? [.. outcome.Errors, c] : outcome.Errors, document);
        return Page();
    }

    private (FrameworkInput, FormPlacement, IReadOnlyList<FieldError>) Empty()
    {
        var (indicator, missing) = Indicator.Read();
        return (new FrameworkInput(Code, Name, [new StandardInput(Standard.Number, Standard.Name, [indicator])]),
            new FormPlacement(0, 0, EditsStandard: true, Indicator), missing);
    }
}
