using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>What the area's hours and coupon pages share: the fiscal year asked (or this one), the school filter, the settings.</summary>
public abstract class TrainingYearPage(AppDbContext db, RouteScope route, TimeProvider time) : PageModel
{
    protected AppDbContext Db => db;
    [FromQuery] public string? FiscalYear { get; set; }
    /// <summary>A school's 10-digit, SMIS or OBEC code; blank = every school the caller sees.</summary>
    [FromQuery] public string? School { get; set; }
    public Area Area => route.Area;
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public SchoolRef? SelectedSchool { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Schools { get; private set; } = [];
    public TrainingSettings Settings { get; private set; } = null!;
    public List<Shared.Validation.FieldError> Errors { get; } = [];

    /// <summary>Reads the year and school; false (with <see cref="Errors"/>) when either is wrong.</summary>
    protected async Task<bool> ReadFiltersAsync(CancellationToken ct)
    {
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        Years = TrainingLedger.Years(current);
        var year = TrainingApi.FiscalYear(FiscalYear, time);
        Year = year.Succeeded ? year.Value : current;
        if (!year.Succeeded) Errors.AddRange(year.Errors);
        Schools = (await db.Schools.AsNoTracking().Where(s => s.AreaId == Area.Id).Select(s => new { s.Code, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Name, ThaiText.Comparer).Select(s => (s.Code, s.Name)).ToList();
        if (!string.IsNullOrWhiteSpace(School))
        {
            SelectedSchool = (await SchoolFinder.ForCodesAsync(db, Area.Id, [School])).Find(School, out _);
            if (SelectedSchool is null) Errors.Add(new("school", SchoolFinder.Unknown(School)));
        }
        Settings = await TrainingLedger.SettingsAsync(db, Area.Id, ct);
        return Errors.Count == 0;
    }

    public string Subtitle => $"ปีงบประมาณ {Year}" + (SelectedSchool is { } s ? $" · {s.Name}" : "");
}
