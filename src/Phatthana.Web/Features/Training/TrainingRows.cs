using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Training.TrainingText;

namespace Phatthana.Web.Features.Training;

/// <summary>A session as the lists show it: course, รุ่น, dates, venue, method, seats and status.</summary>
public sealed record SessionRow
{
    public Guid Id { get; init; }
    public Guid CourseId { get; init; }
    public string CourseCode { get; init; } = "";
    public string Course { get; init; } = "";
    public string Name { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public string Venue { get; init; } = "";
    public DevelopmentMethod Method { get; init; }
    public int Registered { get; init; }
    public int Capacity { get; init; }
    public SessionStatus Status { get; init; }
}

/// <summary>A course as its list shows it.</summary>
public sealed record CourseRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public DevelopmentMethod Method { get; init; }
    public decimal Hours { get; init; }
    public decimal PassPercent { get; init; }
    public string? Provider { get; init; }
    public int Sessions { get; init; }
}

/// <summary>The training lists' queries and tables, shared by the pages and their exports.</summary>
public static class TrainingRows
{
    public static readonly TableSpec<SessionRow> SessionsTable = new("รุ่นการพัฒนา",
        new TableColumn<SessionRow>("หลักสูตร", r => r.Course, SortKey: "course", Link: r => $"/courses/{r.CourseId}", Width: 34, Wrap: true),
        new TableColumn<SessionRow>("รุ่น", r => r.Name, SortKey: "name", Link: r => $"/sessions/{r.Id}", Width: 14, Wrap: true),
        new TableColumn<SessionRow>("วันที่เริ่ม", r => r.StartDate, CellKind.Date, "start", Width: 14),
        new TableColumn<SessionRow>("วันที่สิ้นสุด", r => r.EndDate, CellKind.Date, "end", Width: 14),
        new TableColumn<SessionRow>("สถานที่", r => r.Venue, SortKey: "venue", Width: 24, Wrap: true),
        new TableColumn<SessionRow>("รูปแบบ", r => T.Label(r.Method), SortKey: "method", Width: 16, Wrap: true),
        new TableColumn<SessionRow>("ลงทะเบียน/รับ", r => $"{r.Registered:#,0} / {r.Capacity:#,0}", SortKey: "registered", InFile: false),
        new TableColumn<SessionRow>("ลงทะเบียน", r => r.Registered, CellKind.Number, Width: 11, OnScreen: false),
        new TableColumn<SessionRow>("รับ", r => r.Capacity, CellKind.Number, Width: 9, OnScreen: false),
        new TableColumn<SessionRow>("สถานะ", r => T.Label(r.Status), SortKey: "status", Width: 16));

    public static readonly SortMap<SessionRow> SessionSorts = new SortMap<SessionRow>("start")
        .Add("start", r => r.StartDate, r => r.Course).Add("end", r => r.EndDate, r => r.Course).Add("course", r => r.Course, r => r.StartDate)
        .Add("name", r => r.Name, r => r.StartDate).Add("venue", r => r.Venue, r => r.StartDate).Add("method", r => r.Method, r => r.StartDate)
        .Add("registered", r => r.Registered, r => r.StartDate).Add("capacity", r => r.Capacity, r => r.StartDate).Add("status", r => r.Status, r => r.StartDate);

    public static readonly TableSpec<CourseRow> CoursesTable = new("หลักสูตรการพัฒนา",
        new TableColumn<CourseRow>("รหัส", r => r.Code, SortKey: "code", Link: r => $"/courses/{r.Id}", Width: 14),
        new TableColumn<CourseRow>("ชื่อหลักสูตร", r => r.Name, SortKey: "name", Link: r => $"/courses/{r.Id}", Width: 40, Wrap: true),
        new TableColumn<CourseRow>("รูปแบบ", r => T.Label(r.Method), SortKey: "method", Width: 18, Wrap: true),
        new TableColumn<CourseRow>("ชั่วโมง", r => r.Hours, CellKind.Decimal, Width: 10),
        new TableColumn<CourseRow>("เกณฑ์ผ่าน (%)", r => r.PassPercent, CellKind.Decimal, Width: 12),
        new TableColumn<CourseRow>("หน่วยงานผู้จัด", r => r.Provider, SortKey: "provider", Width: 22, Wrap: true),
        new TableColumn<CourseRow>("จำนวนรุ่น", r => r.Sessions, CellKind.Number, "sessions", Width: 10));

    public static readonly SortMap<CourseRow> CourseSorts = new SortMap<CourseRow>("code")
        .Add("code", r => r.Code).Add("name", r => r.Name, r => r.Code).Add("method", r => r.Method, r => r.Code)
        .Add("provider", r => r.Provider, r => r.Code).Add("sessions", r => r.Sessions, r => r.Code);

    /// <summary>Sessions of the area that run on any day between the two dates (inclusive), optionally searched.</summary>
    public static IQueryable<SessionRow> Sessions(AppDbContext db, Guid areaId, DateOnly from, DateOnly to, string? search = null)
    {
        var q = db.TrainingSessions.AsNoTracking().Where(s => s.AreaId == areaId && s.StartDate <= to && s.EndDate >= from);
        if (search is { } text)
            q = q.Where(s => s.Name.Contains(text) || s.Venue.Contains(text) || s.Course!.Name.Contains(text) || s.Course.Code.Contains(text));
        return q.Select(s => new SessionRow
        {
            Id = s.Id, CourseId = s.CourseId, CourseCode = s.Course!.Code, Course = s.Course.Name, Name = s.Name, StartDate = s.StartDate, EndDate = s.EndDate,
            Venue = s.Venue, Method = s.Course.Method, Registered = s.Registered, Capacity = s.Capacity, Status = s.Status,
        });
    }

    /// <summary>Sessions starting in the fiscal year (as the summary counts them).</summary>
    public static IQueryable<SessionRow> SessionsOfFiscalYear(AppDbContext db, Guid areaId, int fiscalYear, string? search = null)
    {
        var from = SchoolCalendar.FiscalYearStart(fiscalYear);
        var to = SchoolCalendar.FiscalYearEnd(fiscalYear);
        return Sessions(db, areaId, DateOnly.MinValue, DateOnly.MaxValue, search).Where(s => s.StartDate >= from && s.StartDate <= to);
    }

    public static IQueryable<CourseRow> Courses(AppDbContext db, Guid areaId, string? search = null)
    {
        var q = db.Courses.AsNoTracking().Where(c => c.AreaId == areaId);
        if (search is { } text) q = q.Where(c => c.Code.Contains(text) || c.Name.Contains(text) || (c.Provider != null && c.Provider.Contains(text)));
        return q.Select(c => new CourseRow
        {
            Id = c.Id, Code = c.Code, Name = c.Name, Method = c.Method, Hours = c.Hours, PassPercent = c.PassPercent, Provider = c.Provider,
            Sessions = db.TrainingSessions.Count(s => s.CourseId == c.Id),
        });
    }

    /// <summary>The fiscal years to choose from: those that have sessions, and the current one.</summary>
    public static async Task<IReadOnlyList<int>> FiscalYearsAsync(AppDbContext db, Guid areaId, int current, CancellationToken ct = default)
    {
        var span = await db.TrainingSessions.AsNoTracking().Where(s => s.AreaId == areaId)
            .GroupBy(_ => 1).Select(g => new { First = g.Min(s => s.StartDate), Last = g.Max(s => s.StartDate) }).FirstOrDefaultAsync(ct);
        var first = Math.Min(current, span is null ? current : SchoolCalendar.FiscalYearOf(span.First));
        var last = Math.Max(current, span is null ? current : SchoolCalendar.FiscalYearOf(span.Last));
        return Enumerable.Range(first, Math.Min(last - first + 1, 30)).Reverse().ToList();
    }

    /// <summary>"2569-01" (พ.ศ.) or "2026-01" (ค.ศ.) → the first of that month; null when unreadable.</summary>
    public static DateOnly? ReadMonth(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = ThaiNumber.ToArabicDigits(text.Trim()).Split('-', '/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var year) || !int.TryParse(parts[1], out var month) || month is < 1 or > 12) return null;
        if (year >= 2400) year = ThaiDate.ToGregorianYear(year);
        return year is >= 1900 and <= 2200 ? new DateOnly(year, month, 1) : null;
    }

    public static string MonthKey(DateOnly first) => $"{ThaiDate.ToBuddhistYear(first.Year)}-{first.Month:00}";
}
