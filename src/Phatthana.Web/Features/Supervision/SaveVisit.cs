using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Supervision.SupervisionText;

namespace Phatthana.Web.Features.Supervision;

/// <summary>
/// A visit as the API and the form send it. Dates as ISO (yyyy-MM-dd) or as people type them (วว/ดด/ปปปป พ.ศ.); the school by
/// its 10-digit code; the supervisor by their account's e-mail (a supervisor recording their own visit may leave it out);
/// enums by code name or Thai label.
/// </summary>
public sealed class VisitInput
{
    public string? School { get; set; }
    public string? Supervisor { get; set; }
    public string? VisitedOn { get; set; }
    public string? SubjectArea { get; set; }
    public string? Topic { get; set; }
    public string? Level { get; set; }
    public string? Findings { get; set; }
    public string? Recommendations { get; set; }
    public string? FollowUpStatus { get; set; }
    public string? FollowUpDue { get; set; }
    public string? FollowUpNote { get; set; }
    public string? FollowUpDoneOn { get; set; }
    public int? Version { get; set; }
}

/// <summary>
/// Records, changes and deletes visits. Every field is checked before anything is written, so a refused visit leaves nothing
/// behind: the school must be of the area, the supervisor an active ศึกษานิเทศก์ account of the area, the date not in the future,
/// the follow-up consistent with its status. A supervisor writes only their own visits; area staff write anyone's.
/// </summary>
public sealed class SaveVisit(AppDbContext db, UserScope user, TimeProvider time)
{
    public DateOnly Today => ThaiDate.TodayInThailand(time);

    /// <summary>Whether the caller may change this visit (a supervisor only their own).</summary>
    public bool MayChange(SupervisionVisit visit) =>
        Policies.Allows(Policies.WriteSupervision, user.Role) && (user.Role != Role.Supervisor || visit.SupervisorUserId == user.UserId);

    public async Task<Outcome<SupervisionVisit>> CreateAsync(Area area, VisitInput? input, CancellationToken ct = default)
    {
        var read = await ReadAsync(area, input, ct);
        if (!read.Succeeded) return read.As<SupervisionVisit>();
        var visit = new SupervisionVisit { AreaId = area.Id, SupervisorName = "", Topic = "", RecordedBy = user.DisplayName };
        read.Value!.ApplyTo(visit);
        db.SupervisionVisits.Add(visit);
        return await db.TrySaveAsync(visit, "", "", ct);
    }

    public async Task<Outcome<SupervisionVisit>> UpdateAsync(SupervisionVisit visit, VisitInput? input, CancellationToken ct = default)
    {
        if (!MayChange(visit)) return Outcome<SupervisionVisit>.Forbidden("", T.NotOwnVisit);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == visit.AreaId, ct);
        var read = await ReadAsync(area, input, ct);
        if (!read.Succeeded) return read.As<SupervisionVisit>();
        Stamp(visit, input!.Version);
        read.Value!.ApplyTo(visit);
        return await db.TrySaveAsync(visit, "", "", ct);
    }

    public async Task<Outcome<SupervisionVisit>> DeleteAsync(SupervisionVisit visit, int? version, CancellationToken ct = default)
    {
        if (!MayChange(visit)) return Outcome<SupervisionVisit>.Forbidden("", T.NotOwnVisit);
        if (version is { } v) db.Entry(visit).Property(x => x.Version).OriginalValue = v;
        db.SupervisionVisits.Remove(visit);
        return await db.TrySaveAsync(visit, "", "", ct);
    }

    /// <summary>A stale or tampered version is a 409 even when nothing else changed.</summary>
    private void Stamp(SupervisionVisit visit, int? version)
    {
        if (version is not { } v) return;
        db.Entry(visit).Property(x => x.Version).OriginalValue = v;
        db.Entry(visit).Property(x => x.Version).IsModified = true;
    }

    private sealed record Values(Guid SchoolId, string? SupervisorUserId, string SupervisorName, DateOnly VisitedOn, SubjectArea? SubjectArea,
        string Topic, SupervisionLevel Level, string? Findings, string? Recommendations, FollowUpStatus FollowUpStatus, DateOnly? FollowUpDue,
        string? FollowUpNote, DateOnly? FollowUpDoneOn)
    {
        public void ApplyTo(SupervisionVisit v)
        {
            v.SchoolId = SchoolId;
            v.SupervisorUserId = SupervisorUserId;
            v.SupervisorName = SupervisorName;
            v.VisitedOn = VisitedOn;
            v.AcademicYear = SchoolCalendar.AcademicYearOf(VisitedOn);
            v.Semester = SchoolCalendar.SemesterOf(VisitedOn);
            v.SubjectArea = SubjectArea;
            v.Topic = Topic;
            v.Level = Level;
            v.Findings = Findings;
            v.Recommendations = Recommendations;
            v.FollowUpStatus = FollowUpStatus;
            v.FollowUpDue = FollowUpDue;
            v.FollowUpNote = FollowUpNote;
            v.FollowUpDoneOn = FollowUpDoneOn;
        }
    }

    private async Task<Outcome<Values>> ReadAsync(Area area, VisitInput? input, CancellationToken ct)
    {
        if (input is null) return Outcome<Values>.Invalid([new("", "กรุณาส่งรายละเอียดการนิเทศ")]);
        var checks = new Checks()
            .Text(input.Topic, "topic", "ประเด็น/เรื่องที่นิเทศ", DataSchema.NameLength)
            .Text(input.Findings, "findings", "ผลการนิเทศ (สิ่งที่พบ)", DataSchema.TextLength, required: false)
            .Text(input.Recommendations, "recommendations", "ข้อเสนอแนะ", DataSchema.TextLength, required: false)
            .Text(input.FollowUpNote, "followUpNote", "บันทึกการติดตามผล", DataSchema.TextLength, required: false);
        var today = Today;

        Guid? school = null;
        if (Checks.Clean(input.School) is not { } code) checks.Add("school", "กรุณาเลือกสถานศึกษาที่นิเทศ");
        else if ((school = await db.Schools.AsNoTracking().Where(s => s.AreaId == area.Id && s.Code == code).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)) is null)
            checks.Add("school", $"ไม่พบสถานศึกษารหัส {code} ในเขตพื้นที่นี้");

        var supervisor = await ReadSupervisorAsync(area, input.Supervisor, checks, ct);

        var visited = ReadDate(input.VisitedOn, "visitedOn", "วันที่นิเทศ", checks, required: true);
        if (visited is { } day && day > today) checks.Add("visitedOn", $"วันที่นิเทศ ({ThaiDate.Long(day)}) เป็นวันในอนาคต — บันทึกได้เฉพาะการนิเทศที่เกิดขึ้นแล้ว");

        SubjectArea? subject = null;
        if (Checks.Clean(input.SubjectArea) is { } s)
        {
            if (EnumText.TryParse<SubjectArea>(s, PersonnelText.Label, out var parsed)) subject = parsed;
            else checks.Add("subjectArea", $"กลุ่มสาระ \"{s}\" ไม่อยู่ในรายการ — เว้นว่างเมื่อนิเทศ{T.WholeSchool} หรือ{EnumText.Allowed<SubjectArea>(PersonnelText.Label)}");
        }

        SupervisionLevel? level = null;
        if (EnumText.TryParse<SupervisionLevel>(input.Level, T.Label, out var l)) level = l;
        else checks.Add("level", Checks.Clean(input.Level) is null ? "กรุณาเลือกผลการนิเทศ (ระดับคุณภาพ)"
            : $"ระดับ \"{input.Level}\" ไม่อยู่ในรายการ — {EnumText.Allowed<SupervisionLevel>(T.Label)}");

        var due = ReadDate(input.FollowUpDue, "followUpDue", "วันที่กำหนดติดตามผล", checks);
        var doneOn = ReadDate(input.FollowUpDoneOn, "followUpDoneOn", "วันที่ติดตามผลแล้วเสร็จ", checks);
        FollowUpStatus status;
        if (Checks.Clean(input.FollowUpStatus) is null) status = due is not null ? Supervision.FollowUpStatus.Open : Supervision.FollowUpStatus.None;
        else if (!EnumText.TryParse(input.FollowUpStatus, T.Label, out status))
            checks.Add("followUpStatus", $"สถานะการติดตาม \"{input.FollowUpStatus}\" ไม่อยู่ในรายการ — {EnumText.Allowed<FollowUpStatus>(T.Label)}");
        if (status == Supervision.FollowUpStatus.Open && due is null && !checks.Has("followUpDue"))
            checks.Add("followUpDue", "กรุณากำหนดวันที่ติดตามผล เมื่อต้องติดตามผลการนิเทศ");
        if (due is { } d && visited is { } v1 && d < v1) checks.Add("followUpDue", "วันที่กำหนดติดตามผลต้องไม่ก่อนวันที่นิเทศ");
        if (status == Supervision.FollowUpStatus.Done)
        {
            if (doneOn is null && !checks.Has("followUpDoneOn")) checks.Add("followUpDoneOn", "กรุณากรอกวันที่ติดตามผลแล้วเสร็จ");
            if (doneOn is { } o && o > today) checks.Add("followUpDoneOn", "วันที่ติดตามผลแล้วเสร็จต้องไม่เป็นวันในอนาคต");
            if (doneOn is { } o2 && visited is { } v2 && o2 < v2) checks.Add("followUpDoneOn", "วันที่ติดตามผลแล้วเสร็จต้องไม่ก่อนวันที่นิเทศ");
        }
        if (!checks.IsValid) return Outcome<Values>.Invalid([.. checks.Errors]);
        return Outcome<Values>.Ok(new Values(school!.Value, supervisor!.Value.Id, supervisor.Value.Name, visited!.Value, subject, Checks.Clean(input.Topic)!,
            level!.Value, Checks.Clean(input.Findings), Checks.Clean(input.Recommendations), status,
            status == Supervision.FollowUpStatus.None ? null : due, Checks.Clean(input.FollowUpNote),
            status == Supervision.FollowUpStatus.Done ? doneOn : null));
    }

    /// <summary>
    /// The ศึกษานิเทศก์ by e-mail: an active Supervisor account granted the area. A supervisor records their own visits (the
    /// e-mail may be left out); area staff name whose visit it was.
    /// </summary>
    private async Task<(string Id, string Name)?> ReadSupervisorAsync(Area area, string? email, Checks checks, CancellationToken ct)
    {
        var normalised = Checks.Clean(email)?.ToUpperInvariant();
        if (normalised is null)
        {
            if (user.Role == Role.Supervisor && user.UserId is { } me) normalised = await db.Users.Where(u => u.Id == me).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
            if (normalised is null) { checks.Add("supervisor", "กรุณาระบุศึกษานิเทศก์ผู้นิเทศ (อีเมลบัญชีผู้ใช้)"); return null; }
        }
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Role, InArea = u.AreaGrants.Any(g => g.AreaId == area.Id) }).FirstOrDefaultAsync(ct);
        if (account is null || !account.InArea) { checks.Add("supervisor", $"ไม่พบผู้ใช้ {Checks.Clean(email)} ในเขตพื้นที่นี้"); return null; }
        if (account.Role != Role.Supervisor)
        {
            checks.Add("supervisor", $"{account.DisplayName} มีบทบาท{AccountsText.Label(account.Role)} — ผู้นิเทศต้องเป็นบัญชีศึกษานิเทศก์");
            return null;
        }
        if (user.Role == Role.Supervisor && account.Id != user.UserId)
        {
            checks.Add("supervisor", "ศึกษานิเทศก์บันทึกได้เฉพาะการนิเทศของตนเอง");
            return null;
        }
        return (account.Id, account.DisplayName);
    }

    private static DateOnly? ReadDate(string? text, string field, string label, Checks checks, bool required = false)
    {
        if (Checks.Clean(text) is not { } t)
        {
            if (required) checks.Add(field, $"กรุณากรอก{label}");
            return null;
        }
        if (ThaiDate.TryParse(t, out var date)) return date;
        checks.Add(field, $"{label} \"{t}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 15/01/2569");
        return null;
    }
}
