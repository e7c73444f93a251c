using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Manpower;

public enum ManpowerStatus { Shortage, Surplus, Exact }

/// <summary>What the analysis needs to know of a school: codes, names and where it sits (district, network).</summary>
public sealed record SchoolFacts(Guid Id, Guid AreaId, string Code, string Name, SchoolType Type, Guid DistrictId, string District, Guid? NetworkId, string? Network);

/// <summary>One school's requirement against its register (posts filled or vacant).</summary>
public sealed record SchoolManpower(SchoolFacts School, StaffingRequirement Requirement, int ActualTeachers, int ActualAdministrators, int VacantPosts)
{
    public int Required => Requirement.Total;
    public int Actual => ActualTeachers + ActualAdministrators;
    public int Difference => Actual - Required;
    public ManpowerStatus Status => Difference < 0 ? ManpowerStatus.Shortage : Difference > 0 ? ManpowerStatus.Surplus : ManpowerStatus.Exact;
}

/// <summary>The area's totals (API.md): posts short in schools short, posts over in schools over, and the net.</summary>
public sealed record ManpowerSummary(
    int Schools, int ShortageSchools, int ShortagePosts, int SurplusSchools, int SurplusPosts, int ExactSchools,
    int RequiredPosts, int ActualPosts, int NetSurplus, decimal NetSurplusPercent)
{
    public static ManpowerSummary Of(IReadOnlyCollection<SchoolManpower> schools)
    {
        var required = schools.Sum(s => s.Required);
        var actual = schools.Sum(s => s.Actual);
        var net = actual - required;
        return new ManpowerSummary(
            schools.Count,
            schools.Count(s => s.Status == ManpowerStatus.Shortage), schools.Where(s => s.Status == ManpowerStatus.Shortage).Sum(s => -s.Difference),
            schools.Count(s => s.Status == ManpowerStatus.Surplus), schools.Where(s => s.Status == ManpowerStatus.Surplus).Sum(s => s.Difference),
            schools.Count(s => s.Status == ManpowerStatus.Exact),
            required, actual, net, required == 0 ? 0m : Math.Round(net * 100m / required, 2, MidpointRounding.AwayFromZero));
    }
}

/// <summary>The analysis of one academic year: the rule set used, each school with student counts, and the schools without them.</summary>
public sealed record ManpowerResult(int AcademicYear, StaffingRuleSet RuleSet, IReadOnlyList<SchoolManpower> Schools, IReadOnlyList<SchoolFacts> MissingCounts)
{
    public ManpowerSummary Summary { get; } = ManpowerSummary.Of(Schools);
}

/// <summary>Narrows the analysis to part of the area; the summary is then of that part.</summary>
public sealed record ManpowerFilter(Guid? District = null, Guid? Network = null, SchoolType? Type = null, ManpowerStatus? Status = null, string? Search = null)
{
    /// <summary>The part of the area the summary is of: district, network and type, without status or search.</summary>
    public ManpowerFilter Part => this with { Status = null, Search = null };

    public bool Any => District is not null || Network is not null || Type is not null || Status is not null || Search is not null;

    public bool Keeps(SchoolFacts s) =>
        (District is null || s.DistrictId == District) && (Network is null || s.NetworkId == Network) && (Type is null || s.Type == Type) &&
        (Search is null || s.Code.Contains(Search, StringComparison.OrdinalIgnoreCase) || s.Name.Contains(Search, StringComparison.OrdinalIgnoreCase));

    public bool Keeps(SchoolManpower s) => Keeps(s.School) && (Status is null || s.Status == Status);
}

/// <summary>
/// The manpower analysis computed in bulk: one query for the schools, one for the student counts of the year, one
/// for the posts grouped by school and type, then the criteria applied in memory — never a query per school.
/// </summary>
public static class ManpowerCalculation
{
    /// <summary>The rule set in force for an academic year: the latest that starts on or before it.</summary>
    public static Task<StaffingRuleSet?> RuleSetForAsync(AppDbContext db, int academicYear, CancellationToken ct = default) =>
        db.StaffingRuleSets.AsNoTracking().Where(r => r.EffectiveFromYear <= academicYear)
            .OrderByDescending(r => r.EffectiveFromYear).FirstOrDefaultAsync(ct);

    /// <summary>Academic years with student counts in the area, newest first.</summary>
    public static Task<List<int>> YearsAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        db.StudentCounts.AsNoTracking().Where(c => c.AreaId == areaId).Select(c => c.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>Academic years with student counts in the area and how many schools have each, newest first.</summary>
    public static async Task<List<(int Year, int Schools)>> CoverageAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        (await db.StudentCounts.AsNoTracking().Where(c => c.AreaId == areaId)
            .GroupBy(c => c.AcademicYear)
            .Select(g => new { Year = g.Key, Schools = g.Select(c => c.SchoolId).Distinct().Count() })
            .ToListAsync(ct))
        .OrderByDescending(c => c.Year).Select(c => (c.Year, c.Schools)).ToList();

    /// <summary>
    /// The year shown when none is asked: the latest that at least half as many schools have counts for as the best-covered
    /// year — so one school entering next year's counts early does not turn the default view into a list of missing schools.
    /// </summary>
    public static int DefaultYear(IReadOnlyList<(int Year, int Schools)> coverage)
    {
        var best = coverage.Max(c => c.Schools);
        return coverage.Where(c => c.Schools * 2 >= best).Max(c => c.Year);
    }

    /// <summary>
    /// Reads the asked year (the latest with student counts when none is asked). A year that is not a year, or one
    /// for which no school of the area has student counts, is a 422 on "academicYear" that says which years have them.
    /// </summary>
    public static async Task<Outcome<int>> YearAsync(AppDbContext db, Area area, string? academicYear, CancellationToken ct = default)
    {
        var coverage = await CoverageAsync(db, area.Id, ct);
        var years = coverage.Select(c => c.Year).ToList();
        var known = years.Count == 0 ? "ยังไม่มีข้อมูลนักเรียนปีใดเลย — นำเข้าหรือกรอกจำนวนนักเรียนก่อน" : "ปีที่มีข้อมูล: " + string.Join(", ", years);
        if (string.IsNullOrWhiteSpace(academicYear))
            return years.Count > 0 ? Outcome<int>.Ok(DefaultYear(coverage)) : Outcome<int>.Invalid([new("academicYear", $"{area.Name}ยังไม่มีข้อมูลจำนวนนักเรียน จึงยังคำนวณอัตรากำลังไม่ได้ ({known})")]);
        if (!SchoolCalendar.TryReadYear(academicYear, out var year))
            return Outcome<int>.Invalid([SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", academicYear)]);
        if (!years.Contains(year))
            return Outcome<int>.Invalid([new("academicYear", $"ทุกโรงเรียนของ{area.Name}ยังไม่มีข้อมูลนักเรียนปีการศึกษา {year} จึงคำนวณอัตรากำลังไม่ได้ ({known})")]);
        return Outcome<int>.Ok(year);
    }

    /// <summary>The analysis of an area for a year it has counts for, with the rule set in force (422 when there is none).</summary>
    public static async Task<Outcome<ManpowerResult>> ForAreaAsync(AppDbContext db, Area area, string? academicYear, CancellationToken ct = default)
    {
        var year = await YearAsync(db, area, academicYear, ct);
        if (!year.Succeeded) return year.As<ManpowerResult>();
        if (await RuleSetForAsync(db, year.Value, ct) is not { } rules)
            return Outcome<ManpowerResult>.Invalid([new("academicYear", $"ยังไม่มีเกณฑ์อัตรากำลังที่ใช้กับปีการศึกษา {year.Value} — ผู้ดูแลระบบเพิ่มได้ที่หน้าเกณฑ์อัตรากำลัง")]);
        return Outcome<ManpowerResult>.Ok(await ComputeAsync(db, area.Id, year.Value, rules, ct: ct));
    }

    /// <summary>Computes every school of one area (or, with no area, of every area the caller sees).</summary>
    public static async Task<ManpowerResult> ComputeAsync(AppDbContext db, Guid? areaId, int year, StaffingRuleSet rules, Guid? schoolId = null, CancellationToken ct = default)
    {
        var schoolQuery = db.Schools.AsNoTracking();
        var countQuery = db.StudentCounts.AsNoTracking().Where(c => c.AcademicYear == year);
        var postQuery = db.Posts.AsNoTracking();
        if (areaId is { } id)
        {
            schoolQuery = schoolQuery.Where(s => s.AreaId == id);
            countQuery = countQuery.Where(c => c.AreaId == id);
            postQuery = postQuery.Where(p => p.AreaId == id);
        }
        if (schoolId is { } one)
        {
            schoolQuery = schoolQuery.Where(s => s.Id == one);
            countQuery = countQuery.Where(c => c.SchoolId == one);
            postQuery = postQuery.Where(p => p.SchoolId == one);
        }
        var schools = await schoolQuery
            .Select(s => new SchoolFacts(s.Id, s.AreaId, s.Code, s.Name, s.Type, s.DistrictId, s.District!.Name, s.NetworkId, s.Network != null ? s.Network.Name : null))
            .ToListAsync(ct);
        // The counts and the posts are read as they come into the per-school tables (no list of every row kept): a
        // national summary reads ~270,000 counts. Posts come grouped by school, administrators counted apart; every other
        // post is a teacher's.
        var gradesBySchool = new Dictionary<Guid, List<GradeStudents>>(schools.Count);
        await foreach (var c in countQuery.Select(c => new { c.SchoolId, c.Grade, Students = c.Boys + c.Girls }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!gradesBySchool.TryGetValue(c.SchoolId, out var list)) gradesBySchool[c.SchoolId] = list = [];
            list.Add(new GradeStudents(c.Grade, c.Students));
        }
        var postsBySchool = new Dictionary<Guid, (int Teachers, int Administrators, int Vacant)>(schools.Count);
        var posts = postQuery.GroupBy(p => p.SchoolId).Select(g => new
        {
            SchoolId = g.Key, Posts = g.Count(), Administrators = g.Count(p => p.PostType == PostType.Administrator), Vacant = g.Count(p => p.OccupantId == null),
        });
        await foreach (var p in posts.AsAsyncEnumerable().WithCancellation(ct))
            postsBySchool[p.SchoolId] = (p.Posts - p.Administrators, p.Administrators, p.Vacant);

        var computed = new List<SchoolManpower>(schools.Count);
        var missing = new List<SchoolFacts>();
        foreach (var s in schools.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            if (!gradesBySchool.TryGetValue(s.Id, out var grades)) { missing.Add(s); continue; }
            var p = postsBySchool.GetValueOrDefault(s.Id);
            computed.Add(new SchoolManpower(s, StaffingCalculator.Compute(rules.Criteria, grades), p.Teachers, p.Administrators, p.Vacant));
        }
        return new ManpowerResult(year, rules, computed, missing);
    }
}
