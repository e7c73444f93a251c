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
        Districts = await AreaLookups.DistrictNamesAsync(db, areaId);
        Networks = await AreaLookups.NetworkNamesAsync(db, areaId);
    }
}
