using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Features.Personnel;

public enum Gender { Male, Female }

/// <summary>ตำแหน่ง (API.md order).</summary>
public enum Position { AssistantTeacher, Teacher, DeputyDirector, Director, Supervisor, EducationalPersonnel, GovernmentEmployee, ContractTeacher }

/// <summary>วิทยฐานะ.</summary>
public enum AcademicStanding { None, Professional, SeniorProfessional, Expert, SeniorExpert }

/// <summary>กลุ่มสาระการเรียนรู้ (the 8 of the core curriculum) and early childhood, guidance and special education.</summary>
public enum SubjectArea { Thai, Mathematics, Science, SocialStudies, HealthPE, Arts, CareerTech, ForeignLanguages, EarlyChildhood, Guidance, SpecialEducation }

/// <summary>ระดับชั้นที่สอน: the level a teacher mainly teaches (the manpower analysis counts subjects per level).</summary>
public enum TeachingLevel { PrePrimary, Primary, LowerSecondary, UpperSecondary }

/// <summary>Whether the person still works in the area: transferred out and retired people stay on file with the date.</summary>
public enum PersonStatus { Active, Transferred, Retired }

/// <summary>The kind of post on the register (จ.18).</summary>
public enum PostType { Teacher, Administrator }

/// <summary>
/// ข้าราชการครูและบุคลากรทางการศึกษา of one area. The national ID is the natural key within the area (a person who moves
/// to another area is kept here as Transferred and starts a record there). Works at a school or in a division of the
/// area office. Fields other than identity, position and workplace may be missing; the data-quality page counts them.
/// </summary>
public sealed class Person : IOptionalSchoolOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public required string NationalId { get; set; }
    public required string Title { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public Gender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Position Position { get; set; }
    public AcademicStanding? AcademicStanding { get; set; }
    /// <summary>วิชาเอก of the person's degree, as the subject area it qualifies them to teach.</summary>
    public SubjectArea? Major { get; set; }
    public List<SubjectArea> TeachingSubjectAreas { get; set; } = [];
    /// <summary>ระดับชั้นที่สอนเป็นหลัก; when missing, a primary school's teacher counts at primary level.</summary>
    public TeachingLevel? TeachingLevel { get; set; }
    public Guid? SchoolId { get; set; }
    public School? School { get; set; }
    public Guid? DivisionId { get; set; }
    public Division? Division { get; set; }
    /// <summary>วันที่เริ่มรับราชการ / เริ่มปฏิบัติงาน.</summary>
    public DateOnly? StartDate { get; set; }
    public PersonStatus Status { get; set; }
    /// <summary>The date the current status took effect.</summary>
    public DateOnly? StatusDate { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string FullName => $"{Title}{FirstName} {LastName}";
}

public enum HistoryEvent { Joined, Moved, PositionChanged, StandingChanged, StatusChanged }

/// <summary>One line of a person's work history, written by the use case whenever workplace, position, standing or status change.</summary>
public sealed class PersonHistory : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public HistoryEvent Event { get; set; }
    public Position Position { get; set; }
    public AcademicStanding? AcademicStanding { get; set; }
    /// <summary>The workplace's name as it was then (a school may be renamed or removed later).</summary>
    public required string Workplace { get; set; }
    public PersonStatus Status { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>อัตรา: one post on a school's register (บัญชี จ.18), occupied by a person or vacant.</summary>
public sealed class Post : ISchoolOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid SchoolId { get; set; }
    public School? School { get; set; }
    /// <summary>เลขที่ตำแหน่ง; unique within the area.</summary>
    public required string PositionNumber { get; set; }
    public PostType PostType { get; set; }
    public Guid? OccupantId { get; set; }
    public Person? Occupant { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
