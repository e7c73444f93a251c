using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Organisation;

/// <summary>Finds a district or network of an area by its name, adding it when it is new.</summary>
public static class AreaLookups
{
    public static async Task<District> DistrictAsync(AppDbContext db, Guid areaId, string name, CancellationToken ct)
    {
        var clean = Normalise(name);
        return db.Districts.Local.FirstOrDefault(d => d.AreaId == areaId && d.Name == clean)
            ?? await db.Districts.FirstOrDefaultAsync(d => d.AreaId == areaId && d.Name == clean, ct)
            ?? db.Districts.Add(new District { AreaId = areaId, Name = clean }).Entity;
    }

    public static async Task<SchoolNetwork> NetworkAsync(AppDbContext db, Guid areaId, string name, CancellationToken ct)
    {
        var clean = Normalise(name);
        return db.SchoolNetworks.Local.FirstOrDefault(n => n.AreaId == areaId && n.Name == clean)
            ?? await db.SchoolNetworks.FirstOrDefaultAsync(n => n.AreaId == areaId && n.Name == clean, ct)
            ?? db.SchoolNetworks.Add(new SchoolNetwork { AreaId = areaId, Name = clean }).Entity;
    }

    /// <summary>The area's district names in Thai dictionary order, for filters and forms.</summary>
    public static async Task<List<string>> DistrictNamesAsync(AppDbContext db, Guid areaId) =>
        (await db.Districts.AsNoTracking().Where(d => d.AreaId == areaId).Select(d => d.Name).ToListAsync())
        .Order(Shared.Thai.ThaiText.Comparer).ToList();

    /// <summary>The area's network names in Thai dictionary order, for filters and forms.</summary>
    public static async Task<List<string>> NetworkNamesAsync(AppDbContext db, Guid areaId) =>
        (await db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == areaId).Select(n => n.Name).ToListAsync())
        .Order(Shared.Thai.ThaiText.Comparer).ToList();

    /// <summary>"อำเภอ  เมือง", "อำเภอ\u00a0เมือง" and "อำเภอ เมือง\u200b" are one district.</summary>
    public static string Normalise(string name) => Checks.Clean(name) ?? "";
}
