using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>
/// The fields of a person as the API, the form and the import send them (API.md names). Dates are text so that each
/// way in can be read the same way: ISO (ค.ศ.) from the API, "วว/ดด/ปปปป" (พ.ศ.) from people, either from a file.
/// </summary>
public sealed class PersonInput
{
    public string? NationalId { get; set; }
    public string? Title { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public Gender? Gender { get; set; }
    public string? BirthDate { get; set; }
    public Position? Position { get; set; }
    public AcademicStanding? AcademicStanding { get; set; }
    public SubjectArea? Major { get; set; }
    public List<SubjectArea>? TeachingSubjectAreas { get; set; }
    /// <summary>ระดับชั้นที่สอน as text: the code name (<c>LowerSecondary</c>), the Thai label (มัธยมศึกษาตอนต้น) or a word offices use (ม.ต้น).</summary>
    public string? TeachingLevel { get; set; }
    /// <summary>The school's 10-digit, SMIS or OBEC code; or else <see cref="Division"/>.</summary>
    public string? School { get; set; }
    /// <summary>The name of a division of the area office (for staff who do not work at a school).</summary>
    public string? Division { get; set; }
    public string? StartDate { get; set; }
    public PersonStatus? Status { get; set; }
    /// <summary>When a change of workplace, position, standing or status took effect (today when not given).</summary>
    public string? EffectiveDate { get; set; }
}

/// <summary>A person's fields after reading and checking: what the use case and the import write.</summary>
public sealed record PersonValues(
    string NationalId, string Title, string FirstName, string LastName, Gender? Gender, DateOnly? BirthDate,
    Position Position, AcademicStanding? AcademicStanding, SubjectArea? Major, List<SubjectArea> TeachingSubjectAreas,
    TeachingLevel? TeachingLevel, SchoolRef? School, DivisionRef? Division, DateOnly? StartDate, PersonStatus? Status, DateOnly? EffectiveDate)
{
    public string Workplace => School?.Name ?? Division?.Name ?? "";
}

public sealed record DivisionRef(Guid Id, string Name);

/// <summary>The area's schools and divisions a person's workplace is looked up in.</summary>
public sealed record Workplaces(SchoolFinder Schools, IReadOnlyDictionary<string, DivisionRef> Divisions);

/// <summary>
/// The rules of a person record, pure (no database): each way in — API, form, file — reads and checks a person with
/// these, so all three say the same Thai message for the same mistake. Also writes the values onto the entity and
/// keeps the work history.
/// </summary>
public static class PersonRules
{
    public const int NameMaxLength = DataSchema.ShortNameLength;
    public const int OldestAge = 100, YoungestAge = 18, RetirementAge = 60;

    /// <summary>Positions that hold a วิทยฐานะ (the others are always "none").</summary>
    public static bool HoldsStanding(Position p) => p is Position.Teacher or Position.DeputyDirector or Position.Director or Position.Supervisor or Position.EducationalPersonnel;

    /// <summary>Positions that teach, so a major and subject areas taught are expected.</summary>
    public static bool Teaches(Position p) => p is Position.AssistantTeacher or Position.Teacher or Position.ContractTeacher or Position.GovernmentEmployee;

    /// <summary>Civil-servant positions of a school that sit on a post of the register (จ.18).</summary>
    public static bool NeedsPost(Position p) => p is Position.AssistantTeacher or Position.Teacher or Position.DeputyDirector or Position.Director;

    public static PostType? PostTypeFor(Position p) => p switch
    {
        Position.Director or Position.DeputyDirector => PostType.Administrator,
        Position.AssistantTeacher or Position.Teacher => PostType.Teacher,
        _ => null,
    };

    /// <summary>Reads and checks <paramref name="input"/>; field names are the API's. Notes say how a date's year was read.</summary>
    public static (PersonValues? Values, List<FieldError> Errors, List<string> Notes) Read(PersonInput input, Workplaces places, DateOnly today)
    {
        var checks = new Checks();
        var notes = new List<string>();
        var nationalId = NationalId.Normalise(input.NationalId);
        if (NationalId.Problem(input.NationalId) is { } idProblem) checks.Add("nationalId", idProblem);

        var title = Checks.Clean(input.Title);
        if (title is null) checks.Add("title", $"กรุณาเลือก{T.Title}");
        else if (T.Titles.All(t => t.Title != title))
            checks.Add("title", $"{T.Title} \"{title}\" ไม่อยู่ในรายการ — ใช้ได้: {string.Join(", ", T.Titles.Select(t => t.Title))}");
        checks.Text(input.FirstName, "firstName", T.FirstName, NameMaxLength).Text(input.LastName, "lastName", T.LastName, NameMaxLength);

        var gender = input.Gender;
        if (T.GenderOfTitle(title) is { } implied)
        {
            if (gender is null) gender = implied;
            else if (gender != implied) checks.Add("gender", $"คำนำหน้า {title} ไม่ตรงกับเพศ{T.Label(gender.Value)}");
        }

        var birth = ReadDate(input.BirthDate, "birthDate", T.BirthDate, checks, notes);
        var birthProblem = birth switch
        {
            { } b when b > today => $"{T.BirthDate} {ThaiDate.Long(b)} เป็นวันในอนาคต",
            { } b when AgeOn(b, today) < YoungestAge => $"{T.BirthDate} {ThaiDate.Long(b)} ทำให้อายุต่ำกว่า {YoungestAge} ปี — ตรวจสอบปี พ.ศ./ค.ศ.",
            { } b when AgeOn(b, today) > OldestAge => $"{T.BirthDate} {ThaiDate.Long(b)} ทำให้อายุเกิน {OldestAge} ปี — ตรวจสอบปี พ.ศ./ค.ศ.",
            _ => null,
        };
        if (birthProblem is not null) checks.Add("birthDate", birthProblem);

        checks.Required(input.Position, "position", T.PositionLabel);
        var standing = input.AcademicStanding;
        if (input.Position is { } position && !HoldsStanding(position) && standing is { } s && s != AcademicStanding.None)
            checks.Add("academicStanding", $"ตำแหน่ง{T.Label(position)}ไม่มีวิทยฐานะ{T.Label(s)}");

        // Like the major, a level is kept for any position; only teaching ones are counted by the manpower analysis.
        TeachingLevel? level = null;
        if (!string.IsNullOrWhiteSpace(input.TeachingLevel))
        {
            if (EnumText.TryParse(input.TeachingLevel, T.Label, out TeachingLevel parsed, T.TeachingLevelSynonyms)) level = parsed;
            else checks.Add("teachingLevel", $"{T.TeachingLevelLabel} \"{input.TeachingLevel.Trim()}\" ไม่อยู่ในรายการ — {EnumText.Allowed<TeachingLevel>(T.Label)}");
        }

        SchoolRef? school = null;
        DivisionRef? division = null;
        var schoolCode = Checks.Clean(input.School);
        var divisionName = Checks.Clean(input.Division);
        if (schoolCode is not null && divisionName is not null)
            checks.Add("division", "ระบุสังกัดได้อย่างเดียว: สถานศึกษา หรือ กลุ่มงานของ สพท.");
        else if (schoolCode is not null)
        {
            school = places.Schools.Find(schoolCode, out var schoolNote);
            if (school is null) checks.Add("school", SchoolFinder.Unknown(schoolCode));
            else if (schoolNote is not null) notes.Add($"{T.School}: {schoolNote}");
        }
        else if (divisionName is not null)
        {
            if (!places.Divisions.TryGetValue(divisionName, out division))
                checks.Add("division", $"ไม่พบกลุ่มงาน \"{divisionName}\" ในเขตพื้นที่นี้ — ใช้ได้: {string.Join(", ", places.Divisions.Keys.Order(ThaiText.Comparer))}");
        }
        else checks.Add("school", "กรุณาระบุสังกัด: รหัสสถานศึกษา หรือชื่อกลุ่มงานของ สพท.");

        var start = ReadDate(input.StartDate, "startDate", T.StartDate, checks, notes);
        if (start is { } st)
        {
            if (st > today) checks.Add("startDate", $"{T.StartDate} {ThaiDate.Long(st)} เป็นวันในอนาคต");
            // A start date is compared with a birth date only once that is plausible itself: one mistake, one message.
            else if (birthProblem is null && birth is { } bd && AgeOn(bd, st) < YoungestAge)
                checks.Add("startDate", $"{T.StartDate} {ThaiDate.Long(st)} อยู่ก่อนอายุครบ {YoungestAge} ปี — ตรวจสอบปี พ.ศ./ค.ศ.");
        }
        var effective = ReadDate(input.EffectiveDate, "effectiveDate", T.EffectiveDate, checks, notes);
        if (effective is { } ef && ef > today) checks.Add("effectiveDate", $"{T.EffectiveDate} {ThaiDate.Long(ef)} เป็นวันในอนาคต");

        if (!checks.IsValid) return (null, [.. checks.Errors], notes);
        var subjects = (input.TeachingSubjectAreas ?? []).Distinct().Order().ToList();
        return (new PersonValues(nationalId, title!, Checks.Clean(input.FirstName)!, Checks.Clean(input.LastName)!, gender, birth,
            input.Position!.Value, HoldsStanding(input.Position.Value) ? standing : (standing is null ? null : AcademicStanding.None),
            input.Major, subjects, level, school, division, start, input.Status, effective), [], notes);
    }

    private static DateOnly? ReadDate(string? text, string field, string label, Checks checks, List<string> notes)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!ThaiDate.TryRead(text, out var read))
        {
            checks.Add(field, $"{label} \"{text.Trim()}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป (พ.ศ.) เช่น 16/05/2568 หรือ ปปปป-ดด-วว (ค.ศ.)");
            return null;
        }
        if (read.Note(label) is { } note) notes.Add(note);
        return read.Date;
    }

    public static int AgeOn(DateOnly birth, DateOnly day) =>
        day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);

    /// <summary>
    /// The day a civil servant born on <paramref name="birth"/> retires: 30 September of the fiscal year in which they
    /// reach 60. The law counts age 60 as reached on the day before the 60th birthday, so someone born on 1 October
    /// retires a year earlier than someone born on 2 October.
    /// </summary>
    public static DateOnly RetirementDate(DateOnly birth)
    {
        var sixty = birth.AddYears(RetirementAge).AddDays(-1);
        return new DateOnly(sixty.Month >= SchoolCalendar.FiscalYearStartMonth ? sixty.Year + 1 : sixty.Year, 9, 30);
    }

    /// <summary>
    /// Writes <paramref name="v"/> onto the person and adds a work-history line for each change of workplace, position,
    /// standing or status (a new person gets one "joined" line). Returns whether the person stopped being active, so the
    /// caller can free the post they held.
    /// </summary>
    public static bool Apply(Person p, PersonValues v, bool isNew, DateOnly today, DateTimeOffset now, Action<PersonHistory> addHistory, string? note = null)
    {
        var effective = v.EffectiveDate ?? (isNew ? v.StartDate ?? today : today);
        var oldWorkplace = (p.SchoolId, p.DivisionId);
        var oldPosition = p.Position;
        var oldStanding = p.AcademicStanding;
        var oldStatus = p.Status;

        p.NationalId = v.NationalId;
        p.Title = v.Title;
        p.FirstName = v.FirstName;
        p.LastName = v.LastName;
        p.Gender = v.Gender;
        p.BirthDate = v.BirthDate;
        p.Position = v.Position;
        p.AcademicStanding = v.AcademicStanding;
        p.Major = v.Major;
        p.TeachingSubjectAreas = v.TeachingSubjectAreas;
        p.TeachingLevel = v.TeachingLevel;
        p.SchoolId = v.School?.Id;
        p.DivisionId = v.Division?.Id;
        p.StartDate = v.StartDate;
        var status = v.Status ?? (isNew ? PersonStatus.Active : p.Status);
        p.Status = status;
        if (isNew || status != oldStatus) p.StatusDate = effective;

        void Add(HistoryEvent e) => addHistory(new PersonHistory
        {
            AreaId = p.AreaId, PersonId = p.Id, EffectiveDate = effective, Event = e, Position = p.Position,
            AcademicStanding = p.AcademicStanding, Workplace = v.Workplace, Status = p.Status, Note = note, RecordedAt = now,
        });
        if (isNew)
        {
            Add(HistoryEvent.Joined);
            return false;
        }
        if (oldWorkplace != (p.SchoolId, p.DivisionId)) Add(HistoryEvent.Moved);
        if (oldPosition != p.Position) Add(HistoryEvent.PositionChanged);
        if (oldStanding != p.AcademicStanding && p.AcademicStanding is not null) Add(HistoryEvent.StandingChanged);
        if (oldStatus != p.Status) Add(HistoryEvent.StatusChanged);
        return oldStatus == PersonStatus.Active && p.Status != PersonStatus.Active;
    }
}
