using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans;

/// <summary>Percent with two decimals of a part of a whole; none when the whole is empty (nothing to measure yet).</summary>
internal static class Share
{
    public static decimal? Of(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}

/// <summary>ร้อยละของครูผู้ช่วยที่ผ่านการพัฒนาด้วยระบบ TEPE Online: active assistant teachers with a passed TEPE Online completion in the year.</summary>
public sealed class TepeAssistantsMetric : IKpiMetric
{
    public string Key => "tepe-assistant-teachers";
    public string Name => "ร้อยละของครูผู้ช่วยที่ผ่านการพัฒนา TEPE Online";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => false;

    /// <summary>Every year at once: the assistants counted once (as they are now, as for a single year), their passes by date.</summary>
    public async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct)
    {
        var db = readings.Db;
        var (from, to) = MetricYears.Span(fiscalYears);
        var assistants = db.People.AsNoTracking().Where(p => p.AreaId == areaId && p.Status == PersonStatus.Active && p.Position == Position.AssistantTeacher);
        var total = await assistants.CountAsync(ct);
        // A person counts once a year, however many passes that year: their passes' dates, per person.
        var passes = await db.ExternalCompletions.AsNoTracking()
            .Where(e => e.Source == ExternalSources.Tepe && e.Passed && e.CompletedOn >= from && e.CompletedOn <= to && assistants.Any(p => p.Id == e.PersonId))
            .Select(e => new { e.PersonId, e.CompletedOn }).Distinct().ToListAsync(ct);
        return MetricYears.ByYear(fiscalYears, passes.Select(p => (p.CompletedOn, p.PersonId)), people => Share.Of(people.Distinct().Count(), total));
    }
}

internal static class Ledger
{
    /// <summary>The ledger of each of the years, read together (settings and holders once) and shared by the metrics that count from it.</summary>
    public static Task<Dictionary<int, List<PersonHours>>> HoursYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, CancellationToken ct) =>
        readings.GetAsync(MetricReadings.Key("hours", areaId, fiscalYears), () => TrainingLedger.HoursYearsAsync(readings.Db, areaId, fiscalYears, ct: ct));
}

/// <summary>ร้อยละของบุคลากรที่มีชั่วโมงการพัฒนาครบตามเกณฑ์ของปี (the area's yearly requirement, sessions and external completions).</summary>
public sealed class HoursMetMetric : IKpiMetric
{
    public string Key => "development-hours-met";
    public string Name => "ร้อยละของบุคลากรที่มีชั่วโมงการพัฒนาครบตามเกณฑ์";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => false;

    public async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct) =>
        (await Ledger.HoursYearsAsync(readings, areaId, fiscalYears, ct)).ToDictionary(y => y.Key, y => Share.Of(y.Value.Count(h => h.Shortfall == 0), y.Value.Count));
}

/// <summary>ร้อยละของบุคลากรที่ได้รับการพัฒนา: those the hours ledger counts with any development hours in the year.</summary>
public sealed class DevelopedMetric : IKpiMetric
{
    public string Key => "personnel-developed";
    public string Name => "ร้อยละของบุคลากรที่ได้รับการพัฒนา (อบรม ประชุม สัมมนา ดูงาน)";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => false;

    public async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct) =>
        (await Ledger.HoursYearsAsync(readings, areaId, fiscalYears, ct)).ToDictionary(y => y.Key, y => Share.Of(y.Value.Count(h => h.Hours > 0), y.Value.Count));
}

/// <summary>ร้อยละผู้ผ่านการพัฒนาของหลักสูตรในโครงการ: passed ÷ enrolled of the sessions of the project's courses in the year.</summary>
public sealed class ProjectPassRateMetric : IKpiMetric
{
    public string Key => "project-course-pass-rate";
    public string Name => "ร้อยละผู้ผ่านการพัฒนาในหลักสูตรของโครงการ";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => true;

    /// <summary>Every year at once: the seats counted by their session's start date and result.</summary>
    public async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct)
    {
        if (projectId is not { } project) return fiscalYears.ToDictionary(y => y, _ => (decimal?)null);
        var db = readings.Db;
        var (first, last) = MetricYears.Span(fiscalYears);
        var seats = await (from session in db.TrainingSessions.AsNoTracking()
                           where session.AreaId == areaId && session.StartDate >= first && session.StartDate <= last
                                 && db.ProjectCourses.Any(c => c.ProjectId == project && c.CourseId == session.CourseId)
                           join r in db.Registrations on session.Id equals r.SessionId
                           where r.Status == RegistrationStatus.Registered
                           group r by new { session.StartDate, Passed = r.Passed == true } into g
                           select new { g.Key.StartDate, g.Key.Passed, Count = g.Count() }).ToListAsync(ct);
        return MetricYears.ByYear(fiscalYears, seats.Select(s => (s.StartDate, (s.Passed, s.Count))),
            lines => Share.Of(lines.Where(l => l.Passed).Sum(l => l.Count), lines.Sum(l => l.Count)));
    }
}

/// <summary>ชั่วโมงชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC): hours attended in PLC sessions in the year, all attendees together.</summary>
public sealed class PlcHoursMetric : IKpiMetric
{
    public string Key => "plc-hours";
    public string Name => "จำนวนชั่วโมง PLC ของบุคลากร (รวม)";
    public KpiUnit Unit => KpiUnit.Count;
    public bool NeedsProject => false;

    /// <summary>Every year at once: attended PLC hours summed in the database by the session's start date.</summary>
    public async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct)
    {
        var db = readings.Db;
        var (first, last) = MetricYears.Span(fiscalYears);
        var hours = await (from session in db.TrainingSessions.AsNoTracking()
                           where session.AreaId == areaId && session.StartDate >= first && session.StartDate <= last
                           join course in db.Courses on session.CourseId equals course.Id
                           where course.Method == DevelopmentMethod.Plc
                           join r in db.Registrations on session.Id equals r.SessionId
                           where r.Status == RegistrationStatus.Registered && r.Attended == true
                           select new { session.StartDate, Hours = r.Hours ?? course.Hours })
            .GroupBy(r => r.StartDate).Select(g => new { StartDate = g.Key, Hours = g.Sum(r => (double)r.Hours) }).ToListAsync(ct);
        return MetricYears.ByYear(fiscalYears, hours.Select(h => (h.StartDate, Sums.Exact(h.Hours))), sums => sums.Sum());
    }
}
