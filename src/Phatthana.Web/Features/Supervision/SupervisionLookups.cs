using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Supervision;

public sealed record Choice(string Value, string Label);

/// <summary>What the supervision pages offer to choose from: the area's schools, networks, supervisors and the years with visits.</summary>
public sealed class SupervisionLookups(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<Choice>> SchoolsAsync(Guid areaId, CancellationToken ct = default) =>
        (await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId).Select(s => new Choice(s.Code, s.Name)).ToListAsync(ct))
        .OrderBy(c => c.Label, ThaiText.Comparer).ToList();

    public async Task<IReadOnlyList<Choice>> NetworksAsync(Guid areaId, CancellationToken ct = default) =>
        (await db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == areaId).Select(n => new Choice(n.Id.ToString(), n.Name)).ToListAsync(ct))
        .OrderBy(c => c.Label, ThaiText.NaturalComparer).ToList();

    /// <summary>Supervisor accounts of the area (value: e-mail, as the API takes it).</summary>
    public async Task<IReadOnlyList<Choice>> SupervisorsAsync(Guid areaId, CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().Where(u => u.Role == Role.Supervisor && u.IsActive && u.AreaGrants.Any(g => g.AreaId == areaId))
            .Select(u => new Choice(u.Email!, u.DisplayName)).ToListAsync(ct))
        .OrderBy(c => c.Label, ThaiText.Comparer).ToList();

    /// <summary>Academic years with visits, and this one, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(Guid areaId, CancellationToken ct = default)
    {
        var years = await db.SupervisionVisits.AsNoTracking().Where(v => v.AreaId == areaId).Select(v => v.AcademicYear).Distinct().ToListAsync(ct);
        years.Add(SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time)));
        return years.Distinct().OrderDescending().ToList();
    }
}
