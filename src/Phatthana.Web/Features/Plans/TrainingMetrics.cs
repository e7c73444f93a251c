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

    public async Task<decimal?> ComputeAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct)
    {
        var (from, to) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
        var assistants = db.People.AsNoTracking().Where(p => p.AreaId == areaId && p.Status == PersonStatus.Active && p.Position == Position.AssistantTeacher);
        var total = await assistants.CountAsync(ct);
        var passed = await assistants.CountAsync(p => db.ExternalCompletions.Any(e =>
            e.PersonId == p.Id && e.Source == ExternalSources.Tepe && e.Passed && e.CompletedOn >= from && e.CompletedOn <= to), ct);
        return Share.Of(passed, total);
    }
}

/// <summary>ร้อยละของบุคลากรที่มีชั่วโมงการพัฒนาครบตามเกณฑ์ของปี (the area's yearly requirement, sessions and external completions).</summary>
public sealed class HoursMetMetric : IKpiMetric
{
    public string Key => "development-hours-met";
    public string Name => "ร้อยละของบุคลากรที่มีชั่วโมงการพัฒนาครบตามเกณฑ์";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => false;

    public async Task<decimal?> ComputeAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct)
    {
        var hours = await TrainingLedger.HoursAsync(db, areaId, fiscalYear, ct: ct);
        return Share.Of(hours.Count(h => h.Shortfall == 0), hours.Count);
    }
}

/// <summary>ร้อยละของบุคลากรที่ได้รับการพัฒนา: those the hours ledger counts with any development hours in the year.</summary>
public sealed class DevelopedMetric : IKpiMetric
{
    public string Key => "personnel-developed";
    public string Name => "ร้อยละของบุคลากรที่ได้รับการพัฒนา (อบรม ประชุม สัมมนา ดูงาน)";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => false;

    public async Task<decimal?> ComputeAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct)
    {
        var hours = await TrainingLedger.HoursAsync(db, areaId, fiscalYear, ct: ct);
        return Share.Of(hours.Count(h => h.Hours > 0), hours.Count);
    }
}

/// <summary>ร้อยละผู้ผ่านการพัฒนาของหลักสูตรในโครงการ: passed ÷ enrolled of the sessions of the project's courses in the year.</summary>
public sealed class ProjectPassRateMetric : IKpiMetric
{
    public string Key => "project-course-pass-rate";
    public string Name => "ร้อยละผู้ผ่านการพัฒนาในหลักสูตรของโครงการ";
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => true;

    public async Task<decimal?> ComputeAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct)
    {
        if (projectId is not { } project) return null;
        var (from, to) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
        var enrolled = db.Registrations.AsNoTracking().Where(r => r.AreaId == areaId && r.Status == RegistrationStatus.Registered
            && r.Session!.StartDate >= from && r.Session.StartDate <= to && db.ProjectCourses.Any(c => c.ProjectId == project && c.CourseId == r.Session.CourseId));
        return Share.Of(await enrolled.CountAsync(r => r.Passed == true, ct), await enrolled.CountAsync(ct));
    }
}

/// <summary>ชั่วโมงชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC): hours attended in PLC sessions in the year, all attendees together.</summary>
public sealed class PlcHoursMetric : IKpiMetric
{
    public string Key => "plc-hours";
    public string Name => "จำนวนชั่วโมง PLC ของบุคลากร (รวม)";
    public KpiUnit Unit => KpiUnit.Count;
    public bool NeedsProject => false;

    public async Task<decimal?> ComputeAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct)
    {
        var (from, to) = (SchoolCalendar.FiscalYearStart(fiscalYear), SchoolCalendar.FiscalYearEnd(fiscalYear));
        // Summed in memory: SQLite cannot sum decimals.
        var hours = await db.Registrations.AsNoTracking().Where(r => r.AreaId == areaId && r.Status == RegistrationStatus.Registered && r.Attended == true
                && r.Session!.Course!.Method == DevelopmentMethod.Plc && r.Session.StartDate >= from && r.Session.StartDate <= to)
            .Select(r => r.Hours ?? r.Session!.Course!.Hours).ToListAsync(ct);
        return hours.Sum();
    }
}
