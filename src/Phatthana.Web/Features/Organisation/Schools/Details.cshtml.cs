using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation.StudentCounts;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Schools;

[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(AppDbContext db, RouteScope route, UserScope scope, TimeProvider time, DisplayFormat fmt) : PageModel
{
    public SchoolDto School { get; private set; } = null!;
    public Area Area => route.Area;
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<StudentCountDto> Counts { get; private set; } = [];
    public TableView CountsTable { get; private set; } = null!;
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public bool CanEditCounts => Policies.Allows(Policies.SchoolData, scope.Role);
    public bool CanReadPeople => Policies.Allows(Policies.ReadPeople, scope.Role);
    public int People { get; private set; }
    public int Posts { get; private set; }
    public bool CanReadVisits => Policies.Allows(Policies.ReadSupervision, scope.Role);
    public bool CanWriteVisits => Policies.Allows(Policies.WriteSupervision, scope.Role);
    /// <summary>The school's latest supervision visits (the full list is the supervision page filtered to the school).</summary>
    public TableView? Visits { get; private set; }
    public int VisitCount { get; private set; }
    public int ThisYear => SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time));

    public async Task<IActionResult> OnGetAsync(int? year)
    {
        School = await SchoolsApi.Rows(db, Area.Id).SingleAsync(s => s.Code == route.School.Code);
        Years = await db.StudentCounts.AsNoTracking().Where(c => c.SchoolId == route.School.Id)
            .Select(c => c.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync();
        Year = year is { } y && SchoolCalendar.IsPlausibleBuddhistYear(y) ? y : Years.FirstOrDefault(ThisYear);
        Counts = await SaveStudentCounts.ReadAsync(db, route.School.Id, Year);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, StudentCountsApi.Table, Counts.ToList(), $"student-counts-{School.Code}-{Year}", Area)).ToActionResult();
        CountsTable = StudentCountsApi.Table.ToView(Counts, fmt);
        People = await db.People.CountAsync(p => p.SchoolId == route.School.Id && p.Status == Personnel.PersonStatus.Active);
        Posts = await db.Posts.CountAsync(p => p.SchoolId == route.School.Id);
        if (CanReadVisits)
        {
            var visits = Supervision.VisitRows.Query(db, Area.Id, new Supervision.VisitFilter(School: School.Code), null, ThaiDate.TodayInThailand(time));
            VisitCount = await visits.CountAsync();
            var latest = Supervision.VisitRows.ForSchool.ToView(await visits.OrderByDescending(v => v.VisitedOn).Take(5).ToListAsync(), fmt);
            Visits = latest with { Headers = [.. latest.Headers.Select(h => h with { SortKey = null })] }; // five rows: nothing to sort

        }
        return Page();
    }
}
