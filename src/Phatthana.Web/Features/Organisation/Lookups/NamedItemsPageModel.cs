using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Lookups;

/// <summary>The page of an area's simple named list (districts, divisions): add, rename, delete in place.</summary>
public abstract class NamedItemsPageModel<TItem>(AppDbContext db, RouteScope route, UserScope scope, SaveNamedItem<TItem> save) : PageModel, INamedItemsView
    where TItem : class, INamedAreaItem, new()
{
    public abstract string Title { get; }
    public abstract string ItemLabel { get; }
    public abstract string? UsedByLabel { get; }

    public Area Area => route.Area;
    protected AppDbContext Db => db;
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public IReadOnlyList<NamedItemRow> Items { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    public Guid? ErrorFor { get; private set; }

    /// <summary>How many rows use each item (schools of a district, people of a division).</summary>
    protected abstract IQueryable<NamedItemRow> Rows(IQueryable<TItem> items);

    public async Task<IActionResult> OnGetAsync()
    {
        Items = await LoadAsync();
        if (!TableResults.WantsFile(Request)) return Page();
        var spec = new TableSpec<NamedItemRow>(Title, [
            new TableColumn<NamedItemRow>(ItemLabel, x => x.Name, Width: 40),
            .. UsedByLabel is { } used ? [new TableColumn<NamedItemRow>(used, x => x.UsedBy, CellKind.Number, Width: 18)] : Array.Empty<TableColumn<NamedItemRow>>(),
        ]);
        return (await TableResults.FileAsync(HttpContext, spec, Items, $"{Request.Path.Value!.Split('/')[^1]}-{Area.Code}", Area)).ToActionResult();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!CanEdit) return Forbid();
        var outcome = await save.CreateAsync(Area, new NamedItemInput { Name = Name });
        return await Finish(outcome.Succeeded, outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []).Select(e => e.Message), null, $"เพิ่ม {Name?.Trim()} แล้ว");
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, int version)
    {
        if (!CanEdit) return Forbid();
        if (await db.Set<TItem>().FirstOrDefaultAsync(x => x.Id == id && x.AreaId == Area.Id) is not { } item) return NotFound();
        var outcome = await save.UpdateAsync(item, new NamedItemInput { Name = Name }, version);
        return await Finish(outcome.Succeeded, outcome.Errors.Concat(outcome.Conflict is { } c ? [c] : []).Select(e => e.Message), id, "บันทึกแล้ว");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!CanEdit) return Forbid();
        if (await db.Set<TItem>().FirstOrDefaultAsync(x => x.Id == id && x.AreaId == Area.Id) is not { } item) return NotFound();
        var name = item.Name;
        var outcome = await save.DeleteAsync(item);
        return await Finish(outcome.Succeeded, outcome.Conflict is { } c ? [c.Message] : [], id, $"ลบ {name} แล้ว");
    }

    private async Task<IActionResult> Finish(bool ok, IEnumerable<string> errors, Guid? id, string flash)
    {
        if (ok)
        {
            TempData["Flash"] = flash;
            return Redirect(Request.Path);
        }
        foreach (var e in errors) ModelState.AddModelError(nameof(Name), e);
        ErrorFor = id;
        Items = await LoadAsync();
        return Page();
    }

    private async Task<List<NamedItemRow>> LoadAsync() =>
        (await Rows(db.Set<TItem>().AsNoTracking().Where(x => x.AreaId == Area.Id)).ToListAsync())
        .OrderBy(x => x.Name, Shared.Thai.ThaiText.Comparer).ToList();
}

public sealed record NamedItemRow
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public int Version { get; init; }
    public int UsedBy { get; init; }
}

/// <summary>What the shared partial reads, free of the item type.</summary>
public interface INamedItemsView
{
    string Title { get; }
    string ItemLabel { get; }
    string? UsedByLabel { get; }
    Area Area { get; }
    bool CanEdit { get; }
    IReadOnlyList<NamedItemRow> Items { get; }
    string? Name { get; }
    Guid? ErrorFor { get; }
}
