using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Features.Manpower;

/// <summary>Which rule a school's requirement came from.</summary>
public enum StaffingRule
{
    /// <summary>No students counted: nothing required.</summary>
    NoStudents,
    /// <summary>Whole-school bands (โรงเรียนขนาดเล็ก).</summary>
    SmallSchool,
    /// <summary>Standard classrooms and teachers per level.</summary>
    PerLevel,
}

/// <summary>Students of one grade, as counted on 10 June.</summary>
public readonly record struct GradeStudents(Grade Grade, int Students);

/// <summary>One grade's standard classrooms: students ÷ class size, a remainder at the threshold adds a room, at least the minimum.</summary>
public sealed record GradeWorking(Grade Grade, StaffingLevel Level, int Students, int ClassSize, int Rooms);

/// <summary>One level's rooms, students and unrounded teachers, with the formula written out so a user can check it.</summary>
public sealed record LevelWorking(StaffingLevel Level, int Students, int Rooms, decimal Teachers, string Formula);

/// <summary>A school's requirement under a rule set, with its working.</summary>
public sealed record StaffingRequirement
{
    public required StaffingRule Rule { get; init; }
    public required int Students { get; init; }
    /// <summary>Standard classrooms (the criteria's, not the reported ones).</summary>
    public required int Classrooms { get; init; }
    public required IReadOnlyList<GradeWorking> Grades { get; init; }
    public required IReadOnlyList<LevelWorking> Levels { get; init; }
    /// <summary>The band the small-school rule used.</summary>
    public StudentBand? Band { get; init; }
    /// <summary>Teachers before rounding (the sum of the levels; the band's figure for a small school).</summary>
    public required decimal UnroundedTeachers { get; init; }
    public required int Teachers { get; init; }
    public required int Directors { get; init; }
    public DeputyBand? DeputyBand { get; init; }
    public required int Deputies { get; init; }
    public int Administrators => Directors + Deputies;
    public int Total => Teachers + Administrators;
}

/// <summary>
/// The staffing criteria applied to one school's enrolment. Pure: the numbers all come from the
/// <see cref="StaffingCriteria"/>, and decimal arithmetic keeps x.5 exact so "half away from zero" means what it says.
/// </summary>
public static class StaffingCalculator
{
    public static StaffingRequirement Compute(StaffingCriteria c, IEnumerable<GradeStudents> counts)
    {
        var byGrade = counts.Where(g => g.Students > 0).GroupBy(g => g.Grade)
            .Select(g => (Grade: g.Key, Students: g.Sum(x => x.Students))).OrderBy(g => g.Grade).ToList();
        var grades = byGrade.Select(g => Rooms(c, g.Grade, g.Students)).ToList();
        var students = grades.Sum(g => g.Students);
        var classrooms = grades.Sum(g => g.Rooms);
        var levels = grades.GroupBy(g => g.Level).OrderBy(g => g.Key)
            .Select(g => Level(c, g.Key, g.Sum(x => x.Students), g.Sum(x => x.Rooms))).ToList();

        if (students == 0)
            return new StaffingRequirement
            {
                Rule = StaffingRule.NoStudents, Students = 0, Classrooms = 0, Grades = [], Levels = [],
                UnroundedTeachers = 0, Teachers = 0, Directors = 0, Deputies = 0,
            };

        if (students <= c.SmallSchoolMax && c.SmallSchoolBands.FirstOrDefault(b => students >= b.Min && students <= b.Max) is { } band)
            return new StaffingRequirement
            {
                Rule = StaffingRule.SmallSchool, Students = students, Classrooms = classrooms, Grades = grades, Levels = levels,
                Band = band, UnroundedTeachers = band.Teachers, Teachers = band.Teachers,
                Directors = c.SmallSchoolAdministrators, Deputies = 0,
            };

        var unrounded = levels.Sum(l => l.Teachers);
        var deputyBand = c.DeputyBands.FirstOrDefault(b => students >= b.Min && (b.Max is null || students <= b.Max));
        return new StaffingRequirement
        {
            Rule = StaffingRule.PerLevel, Students = students, Classrooms = classrooms, Grades = grades, Levels = levels,
            UnroundedTeachers = unrounded, Teachers = Round(unrounded, c.Rounding),
            Directors = c.Directors, DeputyBand = deputyBand, Deputies = deputyBand?.Deputies ?? 0,
        };
    }

    public static GradeWorking Rooms(StaffingCriteria c, Grade grade, int students)
    {
        var level = StaffingLevels.Of(grade);
        var size = c.RuleFor(level)?.ClassSize ?? 0;
        if (students <= 0 || size <= 0) return new GradeWorking(grade, level, Math.Max(students, 0), size, 0);
        var rooms = students / size + (students % size >= c.RemainderForExtraRoom ? 1 : 0);
        return new GradeWorking(grade, level, students, size, Math.Max(rooms, c.MinimumRoomsPerGrade));
    }

    public static LevelWorking Level(StaffingCriteria c, StaffingLevel level, int students, int rooms)
    {
        if (c.RuleFor(level) is not { } rule) return new LevelWorking(level, students, rooms, 0, "ไม่มีเกณฑ์สำหรับระดับนี้");
        if (rule.Method == LevelMethod.PerRoom)
            return new LevelWorking(level, students, rooms, rooms * rule.TeachersPerRoom, $"{rooms} ห้อง × {N(rule.TeachersPerRoom)}");
        var perTeacher = rule.StudentsPerTeacher;
        var teachers = perTeacher <= 0 ? 0 : (rooms * (decimal)rule.ClassSize / perTeacher + students / perTeacher) / 2;
        return new LevelWorking(level, students, rooms, teachers,
            $"({rooms} ห้อง × {rule.ClassSize} ÷ {N(perTeacher)} + {students:#,0} คน ÷ {N(perTeacher)}) ÷ 2");
    }

    public static int Round(decimal value, StaffingRounding rounding) => rounding switch
    {
        StaffingRounding.Up => (int)Math.Ceiling(value),
        StaffingRounding.Down => (int)Math.Floor(value),
        _ => (int)Math.Round(value, MidpointRounding.AwayFromZero),
    };

    private static string N(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
