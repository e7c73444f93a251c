using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Manpower;

/// <summary>The levels the criteria count teachers for: อนุบาล, ประถมศึกษา, มัธยมศึกษา (ม.1–ม.6 and ปวช.).</summary>
public enum StaffingLevel { PrePrimary, Primary, Secondary }

/// <summary>How a level's teachers follow from its rooms and students.</summary>
public enum LevelMethod
{
    /// <summary>(rooms × class size ÷ students per teacher + students ÷ students per teacher) ÷ 2.</summary>
    Ratio,
    /// <summary>rooms × teachers per room.</summary>
    PerRoom,
}

/// <summary>How the summed, unrounded teachers become whole posts.</summary>
public enum StaffingRounding { HalfAwayFromZero, Up, Down }

/// <summary>Whole-school band of a small school: from <see cref="Min"/> to <see cref="Max"/> students, <see cref="Teachers"/> teachers.</summary>
public sealed record StudentBand(int Min, int Max, int Teachers);

/// <summary>Deputy directors by the school's total students; the last band has no upper end (<see cref="Max"/> null).</summary>
public sealed record DeputyBand(int Min, int? Max, int Deputies);

/// <summary>One level's class size and how its teachers are computed.</summary>
public sealed record LevelRule(StaffingLevel Level, int ClassSize, LevelMethod Method, decimal StudentsPerTeacher, decimal TeachersPerRoom);

/// <summary>
/// The ก.ค.ศ. staffing criteria as data: every number a circular may change is here, none in code.
/// Stored as one JSON document on its <see cref="StaffingRuleSet"/>.
/// </summary>
public sealed record StaffingCriteria
{
    /// <summary>Bands for a school whose whole enrolment is at most the last band's maximum (the small-school rule).</summary>
    public IReadOnlyList<StudentBand> SmallSchoolBands { get; init; } = [];
    /// <summary>Administrators of a small school (its director).</summary>
    public int SmallSchoolAdministrators { get; init; } = 1;
    public IReadOnlyList<LevelRule> Levels { get; init; } = [];
    /// <summary>A grade's remainder of at least this many students adds a standard classroom.</summary>
    public int RemainderForExtraRoom { get; init; } = 10;
    /// <summary>Rooms a grade with any students counts at least.</summary>
    public int MinimumRoomsPerGrade { get; init; } = 1;
    /// <summary>Directors of a larger school.</summary>
    public int Directors { get; init; } = 1;
    public IReadOnlyList<DeputyBand> DeputyBands { get; init; } = [];
    public StaffingRounding Rounding { get; init; } = StaffingRounding.HalfAwayFromZero;

    // Loops rather than LINQ: the calculator asks these once per grade of every school, 30,000 schools for a national summary.

    /// <summary>The largest enrolment the small-school rule covers (0 when there are no bands).</summary>
    public int SmallSchoolMax
    {
        get
        {
            var max = 0;
            for (var i = 0; i < SmallSchoolBands.Count; i++) max = i == 0 ? SmallSchoolBands[i].Max : Math.Max(max, SmallSchoolBands[i].Max);
            return max;
        }
    }

    /// <summary>The first rule for the level, if any.</summary>
    public LevelRule? RuleFor(StaffingLevel level)
    {
        for (var i = 0; i < Levels.Count; i++)
            if (Levels[i].Level == level) return Levels[i];
        return null;
    }

    /// <summary>What the staffing tools used in area offices compute (spelled out in the Manpower issue).</summary>
    public static StaffingCriteria Default => new()
    {
        SmallSchoolBands = [new(1, 20, 1), new(21, 40, 2), new(41, 60, 3), new(61, 80, 4), new(81, 100, 5), new(101, 120, 6)],
        SmallSchoolAdministrators = 1,
        Levels =
        [
            new(StaffingLevel.PrePrimary, 30, LevelMethod.Ratio, 25, 0),
            new(StaffingLevel.Primary, 40, LevelMethod.Ratio, 25, 0),
            new(StaffingLevel.Secondary, 40, LevelMethod.PerRoom, 0, 2),
        ],
        RemainderForExtraRoom = 10,
        MinimumRoomsPerGrade = 1,
        Directors = 1,
        DeputyBands = [new(0, 359, 0), new(360, 719, 1), new(720, 1079, 2), new(1080, 1679, 3), new(1680, null, 4)],
        Rounding = StaffingRounding.HalfAwayFromZero,
    };
}

/// <summary>
/// A version of the staffing criteria (เกณฑ์อัตรากำลัง ก.ค.ศ.), in force from an academic year until a later set
/// starts. Install-wide: every area uses the set in force for the year it looks at. Edited by a SystemAdmin.
/// </summary>
public sealed class StaffingRuleSet : IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>ปีการศึกษา (พ.ศ.) from which this set applies.</summary>
    public int EffectiveFromYear { get; set; }
    /// <summary>The circular it follows, e.g. "ว 23/2563", or a note that it is the shipped default to check.</summary>
    public string? Reference { get; set; }
    public bool IsShippedDefault { get; set; }
    public StaffingCriteria Criteria { get; set; } = StaffingCriteria.Default;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A school's request for teachers of one subject area in one academic year (ความต้องการครูรายวิชาเอก).</summary>
public sealed class SubjectNeed : ISchoolOwned, ITimestamped
{
    public Guid AreaId { get; set; }
    public Guid SchoolId { get; set; }
    public int AcademicYear { get; set; }
    public SubjectArea SubjectArea { get; set; }
    /// <summary>Teachers of this subject the school needs in all.</summary>
    public int Needed { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class StaffingLevels
{
    public static StaffingLevel Of(Grade grade) => grade switch
    {
        Grade.K1 or Grade.K2 or Grade.K3 => StaffingLevel.PrePrimary,
        Grade.P1 or Grade.P2 or Grade.P3 or Grade.P4 or Grade.P5 or Grade.P6 => StaffingLevel.Primary,
        _ => StaffingLevel.Secondary,
    };
}
