using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>ปฏิทินการพัฒนา: every day of a month with the sessions running on it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CalendarModel(AppDbContext db, RouteScope route, TimeProvider time) : PageModel
{
    public sealed record Day(DateOnly Date, IReadOnlyList<SessionRow> Sessions);

    public Area Area => route.Area;
    [FromQuery] public string? Month { get; set; }
    public DateOnly First { get; private set; }
    public IReadOnlyList<Day> Days { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        var today = ThaiDate.TodayInThailand(time);
        var asked = TrainingRows.ReadMonth(Month);
        if (asked is null && !string.IsNullOrWhiteSpace(Month))
        {
            Problem = $"เดือน \"{Month}\" ไม่ถูกต้อง — ใช้ ปปปป-ดด ในปี พ.ศ. เช่น 2569-01";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        First = asked ?? new DateOnly(today.Year, today.Month, 1);
        var last = First.AddMonths(1).AddDays(-1);
        var sessions = await TrainingRows.Sessions(db, Area.Id, First, last).OrderBy(s => s.StartDate).ThenBy(s => s.Course).Take(500).ToListAsync();
        Days = Enumerable.Range(0, last.Day).Select(i => First.AddDays(i))
            .Select(d => new Day(d, sessions.Where(s => s.StartDate <= d && s.EndDate >= d).ToList())).ToList();
    }

    public string MonthLink(int offset) => $"?month={TrainingRows.MonthKey(First.AddMonths(offset))}";
    public string MonthTitle => $"{ThaiDate.MonthNames[First.Month - 1]} {ThaiDate.ToBuddhistYear(First.Year)}";
    public int FiscalYear => SchoolCalendar.FiscalYearOf(First);
}
