using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Development;

/// <summary>
/// How far a group of people is with this year's ID Plans. Each person is in exactly one column: no plan, a draft, returned
/// for changes, submitted (waiting for a decision) or approved. A returned plan is not counted as handed in (it is back with
/// its person), as the needs analysis does not count it.
/// </summary>
public sealed record PlanCounts(int People, int Submitted, int Approved, int Returned, int Drafts, int None)
{
    public int SubmittedOrApproved => Submitted + Approved;
    /// <summary>(submitted + approved) ÷ people × 100, two decimals; 0 when there is nobody.</summary>
    public decimal SubmittedOrApprovedPercent => NeedsAnalysis.Percent(SubmittedOrApproved, People);
    public decimal ApprovedPercent => NeedsAnalysis.Percent(Approved, People);

    public static PlanCounts Of(int people, IReadOnlyDictionary<IdPlanStatus, int> plans)
    {
        int Get(IdPlanStatus s) => plans.TryGetValue(s, out var n) ? n : 0;
        var (submitted, approved, returned, drafts) = (Get(IdPlanStatus.Submitted), Get(IdPlanStatus.Approved), Get(IdPlanStatus.Returned), Get(IdPlanStatus.Draft));
        return new PlanCounts(people, submitted, approved, returned, drafts, people - submitted - approved - returned - drafts);
    }
}

/// <summary>One line of the progress table: a school, or (no code) the area office's own staff in its divisions.</summary>
public sealed record SchoolProgress(string? SchoolCode, string School, PlanCounts Counts);

/// <summary>A person whose plan the lists show, with where it stands (none: no plan yet).</summary>
public sealed record PlanHolder(Guid PersonId, string Name, string? SchoolCode, string? School, Position Position, IdPlanStatus? Status, DateTimeOffset? SubmittedAt);

/// <summary>GET /api/v1/areas/{area}/id-plan-progress: the area's counts and each school's.</summary>
public sealed record IdPlanProgressDto(int FiscalYear, PlanCounts Area, IReadOnlyList<SchoolProgress> Schools);

/// <summary>
/// ความก้าวหน้าแผนพัฒนาตนเอง. Whose plans are expected: the active people whose development counts
/// (<see cref="Training.TrainingLedger.Counts"/>: civil servants — contract teachers and government employees are left out, as
/// they are from the yearly hours), as far as the caller sees them (a director: their school). Counted in the database:
/// people per school, and plans per school and status — two grouped queries whatever the size of the area.
/// </summary>
public static class IdPlanProgress
{
    public const string OfficeStaff = "สำนักงานเขตพื้นที่การศึกษา (กลุ่มงาน)";
    public const string Note = "นับข้าราชการครูและบุคลากรทางการศึกษาที่ปฏิบัติงานอยู่ (ไม่รวมครูอัตราจ้างและพนักงานราชการ) · " +
                               "ร้อยละส่งแล้ว = (ส่งแล้วรอพิจารณา + อนุมัติแล้ว) ÷ บุคลากร · แผนที่ส่งคืนให้แก้ไขยังไม่นับว่าส่งแล้ว";

    /// <summary>
    /// The plan KPI ("ID Plan 100 %"): the area's people and plans of the fiscal year, with the percentages. Reads through
    /// <paramref name="db"/>'s scope, so a KPI binding run by the system sees the whole area.
    /// </summary>
    public static async Task<PlanCounts> ForAreaAsync(AppDbContext db, Guid areaId, int fiscalYear, CancellationToken ct = default) =>
        (await ForAreaYearsAsync(db, areaId, [fiscalYear], ct))[fiscalYear];

    /// <summary>As <see cref="ForAreaAsync"/> for several fiscal years in two statements: the people once, the plans by year and state.</summary>
    public static async Task<Dictionary<int, PlanCounts>> ForAreaYearsAsync(AppDbContext db, Guid areaId, IReadOnlyList<int> fiscalYears, CancellationToken ct = default)
    {
        var people = Expected(db, areaId, null);
        var plans = await (from plan in db.IdPlans.AsNoTracking().Where(p => fiscalYears.Contains(p.FiscalYear))
                           join p in people on plan.PersonId equals p.Id
                           group plan by new { plan.FiscalYear, plan.Status } into g
                           select new { g.Key.FiscalYear, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var count = await people.CountAsync(ct);
        return fiscalYears.Distinct().ToDictionary(y => y,
            y => PlanCounts.Of(count, plans.Where(p => p.FiscalYear == y).ToDictionary(p => p.Status, p => p.Count)));
    }

    /// <summary>Every school's line (those with people to count), in Thai order, the area office's staff last, and the total.</summary>
    public static async Task<IdPlanProgressDto> BySchoolAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? schoolId, CancellationToken ct = default)
    {
        var people = Expected(db, areaId, schoolId);
        var heads = await people.GroupBy(p => p.SchoolId).Select(g => new { School = g.Key, Count = g.Count() }).ToListAsync(ct);
        var plans = await (from plan in db.IdPlans.AsNoTracking().Where(p => p.FiscalYear == fiscalYear)
                           join p in people on plan.PersonId equals p.Id
                           group plan by new { p.SchoolId, plan.Status } into g
                           select new { g.Key.SchoolId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var ids = heads.Where(h => h.School is not null).Select(h => h.School!.Value).ToList();
        var names = await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Code, s.Name), ct);
        var schools = heads.Select(h =>
            {
                var counts = PlanCounts.Of(h.Count, plans.Where(p => p.SchoolId == h.School).ToDictionary(p => p.Status, p => p.Count));
                return h.School is { } id && names.TryGetValue(id, out var s) ? new SchoolProgress(s.Code, s.Name, counts) : new SchoolProgress(null, OfficeStaff, counts);
            })
            .OrderBy(s => s.SchoolCode is null).ThenBy(s => s.School, ThaiText.Comparer).ToList();
        var total = PlanCounts.Of(heads.Sum(h => h.Count), plans.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Sum(p => p.Count)));
        return new IdPlanProgressDto(fiscalYear, total, schools);
    }

    /// <summary>The people of one list with their plan's state: those without a submitted plan, or those whose plan waits for a decision.</summary>
    public static async Task<List<PlanHolder>> HoldersAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? schoolId, bool waiting, CancellationToken ct = default)
    {
        var joined = from p in Expected(db, areaId, schoolId)
                     from plan in db.IdPlans.AsNoTracking().Where(x => x.PersonId == p.Id && x.FiscalYear == fiscalYear).DefaultIfEmpty()
                     select new { Person = p, Plan = plan };
        joined = waiting
            ? joined.Where(x => x.Plan != null && x.Plan.Status == IdPlanStatus.Submitted)
            : joined.Where(x => x.Plan == null || x.Plan.Status == IdPlanStatus.Draft || x.Plan.Status == IdPlanStatus.Returned);
        var rows = await joined.Select(x => new
        {
            x.Person.Id, x.Person.Title, x.Person.FirstName, x.Person.LastName, SchoolCode = x.Person.School != null ? x.Person.School.Code : null,
            School = x.Person.School != null ? x.Person.School.Name : null, x.Person.Position,
            Status = x.Plan != null ? x.Plan.Status : (IdPlanStatus?)null, SubmittedAt = x.Plan != null ? x.Plan.SubmittedAt : null,
        }).ToListAsync(ct);
        return rows.Select(r => new PlanHolder(r.Id, $"{r.Title}{r.FirstName} {r.LastName}", r.SchoolCode, r.School, r.Position, r.Status, r.SubmittedAt)).ToList();
    }

    private static IQueryable<Person> Expected(AppDbContext db, Guid areaId, Guid? schoolId)
    {
        var people = Training.TrainingLedger.CountedPeople(db, areaId);
        return schoolId is { } s ? people.Where(p => p.SchoolId == s) : people;
    }
}
