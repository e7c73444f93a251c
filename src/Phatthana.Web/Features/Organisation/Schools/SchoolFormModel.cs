using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Organisation.Schools;

/// <summary>What the create and edit pages share: the bound input and the district/network choices.</summary>
public abstract class SchoolFormModel(AppDbContext db) : PageModel
{
    [BindProperty] public SchoolInput Input { get; set; } = new();
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<string> Networks { get; private set; } = [];

    protected AppDbContext Db => db;

    protected async Task LoadChoicesAsync(Guid areaId)
    {
        Districts = await db.Districts.AsNoTracking().Where(d => d.AreaId == areaId).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync();
        Networks = await db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == areaId).OrderBy(n => n.Name).Select(n => n.Name).ToListAsync();
    }
}
