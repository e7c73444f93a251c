using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using P = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Organisation.Networks;

/// <summary>A seat on the network's board: a person by national ID, a school by code, or a name typed in.</summary>
public sealed record RoleInput(NetworkRoleKind? Role, string? Person, string? School, string? Name, DateOnly? From, DateOnly? To);

public sealed record GoalInput(int? AcademicYear, GoalMetric? Metric, string? Title, decimal? Target, decimal? Actual);

public sealed record CentreInput(SubjectArea? Subject, string? School, string? Supervisor);

public sealed record SupervisorInput(string? Person);

/// <summary>A meeting and who came: member schools by code, people by national ID.</summary>
public sealed record MeetingInput(DateOnly? Date, string? Place, string? Agenda, string? Minutes, IReadOnlyList<string>? Schools, IReadOnlyList<string>? People);

/// <summary>
/// The parts of a network other than its members: board roles (one chair and one secretary at a time; the network's
/// Chair and Secretary fields follow the holder of today), goals per year, academic centres by subject area at member
/// schools, assigned supervisors (ศึกษานิเทศก์ of the registry), and meetings with their attendance.
/// </summary>
public sealed class NetworkParts(AppDbContext db, TimeProvider time)
{
    public const int MaxAttendees = 200;
    private DateOnly Today => ThaiDate.TodayInThailand(time);

    public async Task<Outcome<NetworkRole>> AddRoleAsync(SchoolNetwork network, RoleInput input, CancellationToken ct = default)
    {
        var checks = new Checks().Required(input.Role, "role", NetworkText.Role);
        if (input.Role is { } r && !Enum.IsDefined(r)) checks.Add("role", "ไม่รู้จักตำแหน่งนี้ — ใช้ Chair, Committee หรือ Secretary");
        if (input.From is null) checks.Add("from", "กรุณาระบุวันที่เริ่ม");
        if (input.From is { } f && input.To is { } t && t < f) checks.Add("to", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม");
        var given = new[] { input.Person, input.School, input.Name }.Count(v => Checks.Clean(v) is not null);
        if (given != 1) checks.Add("person", "ระบุผู้ดำรงตำแหน่งอย่างใดอย่างหนึ่ง: บุคลากร (เลขประจำตัวประชาชน), สถานศึกษา (รหัส) หรือชื่อ");
        checks.Text(input.Name, "name", "ชื่อ", DataSchema.NameLength, required: false);
        Person? person = null;
        School? school = null;
        if (Checks.Clean(input.Person) is { } id && (person = await PersonAsync(network.AreaId, id, ct)) is null) checks.Add("person", $"ไม่พบบุคลากรเลขประจำตัว {NationalId.Mask(id)} ในเขตพื้นที่นี้");
        if (Checks.Clean(input.School) is { } code && (school = await SchoolAsync(network.AreaId, code, ct)) is null) checks.Add("school", SchoolFinder.Unknown(code));
        if (!checks.IsValid) return Outcome<NetworkRole>.Invalid(checks.Errors);
        var role = new NetworkRole
        {
            AreaId = network.AreaId, NetworkId = network.Id, Role = input.Role!.Value, PersonId = person?.Id, SchoolId = school?.Id,
            Name = person?.FullName ?? (school is not null ? $"ผู้อำนวยการ{school.Name}" : Checks.Clean(input.Name)!), From = input.From!.Value, To = input.To,
        };
        if (role.Role != NetworkRoleKind.Committee)
        {
            var holders = await db.NetworkRoles.AsNoTracking().Where(x => x.NetworkId == network.Id && x.Role == role.Role).ToListAsync(ct);
            if (holders.FirstOrDefault(h => h.From <= (role.To ?? DateOnly.MaxValue) && role.From <= (h.To ?? DateOnly.MaxValue)) is { } clash)
                return Outcome<NetworkRole>.Duplicate("from",
                    $"{NetworkText.Label(role.Role)}ของเครือข่ายช่วง {ThaiDate.Short(clash.From)} – {(clash.To is { } e ? ThaiDate.Short(e) : "ปัจจุบัน")} คือ {clash.Name} อยู่แล้ว — มีได้ครั้งละหนึ่งคน");
        }
        db.NetworkRoles.Add(role);
        await SyncBoardAsync(network, ct);
        return await db.TrySaveAsync(role, "", "", ct);
    }

    public async Task<Outcome<NetworkRole>> DeleteRoleAsync(SchoolNetwork network, NetworkRole role, CancellationToken ct = default)
    {
        db.NetworkRoles.Remove(role);
        await SyncBoardAsync(network, ct);
        return await db.TrySaveAsync(role, "", "", ct);
    }

    /// <summary>Removes a centre, an assigned supervisor, a goal or a meeting (nothing else depends on them).</summary>
    public async Task<Outcome<T>> RemoveAsync<T>(T entry, CancellationToken ct = default) where T : class
    {
        db.Remove(entry);
        return await db.TrySaveAsync(entry, "", "", ct);
    }

    /// <summary>The network's Chair and Secretary fields name today's holders (the list and other features read them).</summary>
    private async Task SyncBoardAsync(SchoolNetwork network, CancellationToken ct)
    {
        var today = Today;
        await db.NetworkRoles.Where(r => r.NetworkId == network.Id).LoadAsync(ct);
        var live = db.NetworkRoles.Local.Where(r => r.NetworkId == network.Id && db.Entry(r).State != EntityState.Deleted && r.From <= today && (r.To is null || r.To >= today)).ToList();
        network.Chair = live.FirstOrDefault(r => r.Role == NetworkRoleKind.Chair)?.Name ?? (live.Count > 0 ? null : network.Chair);
        network.Secretary = live.FirstOrDefault(r => r.Role == NetworkRoleKind.Secretary)?.Name ?? (live.Count > 0 ? null : network.Secretary);
    }

    public static IReadOnlyList<FieldError> Validate(GoalInput input)
    {
        var checks = new Checks().Required(input.AcademicYear, "academicYear", "ปีการศึกษา").Required(input.Metric, "metric", NetworkText.Metric)
            .Required(input.Target, "target", "ค่าเป้าหมาย")
            .Text(input.Title, "title", "เป้าหมาย", DataSchema.NameLength, required: input.Metric is GoalMetric.Other);
        if (input.AcademicYear is { } y && !SchoolCalendar.IsPlausibleBuddhistYear(y)) checks.Add("academicYear", $"ปีการศึกษา {y} ต้องเป็นปี พ.ศ. เช่น 2568");
        if (input.Metric is { } m && !Enum.IsDefined(m)) checks.Add("metric", "ไม่รู้จักตัวชี้วัดนี้ — ใช้ OnetAboveNational, OnetGain, QaPassed หรือ Other");
        if (input.Target is < -100 or > 100) checks.Add("target", "ค่าเป้าหมายต้องอยู่ระหว่าง -100 ถึง 100");
        if (input.Actual is < -100 or > 100) checks.Add("actual", "ผลต้องอยู่ระหว่าง -100 ถึง 100");
        if (input.Actual is not null && input.Metric is GoalMetric.OnetAboveNational or GoalMetric.OnetGain)
            checks.Add("actual", "ผลของเป้าหมาย O-NET คำนวณจากผลสอบที่นำเข้า ไม่ต้องกรอก");
        return checks.Errors;
    }

    public async Task<Outcome<NetworkGoal>> SaveGoalAsync(SchoolNetwork network, NetworkGoal? goal, GoalInput input, CancellationToken ct = default)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<NetworkGoal>.Invalid(errors);
        if (goal is null) db.NetworkGoals.Add(goal = new NetworkGoal { AreaId = network.AreaId, NetworkId = network.Id, Title = "" });
        goal.AcademicYear = input.AcademicYear!.Value;
        goal.Metric = input.Metric!.Value;
        goal.Title = Checks.Clean(input.Title) ?? NetworkText.DefaultTitle(goal.Metric, input.Target!.Value);
        goal.Target = input.Target!.Value;
        goal.Actual = input.Actual;
        return await db.TrySaveAsync(goal, "", "", ct);
    }

    public async Task<Outcome<AcademicCentre>> AddCentreAsync(SchoolNetwork network, CentreInput input, CancellationToken ct = default)
    {
        var checks = new Checks().Required(input.Subject, "subject", "กลุ่มสาระการเรียนรู้");
        if (input.Subject is { } s && !Enum.IsDefined(s)) checks.Add("subject", "ไม่รู้จักกลุ่มสาระนี้");
        School? school = null;
        if (Checks.Clean(input.School) is not { } code) checks.Add("school", "กรุณาระบุโรงเรียนที่ตั้งศูนย์");
        else if ((school = await SchoolAsync(network.AreaId, code, ct)) is null) checks.Add("school", SchoolFinder.Unknown(code));
        else if (school.NetworkId != network.Id) checks.Add("school", $"{school.Name} ไม่ได้เป็นสมาชิกของเครือข่ายนี้ในปัจจุบัน");
        var supervisor = await SupervisorOf(network.AreaId, input.Supervisor, "supervisor", checks, ct);
        if (!checks.IsValid) return Outcome<AcademicCentre>.Invalid(checks.Errors);
        if (await db.AcademicCentres.AnyAsync(c => c.NetworkId == network.Id && c.Subject == input.Subject, ct))
            return Outcome<AcademicCentre>.Duplicate("subject", $"เครือข่ายนี้มีศูนย์กลุ่มสาระ{P.Label(input.Subject!.Value)}อยู่แล้ว");
        var centre = new AcademicCentre { AreaId = network.AreaId, NetworkId = network.Id, Subject = input.Subject!.Value, SchoolId = school!.Id, SupervisorId = supervisor?.Id };
        db.AcademicCentres.Add(centre);
        return await db.TrySaveAsync(centre, "subject", "เครือข่ายนี้มีศูนย์ของกลุ่มสาระนี้อยู่แล้ว", ct);
    }

    public async Task<Outcome<NetworkSupervisor>> AddSupervisorAsync(SchoolNetwork network, SupervisorInput input, CancellationToken ct = default)
    {
        var checks = new Checks();
        if (Checks.Clean(input.Person) is null) checks.Add("person", "กรุณาระบุเลขประจำตัวประชาชนของศึกษานิเทศก์");
        var person = await SupervisorOf(network.AreaId, input.Person, "person", checks, ct);
        if (!checks.IsValid) return Outcome<NetworkSupervisor>.Invalid(checks.Errors);
        if (await db.NetworkSupervisors.AnyAsync(x => x.NetworkId == network.Id && x.PersonId == person!.Id, ct))
            return Outcome<NetworkSupervisor>.Duplicate("person", $"{person!.FullName} เป็นศึกษานิเทศก์ของเครือข่ายนี้อยู่แล้ว");
        var assigned = new NetworkSupervisor { AreaId = network.AreaId, NetworkId = network.Id, PersonId = person!.Id };
        db.NetworkSupervisors.Add(assigned);
        return await db.TrySaveAsync(assigned, "person", "ศึกษานิเทศก์คนนี้อยู่ในเครือข่ายนี้แล้ว", ct);
    }

    public async Task<Outcome<NetworkMeeting>> SaveMeetingAsync(SchoolNetwork network, NetworkMeeting? meeting, MeetingInput input, int? version, CancellationToken ct = default)
    {
        var checks = new Checks().Text(input.Place, "place", "สถานที่", DataSchema.NameLength).Text(input.Agenda, "agenda", "วาระการประชุม", DataSchema.TextLength)
            .Text(input.Minutes, "minutes", "รายงานการประชุม", DataSchema.TextLength * 4, required: false);
        if (input.Date is null) checks.Add("date", "กรุณาระบุวันที่ประชุม");
        var codes = (input.Schools ?? []).Select(Checks.Clean).Where(c => c is not null).Distinct().ToList();
        var ids = (input.People ?? []).Select(Checks.Clean).Where(c => c is not null).Distinct().ToList();
        if (codes.Count + ids.Count > MaxAttendees) checks.Add("schools", $"ผู้เข้าประชุมได้ไม่เกิน {MaxAttendees} ราย");
        var attendance = new List<MeetingAttendance>();
        var finder = await SchoolFinder.ForCodesAsync(db, network.AreaId, codes, ct);
        var members = await db.NetworkMemberships.AsNoTracking().Where(m => m.NetworkId == network.Id).ToListAsync(ct);
        for (var i = 0; i < codes.Count && codes.Count <= MaxAttendees; i++)
        {
            if (finder.Find(codes[i], out _) is not { } school) checks.Add($"schools[{i}]", SchoolFinder.Unknown(codes[i]));
            else if (input.Date is { } d && !members.Any(m => m.SchoolId == school.Id && m.Covers(d))) checks.Add($"schools[{i}]", $"{school.Name} ไม่ได้เป็นสมาชิกของเครือข่ายในวันประชุม");
            else attendance.Add(new MeetingAttendance { SchoolId = school.Id, Name = school.Name });
        }
        for (var i = 0; i < ids.Count && ids.Count <= MaxAttendees; i++)
        {
            if (await PersonAsync(network.AreaId, ids[i]!, ct) is not { } person) checks.Add($"people[{i}]", $"ไม่พบบุคลากรเลขประจำตัว {NationalId.Mask(ids[i]!)} ในเขตพื้นที่นี้");
            else attendance.Add(new MeetingAttendance { PersonId = person.Id, Name = person.FullName });
        }
        if (!checks.IsValid) return Outcome<NetworkMeeting>.Invalid(checks.Errors);
        if (meeting is null) db.NetworkMeetings.Add(meeting = new NetworkMeeting { AreaId = network.AreaId, NetworkId = network.Id, Place = "", Agenda = "" });
        else
        {
            if (version is { } v) db.Entry(meeting).Property(m => m.Version).OriginalValue = v;
            db.MeetingAttendance.RemoveRange(meeting.Attendance);
            meeting.Attendance.Clear();
        }
        meeting.Date = input.Date!.Value;
        meeting.Place = Checks.Clean(input.Place)!;
        meeting.Agenda = input.Agenda!.Trim();
        meeting.Minutes = string.IsNullOrWhiteSpace(input.Minutes) ? null : input.Minutes.Trim();
        foreach (var a in attendance)
        {
            // Added explicitly: found through the navigation with its key already set, EF would take it for an existing row.
            a.MeetingId = meeting.Id;
            db.MeetingAttendance.Add(a);
            meeting.Attendance.Add(a);
        }
        return await db.TrySaveAsync(meeting, "", "", ct);
    }

    private Task<Person?> PersonAsync(Guid areaId, string nationalId, CancellationToken ct)
    {
        var id = nationalId.Replace("-", "").Trim();
        return db.People.FirstOrDefaultAsync(p => p.AreaId == areaId && p.NationalId == id, ct);
    }

    private async Task<School?> SchoolAsync(Guid areaId, string code, CancellationToken ct) =>
        (await SchoolFinder.ForCodesAsync(db, areaId, [code], ct)).Find(code, out _) is { } found ? await db.Schools.SingleAsync(s => s.Id == found.Id, ct) : null;

    private async Task<Person?> SupervisorOf(Guid areaId, string? nationalId, string field, Checks checks, CancellationToken ct)
    {
        if (Checks.Clean(nationalId) is not { } id) return null;
        var person = await PersonAsync(areaId, id, ct);
        if (person is null) checks.Add(field, $"ไม่พบบุคลากรเลขประจำตัว {NationalId.Mask(id)} ในเขตพื้นที่นี้");
        else if (person.Position != Position.Supervisor) checks.Add(field, $"{person.FullName} ไม่ได้อยู่ในตำแหน่งศึกษานิเทศก์");
        return person;
    }
}
