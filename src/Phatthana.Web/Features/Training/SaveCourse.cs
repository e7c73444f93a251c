using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Training.TrainingText;

namespace Phatthana.Web.Features.Training;

/// <summary>A course as the API and the form send it (API.md: code, name, method, hours, passPercent).</summary>
public sealed record CourseInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Method { get; init; }
    public decimal? Hours { get; init; }
    public decimal? PassPercent { get; init; }
    public string? Objectives { get; init; }
    public string? Provider { get; init; }
    public decimal? CostPerPerson { get; init; }
    public List<string>? TargetPositions { get; init; }
    public List<string>? TargetSubjectAreas { get; init; }
    /// <summary>The development topic (its id) the course is made from, with the fiscal year of that need; set on creation, kept by changes.</summary>
    public string? NeedTopic { get; init; }
    public int? NeedFiscalYear { get; init; }
    public int? Version { get; init; }
}

/// <summary>A session (รุ่น) as sent: name, dates, venue, capacity (API.md), and optionally status and trainers.</summary>
public sealed record SessionInput
{
    public string? Name { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Venue { get; init; }
    public int? Capacity { get; init; }
    public string? Status { get; init; }
    public string? Trainers { get; init; }
    /// <summary>Registration window, both optional: first and last day people may register.</summary>
    public DateOnly? RegistrationOpensOn { get; init; }
    public DateOnly? RegistrationClosesOn { get; init; }
    public int? Version { get; init; }
}

public sealed class SaveCourse(AppDbContext db, Registrations registrations)
{
    public const decimal MaxHours = 1000;
    public const int MaxCapacity = 10_000;

    public async Task<Outcome<Course>> CreateAsync(Area area, CourseInput input, CancellationToken ct = default)
    {
        var (values, errors) = Read(input);
        var (topic, needErrors) = await ReadNeedAsync(area.Id, input, ct);
        if (errors.Count + needErrors.Count > 0) return Outcome<Course>.Invalid([.. errors, .. needErrors]);
        if (await db.Courses.AnyAsync(c => c.AreaId == area.Id && c.Code == values!.Code, ct)) return Outcome<Course>.Duplicate("code", T.DuplicateCourseCode);
        var course = new Course { AreaId = area.Id, Code = values!.Code, Name = values.Name, NeedTopicId = topic, NeedFiscalYear = topic is null ? null : input.NeedFiscalYear };
        Apply(course, values);
        db.Courses.Add(course);
        return await db.TrySaveAsync(course, "code", T.DuplicateCourseCode, ct);
    }

    public async Task<Outcome<Course>> UpdateAsync(Course course, CourseInput input, CancellationToken ct = default)
    {
        var (values, errors) = Read(input);
        if (errors.Count > 0) return Outcome<Course>.Invalid(errors);
        if (await db.Courses.AnyAsync(c => c.AreaId == course.AreaId && c.Id != course.Id && c.Code == values!.Code, ct)) return Outcome<Course>.Duplicate("code", T.DuplicateCourseCode);
        if (input.Version is { } v) db.Entry(course).Property(c => c.Version).OriginalValue = v;
        course.Code = values!.Code;
        course.Name = values.Name;
        Apply(course, values);
        return await db.TrySaveAsync(course, "code", T.DuplicateCourseCode, ct);
    }

    public async Task<Outcome<TrainingSession>> AddSessionAsync(Course course, SessionInput input, CancellationToken ct = default)
    {
        var errors = ReadSession(input, out var status);
        if (errors.Count > 0) return Outcome<TrainingSession>.Invalid(errors);
        var session = new TrainingSession
        {
            AreaId = course.AreaId, CourseId = course.Id, Name = Checks.Clean(input.Name)!, StartDate = input.StartDate!.Value, EndDate = input.EndDate!.Value,
            Venue = Checks.Clean(input.Venue)!, Capacity = input.Capacity!.Value, Status = status ?? SessionStatus.Open, Trainers = Checks.Clean(input.Trainers),
            RegistrationOpensOn = input.RegistrationOpensOn, RegistrationClosesOn = input.RegistrationClosesOn,
        };
        db.TrainingSessions.Add(session);
        return await db.TrySaveAsync(session, "", "", ct);
    }

    /// <summary>
    /// Changes a session. Capacity cannot drop below the seats already taken; raised, the new seats go to the waitlist in
    /// order. Dates cannot move once results are approved, nor leave out a day someone was signed in on.
    /// </summary>
    public async Task<Outcome<TrainingSession>> UpdateSessionAsync(TrainingSession session, SessionInput input, CancellationToken ct = default)
    {
        var errors = ReadSession(input, out var status);
        if (errors.Count > 0) return Outcome<TrainingSession>.Invalid(errors);
        var taken = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == session.Id).Select(s => s.Registered).FirstAsync(ct);
        if (input.Capacity < taken)
            return Outcome<TrainingSession>.Invalid([new("capacity", $"มีผู้ได้ที่นั่งแล้ว {taken:#,0} คน จึงลดจำนวนที่รับให้ต่ำกว่านั้นไม่ได้ — ยกเลิกการลงทะเบียนก่อน")]);
        var datesMove = input.StartDate != session.StartDate || input.EndDate != session.EndDate;
        if (datesMove && session.ResultsApprovedAt is not null) return Outcome<TrainingSession>.Duplicate("", TrainingText.ResultsApproved);
        if (datesMove)
        {
            var signed = await db.Registrations.AsNoTracking().Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered)
                .Select(r => r.DaysAttended).ToListAsync(ct);
            if (signed.SelectMany(d => d).Any(d => d < input.StartDate || d > input.EndDate))
                return Outcome<TrainingSession>.Invalid([new("startDate", "มีผู้ลงชื่อเข้าร่วมในวันที่อยู่นอกช่วงวันใหม่ — แก้ผลการเข้าร่วมก่อนเปลี่ยนวัน")]);
        }
        if (input.Version is { } v) db.Entry(session).Property(s => s.Version).OriginalValue = v;
        session.Name = Checks.Clean(input.Name)!;
        session.StartDate = input.StartDate!.Value;
        session.EndDate = input.EndDate!.Value;
        session.Venue = Checks.Clean(input.Venue)!;
        session.Trainers = Checks.Clean(input.Trainers);
        session.RegistrationOpensOn = input.RegistrationOpensOn;
        session.RegistrationClosesOn = input.RegistrationClosesOn;
        if (status is { } st) session.Status = st;
        var raised = input.Capacity!.Value > session.Capacity;
        session.Capacity = input.Capacity.Value;
        // The counter is the seat claim's, never written from here (a registration may have moved it since it was read).
        db.Entry(session).Property(s => s.Registered).IsModified = false;
        var saved = await db.TrySaveAsync(session, "", "", ct);
        if (saved.Succeeded && raised) await registrations.FillSeatsAsync(session.Id, ct);
        return saved;
    }

    /// <summary>The need a new course answers: none, or a topic of the area's catalogue with a fiscal year (both, or neither).</summary>
    private async Task<(Guid? Topic, List<FieldError> Errors)> ReadNeedAsync(Guid areaId, CourseInput input, CancellationToken ct)
    {
        var key = Checks.Clean(input.NeedTopic);
        if (key is null && input.NeedFiscalYear is null) return (null, []);
        var errors = new List<FieldError>();
        Guid? topic = null;
        if (key is null) errors.Add(new("needTopic", "กรุณาระบุหัวข้อการพัฒนาที่หลักสูตรนี้สร้างจากความต้องการ"));
        else if (!Guid.TryParse(key, out var id) || !await db.DevelopmentTopics.AnyAsync(t => t.AreaId == areaId && t.Id == id, ct))
            errors.Add(new("needTopic", $"ไม่มีหัวข้อการพัฒนา \"{key}\" ในรายการของเขตพื้นที่"));
        else topic = id;
        if (input.NeedFiscalYear is not { } year) errors.Add(new("needFiscalYear", "กรุณาระบุปีงบประมาณของความต้องการในการพัฒนา"));
        else if (!SchoolCalendar.IsPlausibleBuddhistYear(year)) errors.Add(SchoolCalendar.BadYear("needFiscalYear", "ปีงบประมาณของความต้องการ", year.ToString()));
        return (topic, errors);
    }

    private sealed record CourseValues(string Code, string Name, DevelopmentMethod Method, decimal Hours, decimal PassPercent, string? Objectives,
        string? Provider, decimal? Cost, List<Position> Positions, List<SubjectArea> Subjects);

    private static (CourseValues? Values, List<FieldError> Errors) Read(CourseInput input)
    {
        var checks = new Checks()
            .Code(input.Code, "code", "รหัสหลักสูตร", DataSchema.CodeLength)
            .Text(input.Name, "name", "ชื่อหลักสูตร", DataSchema.NameLength)
            .Text(input.Objectives, "objectives", "วัตถุประสงค์", DataSchema.TextLength, required: false)
            .Text(input.Provider, "provider", "หน่วยงานผู้จัด", DataSchema.NameLength, required: false);
        DevelopmentMethod method = default;
        if (Checks.Clean(input.Method) is not { } m) checks.Add("method", "กรุณาระบุรูปแบบการพัฒนา");
        else if (!EnumText.TryParse(m, TrainingText.Label, out method))
            checks.Add("method", $"ไม่รู้จักรูปแบบการพัฒนา \"{m}\" — ใช้ได้: {string.Join(", ", Enum.GetNames<DevelopmentMethod>())}");
        if (input.Hours is not { } hours) checks.Add("hours", "กรุณาระบุจำนวนชั่วโมง");
        else if (hours is <= 0 or > MaxHours) checks.Add("hours", $"จำนวนชั่วโมงต้องมากกว่า 0 และไม่เกิน {MaxHours:#,0}");
        if (input.PassPercent is not { } pass) checks.Add("passPercent", "กรุณาระบุเกณฑ์ผ่าน (ร้อยละของคะแนนหลังอบรม)");
        else if (pass is < 0 or > 100) checks.Add("passPercent", "เกณฑ์ผ่านต้องอยู่ระหว่าง 0 ถึง 100");
        if (input.CostPerPerson is < 0 or > 1_000_000) checks.Add("costPerPerson", "ค่าใช้จ่ายต่อคนต้องอยู่ระหว่าง 0 ถึง 1,000,000 บาท");
        var positions = new List<Position>();
        foreach (var (p, i) in (input.TargetPositions ?? []).Select((p, i) => (p, i)))
            if (EnumText.TryParse(p, PersonnelText.Label, out Position position, PersonnelText.Synonyms)) positions.Add(position);
            else checks.Add($"targetPositions[{i}]", $"ไม่รู้จักตำแหน่ง \"{p}\"");
        var subjects = new List<SubjectArea>();
        foreach (var (s, i) in (input.TargetSubjectAreas ?? []).Select((s, i) => (s, i)))
            if (EnumText.TryParse(s, PersonnelText.Label, out SubjectArea subject, PersonnelText.Synonyms)) subjects.Add(subject);
            else checks.Add($"targetSubjectAreas[{i}]", $"ไม่รู้จักกลุ่มสาระ \"{s}\"");
        if (checks.Errors.Count > 0) return (null, [.. checks.Errors]);
        return (new CourseValues(Checks.Clean(input.Code)!, Checks.Clean(input.Name)!, method, input.Hours!.Value, input.PassPercent!.Value,
            Checks.Clean(input.Objectives), Checks.Clean(input.Provider), input.CostPerPerson, positions.Distinct().ToList(), subjects.Distinct().ToList()), []);
    }

    private static void Apply(Course c, CourseValues v)
    {
        c.Method = v.Method;
        c.Hours = v.Hours;
        c.PassPercent = v.PassPercent;
        c.Objectives = v.Objectives;
        c.Provider = v.Provider;
        c.CostPerPerson = v.Cost;
        c.TargetPositions = v.Positions;
        c.TargetSubjectAreas = v.Subjects;
    }

    public static List<FieldError> ReadSession(SessionInput input, out SessionStatus? status)
    {
        status = null;
        var checks = new Checks()
            .Text(input.Name, "name", "ชื่อรุ่น", DataSchema.NameLength)
            .Text(input.Venue, "venue", "สถานที่", DataSchema.NameLength)
            .Text(input.Trainers, "trainers", "วิทยากร", DataSchema.TextLength, required: false)
            .Range(input.Capacity, 1, MaxCapacity, "capacity", "จำนวนที่รับ");
        if (input.StartDate is null) checks.Add("startDate", "กรุณาระบุวันเริ่ม");
        if (input.EndDate is null) checks.Add("endDate", "กรุณาระบุวันสิ้นสุด");
        else if (input.StartDate is { } start && input.EndDate < start) checks.Add("endDate", "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม");
        if (input.StartDate is { } s && input.EndDate is { } e && e.DayNumber - s.DayNumber > 366) checks.Add("endDate", "รุ่นหนึ่งยาวได้ไม่เกิน 1 ปี");
        if (input.RegistrationOpensOn is { } o && input.RegistrationClosesOn is { } c && c < o)
            checks.Add("registrationClosesOn", "วันปิดรับลงทะเบียนต้องไม่ก่อนวันเปิดรับ");
        if (input.RegistrationClosesOn is { } closes && input.EndDate is { } end && closes > end)
            checks.Add("registrationClosesOn", "วันปิดรับลงทะเบียนต้องไม่หลังวันสิ้นสุดของรุ่น");
        if (Checks.Clean(input.Status) is { } st)
        {
            if (EnumText.TryParse(st, TrainingText.Label, out SessionStatus parsed)) status = parsed;
            else checks.Add("status", $"ไม่รู้จักสถานะ \"{st}\" — ใช้ได้: {string.Join(", ", Enum.GetNames<SessionStatus>())}");
        }
        return [.. checks.Errors];
    }
}
