using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>
/// What the editing pages share: the framework's current revision (tracked, for <see cref="SaveFramework.ReviseAsync"/>),
/// how many rounds use it, the revision and version the form was opened at (an edit of an older one is refused), and how
/// a refused document's messages reach the form. Only a SystemAdmin edits frameworks.
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
public abstract class FrameworkEditModel(AppDbContext db, SaveFramework save) : PageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public int Version { get; set; }
    public Framework Framework { get; private set; } = null!;
    /// <summary>Rounds of any area on the current revision: while there are some, a save makes the next revision.</summary>
    public int RoundsUsing { get; private set; }

    protected async Task<bool> LoadAsync(string code)
    {
        if (await SaveFramework.CurrentAsync(db, code) is not { } framework) return false;
        Framework = framework;
        RoundsUsing = await db.AssessmentRounds.IgnoreQueryFilters().CountAsync(r => r.FrameworkId == framework.Id);
        return true;
    }

    /// <summary>On opening a form: what it was opened at.</summary>
    protected void Stamp()
    {
        Revision = Framework.Revision;
        Version = Framework.Version;
    }

    /// <summary>A fresh, editable copy of the current document.</summary>
    protected FrameworkInput Draft() => FrameworkDocument.Export(Framework);

    /// <summary>Standard <paramref name="number"/> of the current revision, and where it is.</summary>
    protected (int Index, StandardDef Standard)? LocateStandard(int number) =>
        Framework.Definition.Standards.Select((s, i) => (i, s)).Where(x => x.s.Number == number).Select(x => ((int, StandardDef)?)x).FirstOrDefault();

    /// <summary>(standard index, indicator index) of "1.2" in the current revision.</summary>
    protected (int Standard, int Indicator)? Locate(string key)
    {
        var standards = Framework.Definition.Standards;
        for (var s = 0; s < standards.Count; s++)
            for (var i = 0; i < standards[s].Indicators.Count; i++)
                if (IndicatorDef.Key(standards[s], standards[s].Indicators[i]) == key) return (s, i);
        return null;
    }

    /// <summary>
    /// Puts <paramref name="item"/> (in place of the one at <paramref name="replacing"/>) before the first with a higher
    /// number, leaving the others' order as it was; returns where it went.
    /// </summary>
    protected static int Place<T>(List<T?> list, T item, Func<T, int?> number, int replacing = -1) where T : class
    {
        if (replacing >= 0) list.RemoveAt(replacing);
        var at = number(item) is { } n ? list.FindIndex(x => x is not null && number(x) > n) : -1;
        list.Insert(at < 0 ? list.Count : at, item);
        return at < 0 ? list.Count - 1 : at;
    }

    /// <summary>
    /// Saves the changed document through the use case, or — while the form still misses cells — checks it only, so every
    /// message shows at once. Null when nothing was saved; the messages are on the form.
    /// </summary>
    protected async Task<Framework?> SaveAsync(FrameworkInput document, FormPlacement placement, IReadOnlyList<FieldError>? missing = null)
    {
        if (!ModelState.IsValid || placement.PutMissing(ModelState, missing ?? [], document)) return null;
        var outcome = await save.ReviseAsync(Framework, document with { Revision = Revision }, Version, HttpContext.RequestAborted);
        if (outcome.Succeeded) return outcome.Value;
        placement.Put(ModelState, outcome.Conflict is { } c ? [.. outcome.Errors, c] : outcome.Errors, document);
        // The refused save may have left changes on the tracked revision (or none tracked at all): show it as stored.
        db.ChangeTracker.Clear();
        await LoadAsync(Framework.Code);
        return null;
    }

    /// <summary>Back to the editor with what happened, saying so when the save became a new revision.</summary>
    protected IActionResult Saved(Framework saved, string done)
    {
        TempData["Flash"] = saved.Revision > Revision
            ? $"{done} แล้ว เป็นฉบับที่ {saved.Revision} — รอบการประเมินที่เริ่มแล้วยังใช้ฉบับที่ {Revision}"
            : $"{done} แล้ว";
        return Redirect(DetailsModel.Link(saved.Code) + "/edit");
    }
}
