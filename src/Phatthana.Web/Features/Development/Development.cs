using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;

namespace Phatthana.Web.Features.Development;

/// <summary>สมรรถนะหลัก (every position of the group) or สมรรถนะประจำสายงาน (of the work itself).</summary>
public enum CompetencyKind { Core, Functional }

/// <summary>The groups of positions whose competencies and development topics differ.</summary>
public enum PositionGroup { Teachers, Administrators, Supervisors, EducationPersonnel }

/// <summary>Draft → Submitted → Approved, or Returned with a comment and submitted again.</summary>
public enum IdPlanStatus { Draft, Submitted, Approved, Returned }

/// <summary>A row that belongs to one person: a teacher sees only their own, a school's staff only their school's.</summary>
public interface IPersonOwned : IOptionalSchoolOwned
{
    Guid PersonId { get; }
}

/// <summary>One competency of an area's catalogue, with the level (1–5) a person of the group is expected to reach.</summary>
public sealed class Competency : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    /// <summary>Unique within the area and group, e.g. "C1", "F3".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public CompetencyKind Kind { get; set; }
    public PositionGroup Group { get; set; }
    public int ExpectedLevel { get; set; } = 3;
    public int SortOrder { get; set; }
    /// <summary>A retired competency stays on the plans that used it but is not offered to new ones.</summary>
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>หัวข้อการพัฒนา: what a person may ask to be developed in, optionally towards a competency or a subject area.</summary>
public sealed class DevelopmentTopic : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public required string Name { get; set; }
    public PositionGroup Group { get; set; }
    public Guid? CompetencyId { get; set; }
    public SubjectArea? SubjectArea { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// แผนพัฒนาตนเอง (ID Plan) of one person for one fiscal year: self-assessed competencies, the development they ask for, and
/// the director's decision. The school is the person's when the plan was last saved, so the director who approves it sees it.
/// </summary>
public sealed class IdPlan : IPersonOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public int FiscalYear { get; set; }
    public IdPlanStatus Status { get; set; }
    /// <summary>เป้าหมายการพัฒนาตนเอง.</summary>
    public string? Goal { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>Who approved or returned it (their display name).</summary>
    public string? DecidedBy { get; set; }
    /// <summary>Why it was returned; kept after the next submission until a new decision.</summary>
    public string? ReturnComment { get; set; }
    public List<IdPlanCompetency> Competencies { get; set; } = [];
    public List<IdPlanNeed> Needs { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The person's own level (1–5) in one competency.</summary>
public sealed class IdPlanCompetency : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PlanId { get; set; }
    public Guid CompetencyId { get; set; }
    public Competency? Competency { get; set; }
    public int Level { get; set; }
}

/// <summary>One development the person asks for: a topic, its priority (1 first), how, when and what should come of it.</summary>
public sealed class IdPlanNeed : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PlanId { get; set; }
    public Guid TopicId { get; set; }
    public DevelopmentTopic? Topic { get; set; }
    public int Priority { get; set; }
    public List<DevelopmentMethod> Methods { get; set; } = [];
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public string? ExpectedOutcome { get; set; }
}

/// <summary>
/// สำรวจความต้องการในการพัฒนา: a round of a fiscal year, optionally open only between two dates and to some positions. It
/// reuses the needs of the year's submitted ID Plans; people without one answer its short form (<see cref="NeedResponse"/>).
/// </summary>
public sealed class NeedsSurvey : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public required string Name { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    /// <summary>Empty: everyone of the area.</summary>
    public List<Position> TargetPositions { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One topic a person without an ID Plan asked for in a survey's short form.</summary>
public sealed class NeedResponse : IPersonOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid PersonId { get; set; }
    public Guid SurveyId { get; set; }
    public Guid TopicId { get; set; }
    public int Priority { get; set; }
    public List<DevelopmentMethod> Methods { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class PositionGroups
{
    public static PositionGroup Of(Position position) => position switch
    {
        Position.Director or Position.DeputyDirector => PositionGroup.Administrators,
        Position.Supervisor => PositionGroup.Supervisors,
        Position.EducationalPersonnel => PositionGroup.EducationPersonnel,
        _ => PositionGroup.Teachers,
    };

    public static IReadOnlyList<Position> Members(PositionGroup group) => Enum.GetValues<Position>().Where(p => Of(p) == group).ToList();
}
