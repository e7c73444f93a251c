using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Supervision.SupervisionText;

namespace Phatthana.Web.Features.Supervision;

/// <summary>A visit as the lists show it.</summary>
public sealed record VisitRow
{
    public Guid Id { get; init; }
    public DateOnly VisitedOn { get; init; }
    public int AcademicYear { get; init; }
    public int Semester { get; init; }
    public string SchoolCode { get; init; } = "";
    public string School { get; init; } = "";
    public string? Network { get; init; }
    public string Supervisor { get; init; } = "";
    public SubjectArea? SubjectArea { get; init; }
    public string Topic { get; init; } = "";
    public SupervisionLevel Level { get; init; }
    public FollowUpStatus FollowUpStatus { get; init; }
    public DateOnly? FollowUpDue { get; init; }
}

/// <summary>
/// What a visit list is narrowed to: school (10-digit code), network (id), supervisor (account id or e-mail), level, academic
/// year and semester. Read once from the query string for the page, its exports and the API alike.
/// </summary>
public sealed record VisitFilter(string? School = null, Guid? Network = null, string? Supervisor = null, SupervisionLevel? Level = null,
    int? AcademicYear = null, int? Semester = null, bool OverdueOnly = false)
{
    public static Outcome<VisitFilter> Read(string? school, string? network, string? supervisor, string? level, string? academicYear, string? semester,
        bool overdue = false)
    {
        var errors = new List<FieldError>();
        Guid? networkId = null;
        if (Checks.Clean(network) is { } n)
        {
            if (Guid.TryParse(n, out var g)) networkId = g;
            else errors.Add(new("network", $"กลุ่มเครือข่าย \"{n}\" ไม่ถูกต้อง"));
        }
        SupervisionLevel? lvl = null;
        if (Checks.Clean(level) is { } l)
        {
            if (EnumText.TryParse<SupervisionLevel>(l, T.Label, out var parsed)) lvl = parsed;
            else errors.Add(new("level", $"ระดับ \"{l}\" ไม่อยู่ในรายการ — {EnumText.Allowed<SupervisionLevel>(T.Label)}"));
        }
        int? year = null;
        if (Checks.Clean(academicYear) is { } y)
        {
            if (SchoolCalendar.TryReadYear(y, out var parsed)) year = parsed;
            else errors.Add(SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", y));
        }
        int? sem = null;
        if (Checks.Clean(semester) is { } s)
        {
            if (s is "1" or "2") sem = int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
            else errors.Add(new("semester", $"ภาคเรียน \"{s}\" ไม่ถูกต้อง — ใช้ 1 หรือ 2"));
        }
        return errors.Count > 0 ? Outcome<VisitFilter>.Invalid(errors)
            : Outcome<VisitFilter>.Ok(new VisitFilter(Checks.Clean(school), networkId, Checks.Clean(supervisor), lvl, year, sem, overdue));
    }

    /// <summary>The lines under an export's title that say what it was narrowed to.</summary>
    public IEnumerable<string> Describe(string? networkName, string? schoolName, string? supervisorName)
    {
        if (AcademicYear is { } y) yield return Semester is { } s ? T.Semester(s, y) : $"ปีการศึกษา {y}";
        if (networkName is not null) yield return networkName;
        if (schoolName is not null) yield return schoolName;
        if (supervisorName is not null) yield return $"ศึกษานิเทศก์ {supervisorName}";
        if (Level is { } l) yield return $"ผลการนิเทศระดับ{T.Label(l)}";
        if (OverdueOnly) yield return T.Overdue;
    }
}

/// <summary>The visit list's query, table and sorts, shared by the page, its exports and the API.</summary>
public static class VisitRows
{
    /// <summary>Levels are stored by name; sorting goes by their score (ปรับปรุง 1 … ดีเยี่ยม 5), not the alphabet.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<VisitRow, int>> LevelScore = r =>
        r.Level == SupervisionLevel.Excellent ? 5 : r.Level == SupervisionLevel.VeryGood ? 4 : r.Level == SupervisionLevel.Good ? 3 : r.Level == SupervisionLevel.Fair ? 2 : 1;

    public static readonly TableSpec<VisitRow> Table = new("บันทึกการนิเทศ",
        new TableColumn<VisitRow>("วันที่นิเทศ", r => r.VisitedOn, CellKind.Date, "date", Link: r => $"/supervision-visits/{r.Id}", Width: 14),
        new TableColumn<VisitRow>("ภาคเรียน", r => $"{r.Semester}/{r.AcademicYear}", SortKey: "semester", Width: 10, OnScreen: false),
        new TableColumn<VisitRow>("สถานศึกษา", r => r.School, SortKey: "school", Link: r => $"/supervision-visits/{r.Id}", Width: 30, Wrap: true),
        new TableColumn<VisitRow>("กลุ่มเครือข่าย", r => r.Network, SortKey: "network", Width: 24, Wrap: true),
        new TableColumn<VisitRow>("ศึกษานิเทศก์", r => r.Supervisor, SortKey: "supervisor", Width: 24, Wrap: true),
        new TableColumn<VisitRow>("กลุ่มสาระ", r => T.Label(r.SubjectArea), SortKey: "subject", Width: 20, Wrap: true),
        new TableColumn<VisitRow>("ประเด็นการนิเทศ", r => r.Topic, SortKey: "topic", Width: 34, Wrap: true),
        new TableColumn<VisitRow>("ผลการนิเทศ", r => T.Label(r.Level), SortKey: "level", Width: 12),
        new TableColumn<VisitRow>("การติดตามผล", r => FollowUp(r), SortKey: "followup", Width: 22, Wrap: true));

    /// <summary>The same table on a school's own page, without the school and its network.</summary>
    public static readonly TableSpec<VisitRow> ForSchool = new(Table.Title, [.. Table.Columns.Where(c => c.SortKey is not ("school" or "network"))]);

    public static readonly SortMap<VisitRow> Sorts = new SortMap<VisitRow>("date")
        .AddNewestFirst("date", r => r.VisitedOn, r => r.School).AddNewestFirst("semester", r => r.AcademicYear * 10 + r.Semester, r => r.VisitedOn)
        .Add("school", r => r.School, r => r.VisitedOn).Add("network", r => r.Network, r => r.School).Add("supervisor", r => r.Supervisor, r => r.VisitedOn)
        .Add("subject", r => r.SubjectArea, r => r.VisitedOn).Add("topic", r => r.Topic, r => r.VisitedOn)
        .Add("level", LevelScore, r => r.VisitedOn).Add("followup", r => r.FollowUpDue, r => r.VisitedOn);

    private static string FollowUp(VisitRow r) => r.FollowUpStatus == FollowUpStatus.Open && r.FollowUpDue is { } due
        ? $"{T.Label(r.FollowUpStatus)} ภายใน {ThaiDate.Short(due)}" : T.Label(r.FollowUpStatus);

    /// <summary>The area's visits narrowed by the filter and the search text (school, topic, supervisor, findings).</summary>
    public static IQueryable<VisitRow> Query(AppDbContext db, Guid areaId, VisitFilter filter, string? search, DateOnly today)
    {
        var q = db.SupervisionVisits.AsNoTracking().Where(v => v.AreaId == areaId);
        if (filter.School is { } code) q = q.Where(v => v.School!.Code == code);
        if (filter.Network is { } network) q = q.Where(v => v.School!.NetworkId == network);
        if (filter.Supervisor is { } who)
        {
            var email = who.ToUpperInvariant();
            q = q.Where(v => v.SupervisorUserId == who || db.Users.Any(u => u.Id == v.SupervisorUserId && u.NormalizedEmail == email));
        }
        if (filter.Level is { } level) q = q.Where(v => v.Level == level);
        if (filter.AcademicYear is { } year) q = q.Where(v => v.AcademicYear == year);
        if (filter.Semester is { } semester) q = q.Where(v => v.Semester == semester);
        if (filter.OverdueOnly) q = q.Where(v => v.FollowUpStatus == FollowUpStatus.Open && v.FollowUpDue < today);
        if (search is { } text)
            q = q.Where(v => v.School!.Name.Contains(text) || v.School.Code.Contains(text) || v.Topic.Contains(text) || v.SupervisorName.Contains(text)
                || (v.Findings != null && v.Findings.Contains(text)));
        return q.Select(v => new VisitRow
        {
            Id = v.Id, VisitedOn = v.VisitedOn, AcademicYear = v.AcademicYear, Semester = v.Semester, SchoolCode = v.School!.Code, School = v.School.Name,
            Network = v.School.Network == null ? null : v.School.Network.Name, Supervisor = v.SupervisorName, SubjectArea = v.SubjectArea, Topic = v.Topic,
            Level = v.Level, FollowUpStatus = v.FollowUpStatus, FollowUpDue = v.FollowUpDue,
        });
    }
}
