using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Organisation.Areas;

/// <summary>The area at a glance: schools by type and size, students of the latest academic year, by grade and district.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OverviewModel(AppDbContext db, RouteScope route, TimeProvider time) : PageModel
{
    public const int SmallSchoolLimit = 120;

    public Area Area => route.Area;
    public int Year { get; private set; }
    public int Schools { get; private set; }
    public IReadOnlyDictionary<SchoolType, int> ByType { get; private set; } = new Dictionary<SchoolType, int>();
    public int SmallSchools { get; private set; }
    public int Students { get; private set; }
    public int Classrooms { get; private set; }
    public int Networks { get; private set; }
    public IReadOnlyList<(Grade Grade, int Boys, int Girls, int Rooms)> ByGrade { get; private set; } = [];
    public IReadOnlyList<(string District, int Schools, int Students)> ByDistrict { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        var areaId = Area.Id;
        var latest = await db.StudentCounts.Where(c => c.AreaId == areaId).MaxAsync(c => (int?)c.AcademicYear);
        Year = year is { } y && SchoolCalendar.IsPlausibleBuddhistYear(y) ? y : latest ?? SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time));
        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId)
            .Select(s => new { s.Id, s.Type, District = s.District!.Name }).ToListAsync();
        Schools = schools.Count;
        ByType = schools.GroupBy(s => s.Type).ToDictionary(g => g.Key, g => g.Count());
        Networks = await db.SchoolNetworks.CountAsync(n => n.AreaId == areaId);

        var counts = await db.StudentCounts.AsNoTracking().Where(c => c.AreaId == areaId && c.AcademicYear == Year)
            .Select(c => new { c.SchoolId, c.Grade, c.Boys, c.Girls, c.Classrooms }).ToListAsync();
        var perSchool = counts.GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => g.Sum(c => c.Boys + c.Girls));
        SmallSchools = schools.Count(s => perSchool.GetValueOrDefault(s.Id) < SmallSchoolLimit);
        Students = perSchool.Values.Sum();
        Classrooms = counts.Sum(c => c.Classrooms);
        ByGrade = counts.GroupBy(c => c.Grade).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(c => c.Boys), g.Sum(c => c.Girls), g.Sum(c => c.Classrooms))).ToList();
        ByDistrict = schools.GroupBy(s => s.District).OrderByDescending(g => g.Count())
            .Select(g => (g.Key, g.Count(), g.Sum(s => perSchool.GetValueOrDefault(s.Id)))).ToList();
    }
}
