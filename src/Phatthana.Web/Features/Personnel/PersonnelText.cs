namespace Phatthana.Web.Features.Personnel;

/// <summary>The Personnel feature's Thai wording, in one place for review by a Thai reader.</summary>
public static class PersonnelText
{
    public const string People = "บุคลากร";
    public const string Person = "บุคลากร";
    public const string NationalIdLabel = "เลขประจำตัวประชาชน";
    public const string Title = "คำนำหน้าชื่อ";
    public const string FirstName = "ชื่อ";
    public const string LastName = "นามสกุล";
    public const string FullName = "ชื่อ-นามสกุล";
    public const string GenderLabel = "เพศ";
    public const string BirthDate = "วันเกิด";
    public const string PositionLabel = "ตำแหน่ง";
    public const string StandingLabel = "วิทยฐานะ";
    public const string Major = "วิชาเอก";
    public const string TeachingSubjectAreas = "กลุ่มสาระที่สอน";
    public const string TeachingLevelLabel = "ระดับชั้นที่สอน";
    public const string Workplace = "สังกัด (สถานศึกษา/กลุ่มงาน)";
    public const string School = "สถานศึกษา";
    public const string Division = "กลุ่มงาน";
    public const string StartDate = "วันที่เริ่มปฏิบัติงาน";
    public const string StatusLabel = "สถานะ";
    public const string StatusDate = "วันที่มีผล";
    public const string EffectiveDate = "วันที่มีผลของการเปลี่ยนแปลง";

    public const string Posts = "อัตรา (จ.18)";
    public const string PositionNumber = "เลขที่ตำแหน่ง";
    public const string PostTypeLabel = "ประเภทอัตรา";
    public const string Occupant = "ผู้ครองอัตรา";
    public const string Vacant = "ว่าง";

    public const string DuplicateNationalId = "เลขประจำตัวประชาชนนี้มีอยู่แล้วในทะเบียนของเขตพื้นที่";
    public const string DuplicatePositionNumber = "เลขที่ตำแหน่งนี้มีอยู่แล้วในเขตพื้นที่";

    /// <summary>The titles people are registered with (คำนำหน้าชื่อ), with the gender each implies where it does.</summary>
    public static readonly IReadOnlyList<(string Title, Gender? Gender)> Titles =
    [
        ("นาย", Personnel.Gender.Male), ("นาง", Personnel.Gender.Female), ("นางสาว", Personnel.Gender.Female),
        ("ว่าที่ร้อยตรี", Personnel.Gender.Male), ("ว่าที่ร้อยตรีหญิง", Personnel.Gender.Female),
        ("ว่าที่ร้อยโท", Personnel.Gender.Male), ("ว่าที่ร้อยโทหญิง", Personnel.Gender.Female),
        ("ว่าที่ร้อยเอก", Personnel.Gender.Male), ("ว่าที่ร้อยเอกหญิง", Personnel.Gender.Female),
        ("ดร.", null), ("ผศ.ดร.", null), ("รศ.ดร.", null),
    ];

    public static Gender? GenderOfTitle(string? title) => Titles.FirstOrDefault(t => t.Title == title).Gender;

    public static string Label(Gender gender) => gender switch
    {
        Personnel.Gender.Male => "ชาย",
        Personnel.Gender.Female => "หญิง",
        _ => gender.ToString(),
    };

    public static string Label(Position position) => position switch
    {
        Personnel.Position.AssistantTeacher => "ครูผู้ช่วย",
        Personnel.Position.Teacher => "ครู",
        Personnel.Position.DeputyDirector => "รองผู้อำนวยการสถานศึกษา",
        Personnel.Position.Director => "ผู้อำนวยการสถานศึกษา",
        Personnel.Position.Supervisor => "ศึกษานิเทศก์",
        Personnel.Position.EducationalPersonnel => "บุคลากรทางการศึกษาอื่น (38 ค.(2))",
        Personnel.Position.GovernmentEmployee => "พนักงานราชการ",
        Personnel.Position.ContractTeacher => "ครูอัตราจ้าง",
        _ => position.ToString(),
    };

    public static string Label(TeachingLevel level) => level switch
    {
        Personnel.TeachingLevel.PrePrimary => "ปฐมวัย",
        Personnel.TeachingLevel.Primary => "ประถมศึกษา",
        Personnel.TeachingLevel.LowerSecondary => "มัธยมศึกษาตอนต้น",
        Personnel.TeachingLevel.UpperSecondary => "มัธยมศึกษาตอนปลาย",
        _ => level.ToString(),
    };

    public static string Label(AcademicStanding standing) => standing switch
    {
        AcademicStanding.None => "ไม่มีวิทยฐานะ",
        AcademicStanding.Professional => "ชำนาญการ",
        AcademicStanding.SeniorProfessional => "ชำนาญการพิเศษ",
        AcademicStanding.Expert => "เชี่ยวชาญ",
        AcademicStanding.SeniorExpert => "เชี่ยวชาญพิเศษ",
        _ => standing.ToString(),
    };

    public static string Label(SubjectArea area) => area switch
    {
        SubjectArea.Thai => "ภาษาไทย",
        SubjectArea.Mathematics => "คณิตศาสตร์",
        SubjectArea.Science => "วิทยาศาสตร์และเทคโนโลยี",
        SubjectArea.SocialStudies => "สังคมศึกษา ศาสนาและวัฒนธรรม",
        SubjectArea.HealthPE => "สุขศึกษาและพลศึกษา",
        SubjectArea.Arts => "ศิลปะ",
        SubjectArea.CareerTech => "การงานอาชีพ",
        SubjectArea.ForeignLanguages => "ภาษาต่างประเทศ",
        SubjectArea.EarlyChildhood => "ปฐมวัย",
        SubjectArea.Guidance => "แนะแนว",
        SubjectArea.SpecialEducation => "การศึกษาพิเศษ",
        _ => area.ToString(),
    };

    public static string Label(PersonStatus status) => status switch
    {
        PersonStatus.Active => "ปฏิบัติงานอยู่",
        PersonStatus.Transferred => "ย้ายออก",
        PersonStatus.Retired => "เกษียณ/พ้นจากราชการ",
        _ => status.ToString(),
    };

    public static string Label(PostType type) => type switch
    {
        PostType.Teacher => "ผู้สอน",
        PostType.Administrator => "ผู้บริหาร",
        _ => type.ToString(),
    };

    public static string Label(HistoryEvent e) => e switch
    {
        HistoryEvent.Joined => "บรรจุ/รับย้ายเข้า",
        HistoryEvent.Moved => "ย้ายสังกัด",
        HistoryEvent.PositionChanged => "เปลี่ยนตำแหน่ง",
        HistoryEvent.StandingChanged => "เปลี่ยนวิทยฐานะ",
        HistoryEvent.StatusChanged => "เปลี่ยนสถานะ",
        _ => e.ToString(),
    };

    /// <summary>Words offices write for a teaching level (kept apart from <see cref="Synonyms"/>, where อนุบาล is a subject area).</summary>
    public static readonly IReadOnlyDictionary<string, object> TeachingLevelSynonyms = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
    {
        ["อนุบาล"] = Personnel.TeachingLevel.PrePrimary, ["การศึกษาปฐมวัย"] = Personnel.TeachingLevel.PrePrimary,
        ["ประถม"] = Personnel.TeachingLevel.Primary, ["ป.1-ป.6"] = Personnel.TeachingLevel.Primary, ["ป.1-6"] = Personnel.TeachingLevel.Primary,
        ["ม.ต้น"] = Personnel.TeachingLevel.LowerSecondary, ["มัธยมต้น"] = Personnel.TeachingLevel.LowerSecondary,
        ["ม.1-ม.3"] = Personnel.TeachingLevel.LowerSecondary, ["ม.1-3"] = Personnel.TeachingLevel.LowerSecondary,
        ["ม.ปลาย"] = Personnel.TeachingLevel.UpperSecondary, ["มัธยมปลาย"] = Personnel.TeachingLevel.UpperSecondary,
        ["ม.4-ม.6"] = Personnel.TeachingLevel.UpperSecondary, ["ม.4-6"] = Personnel.TeachingLevel.UpperSecondary,
    };

    public static string Subjects(IEnumerable<SubjectArea> areas) => string.Join(", ", areas.Select(Label));

    /// <summary>Words offices write in their own files for a value, besides its label and code name.</summary>
    public static readonly IReadOnlyDictionary<string, object> Synonyms = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
    {
        ["ช"] = Personnel.Gender.Male, ["ญ"] = Personnel.Gender.Female, ["M"] = Personnel.Gender.Male, ["F"] = Personnel.Gender.Female,
        ["ผอ."] = Personnel.Position.Director, ["รอง ผอ."] = Personnel.Position.DeputyDirector, ["ผู้อำนวยการโรงเรียน"] = Personnel.Position.Director,
        ["รองผู้อำนวยการโรงเรียน"] = Personnel.Position.DeputyDirector, ["บุคลากรทางการศึกษาอื่น"] = Personnel.Position.EducationalPersonnel,
        ["38 ค.(2)"] = Personnel.Position.EducationalPersonnel, ["ลูกจ้างชั่วคราว"] = Personnel.Position.ContractTeacher,
        ["-"] = AcademicStanding.None, ["ไม่มี"] = AcademicStanding.None, ["คศ.1"] = AcademicStanding.None,
        ["คศ.2"] = AcademicStanding.Professional, ["คศ.3"] = AcademicStanding.SeniorProfessional,
        ["คศ.4"] = AcademicStanding.Expert, ["คศ.5"] = AcademicStanding.SeniorExpert,
        ["วิทยาศาสตร์"] = SubjectArea.Science, ["สังคมศึกษา"] = SubjectArea.SocialStudies, ["สุขศึกษา"] = SubjectArea.HealthPE,
        ["พลศึกษา"] = SubjectArea.HealthPE, ["การงานฯ"] = SubjectArea.CareerTech, ["การงานอาชีพและเทคโนโลยี"] = SubjectArea.CareerTech,
        ["ภาษาอังกฤษ"] = SubjectArea.ForeignLanguages, ["การศึกษาปฐมวัย"] = SubjectArea.EarlyChildhood, ["อนุบาล"] = SubjectArea.EarlyChildhood,
        ["คอมพิวเตอร์"] = SubjectArea.Science, ["เทคโนโลยี"] = SubjectArea.Science, ["ดนตรี"] = SubjectArea.Arts, ["นาฏศิลป์"] = SubjectArea.Arts,
        ["ทัศนศิลป์"] = SubjectArea.Arts, ["กิจกรรมพัฒนาผู้เรียน"] = SubjectArea.Guidance,
        ["ย้าย"] = PersonStatus.Transferred, ["เกษียณ"] = PersonStatus.Retired, ["ปฏิบัติงาน"] = PersonStatus.Active,
        ["ปกติ"] = PersonStatus.Active, ["บริหาร"] = PostType.Administrator, ["สอน"] = PostType.Teacher, ["ครู"] = PostType.Teacher,
    };
}
