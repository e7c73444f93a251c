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
public sealed record LevelWorking(StaffingLevel Level, int Students, int Rooms, decimal Teachers, LevelRule? Rule)
{
    /// <summary>The formula with this level's figures, written only when a page or file shows it (not for every school of a national run).</summary>
    public string Formula => Rule switch
    {
        null => "ไม่มีเกณฑ์สำหรับระดับนี้",
        { Method: LevelMethod.PerRoom } r => $"{Rooms} ห้อง × {StaffingCalculator.N(r.TeachersPerRoom)}",
        var r => $"({Rooms} ห้อง × {r.ClassSize} ÷ {StaffingCalculator.N(r.StudentsPerTeacher)} + {Students:#,0} คน ÷ {StaffingCalculator.N(r.StudentsPerTeacher)}) ÷ 2",
    };
}

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
        // Written as loops over a few small lists, not LINQ groupings: a national summary runs this for 30,000 schools, and
        // the groupings' allocations cost more than the arithmetic. Same order and sums as grouping would give: the grades
        // with students, by grade; the levels they belong to, by level; sums checked as Enumerable.Sum checks them.
        var byGrade = new List<(Grade Grade, int Students)>(12);
        foreach (var g in counts)
        {
            if (g.Students <= 0) continue;
            var i = 0;
            while (i < byGrade.Count && byGrade[i].Grade != g.Grade) i++;
            if (i == byGrade.Count) byGrade.Add((g.Grade, g.Students));
            else byGrade[i] = (g.Grade, checked(byGrade[i].Students + g.Students));
        }
        byGrade.Sort(static (a, b) => a.Grade.CompareTo(b.Grade));

        var grades = new List<GradeWorking>(byGrade.Count);
        var students = 0;
        var classrooms = 0;
        var byLevel = new List<(StaffingLevel Level, int Students, int Rooms)>(3);
        foreach (var (grade, count) in byGrade)
        {
            var g = Rooms(c, grade, count);
            grades.Add(g);
            students = checked(students + g.Students);
            classrooms = checked(classrooms + g.Rooms);
            var i = 0;
            while (i < byLevel.Count && byLevel[i].Level != g.Level) i++;
            if (i == byLevel.Count) byLevel.Add((g.Level, g.Students, g.Rooms));
            else byLevel[i] = (g.Level, checked(byLevel[i].Students + g.Students), checked(byLevel[i].Rooms + g.Rooms));
        }
        byLevel.Sort(static (a, b) => a.Level.CompareTo(b.Level));
        var levels = new List<LevelWorking>(byLevel.Count);
        foreach (var (level, levelStudents, levelRooms) in byLevel) levels.Add(Level(c, level, levelStudents, levelRooms));

        if (students == 0)
            return new StaffingRequirement
            {
                Rule = StaffingRule.NoStudents, Students = 0, Classrooms = 0, Grades = [], Levels = [],
                UnroundedTeachers = 0, Teachers = 0, Directors = 0, Deputies = 0,
            };

        if (students <= c.SmallSchoolMax && SmallSchoolBand(c, students) is { } band)
            return new StaffingRequirement
            {
                Rule = StaffingRule.SmallSchool, Students = students, Classrooms = classrooms, Grades = grades, Levels = levels,
                Band = band, UnroundedTeachers = band.Teachers, Teachers = band.Teachers,
                Directors = c.SmallSchoolAdministrators, Deputies = 0,
            };

        var unrounded = 0m;
        foreach (var l in levels) unrounded += l.Teachers;
        var deputyBand = DeputyBandFor(c, students);
        return new StaffingRequirement
        {
            Rule = StaffingRule.PerLevel, Students = students, Classrooms = classrooms, Grades = grades, Levels = levels,
            UnroundedTeachers = unrounded, Teachers = Round(unrounded, c.Rounding),
            Directors = c.Directors, DeputyBand = deputyBand, Deputies = deputyBand?.Deputies ?? 0,
        };
    }

    /// <summary>The first small-school band holding the enrolment.</summary>
    private static StudentBand? SmallSchoolBand(StaffingCriteria c, int students)
    {
        for (var i = 0; i < c.SmallSchoolBands.Count; i++)
            if (c.SmallSchoolBands[i] is var b && students >= b.Min && students <= b.Max) return b;
        return null;
    }

    /// <summary>The first deputies' band holding the enrolment (the last band has no upper end).</summary>
    private static DeputyBand? DeputyBandFor(StaffingCriteria c, int students)
    {
        for (var i = 0; i < c.DeputyBands.Count; i++)
            if (c.DeputyBands[i] is var b && students >= b.Min && (b.Max is null || students <= b.Max)) return b;
        return null;
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
        if (c.RuleFor(level) is not { } rule) return new LevelWorking(level, students, rooms, 0, null);
        if (rule.Method == LevelMethod.PerRoom)
            return new LevelWorking(level, students, rooms, rooms * rule.TeachersPerRoom, rule);
        // (rooms × size ÷ d + students ÷ d) ÷ 2 as one division, so a result of exactly x.5 is exactly x.5 in decimal
        // whatever d is (dividing each term first leaves 1.4999… for 30 ÷ 60 + 60 ÷ 60 under some divisors).
        var perTeacher = rule.StudentsPerTeacher;
        var teachers = perTeacher <= 0 ? 0 : ((decimal)rooms * rule.ClassSize + students) / (2 * perTeacher);
        return new LevelWorking(level, students, rooms, teachers, rule);
    }

    /// <summary>
    /// Whole posts from the summed levels. The sum is first taken to 10 decimals, so levels whose shares do not divide
    /// exactly (1/3 + 1/6) still meet at x.5 rather than 0.4999…; validation keeps the figures far inside an int.
    /// </summary>
    public static int Round(decimal value, StaffingRounding rounding)
    {
        var v = Math.Round(value, 10, MidpointRounding.AwayFromZero);
        var whole = rounding switch
        {
            StaffingRounding.Up => Math.Ceiling(v),
            StaffingRounding.Down => Math.Floor(v),
            _ => Math.Round(v, MidpointRounding.AwayFromZero),
        };
        return whole > int.MaxValue ? int.MaxValue : whole < 0 ? 0 : (int)whole;
    }

    internal static string N(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
