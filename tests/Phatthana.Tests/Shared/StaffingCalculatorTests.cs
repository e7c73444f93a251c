using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;
using static Phatthana.Web.Features.Organisation.Grade;

namespace Phatthana.Tests.Shared;

/// <summary>
/// The shipped criteria at every edge. Every expected figure is worked out by hand in the comment beside it:
/// pre-primary (rooms × 30 ÷ 25 + students ÷ 25) ÷ 2, primary (rooms × 40 ÷ 25 + students ÷ 25) ÷ 2, secondary rooms × 2.
/// </summary>
public sealed class StaffingCalculatorTests
{
    internal static StaffingRequirement Compute(params (Grade Grade, int Students)[] grades) => Compute(StaffingCriteria.Default, grades);

    internal static StaffingRequirement Compute(StaffingCriteria criteria, params (Grade Grade, int Students)[] grades) =>
        StaffingCalculator.Compute(criteria, grades.Select(g => new GradeStudents(g.Grade, g.Students)));

    /// <summary>Primary grades of <paramref name="each"/> students apiece, one per figure.</summary>
    private static (Grade, int)[] Primary(params int[] each) => [.. each.Select((n, i) => (P1 + i, n))];

    // ---- The small-school rule: whole school, bands of 20 ----

    [Theory]
    [InlineData(1, 1, 1, 20)]
    [InlineData(20, 1, 1, 20)]
    [InlineData(21, 2, 21, 40)]
    [InlineData(40, 2, 21, 40)]
    [InlineData(41, 3, 41, 60)]
    [InlineData(60, 3, 41, 60)]
    [InlineData(61, 4, 61, 80)]
    [InlineData(80, 4, 61, 80)]
    [InlineData(81, 5, 81, 100)]
    [InlineData(100, 5, 81, 100)]
    [InlineData(101, 6, 101, 120)]
    [InlineData(120, 6, 101, 120)]
    public void A_school_of_120_or_fewer_gets_one_teacher_per_20_students_of_the_whole_school_and_a_director(int students, int teachers, int min, int max)
    {
        // Spread over a kindergarten, a primary and a secondary grade: the band is of the whole school, not a grade or a level.
        var k = students / 3;
        var p = students / 3;
        var r = Compute((K3, k), (P4, p), (M1, students - k - p));

        Assert.Equal(StaffingRule.SmallSchool, r.Rule);
        Assert.Equal(students, r.Students);
        Assert.Equal(new StudentBand(min, max, teachers), r.Band);
        Assert.Equal(teachers, r.Teachers);
        Assert.Equal(teachers, r.UnroundedTeachers);
        Assert.Equal(1, r.Directors);
        Assert.Equal(0, r.Deputies);
        Assert.Null(r.DeputyBand);
        Assert.Equal(teachers + 1, r.Total);
    }

    [Fact]
    public void Twenty_students_need_one_teacher_and_twenty_one_need_two()
    {
        // 20 → band 1–20 → 1 teacher + 1 director = 2; 21 → band 21–40 → 2 + 1 = 3.
        Assert.Equal((1, 2), (Compute((P1, 20)).Teachers, Compute((P1, 20)).Total));
        Assert.Equal((2, 3), (Compute((P1, 21)).Teachers, Compute((P1, 21)).Total));
        // The same 21 split over two grades is still one school of 21.
        Assert.Equal(2, Compute((P1, 11), (P2, 10)).Teachers);
    }

    [Fact]
    public void At_120_students_the_small_school_rule_applies_and_at_121_the_per_level_rule()
    {
        // 120 = 6 × 20 in ป.1–ป.6: band 101–120 → 6 teachers + 1 director = 7.
        var small = Compute(Primary(20, 20, 20, 20, 20, 20));
        Assert.Equal(StaffingRule.SmallSchool, small.Rule);
        Assert.Equal((6, 1, 7), (small.Teachers, small.Administrators, small.Total));

        // 121 = 20 × 5 + 21. Each grade: 20 ÷ 40 = 0 rem 20 ≥ 10 → 1 room; 21 → 1 room. 6 rooms.
        // (6 × 40 ÷ 25 + 121 ÷ 25) ÷ 2 = (9.6 + 4.84) ÷ 2 = 7.22 → 7 teachers; 121 < 360 → 0 deputies; 7 + 1 = 8.
        var large = Compute(Primary(20, 20, 20, 20, 20, 21));
        Assert.Equal(StaffingRule.PerLevel, large.Rule);
        Assert.Null(large.Band);
        Assert.Equal(121, large.Students);
        Assert.Equal(6, large.Classrooms);
        var level = Assert.Single(large.Levels);
        Assert.Equal((StaffingLevel.Primary, 121, 6, 7.22m, "(6 ห้อง × 40 ÷ 25 + 121 คน ÷ 25) ÷ 2"), (level.Level, level.Students, level.Rooms, level.Teachers, level.Formula));
        Assert.Equal(7.22m, large.UnroundedTeachers);
        Assert.Equal((7, 1, 0, 8), (large.Teachers, large.Directors, large.Deputies, large.Total));
        Assert.Equal(new DeputyBand(0, 359, 0), large.DeputyBand);
    }

    // ---- Standard classrooms per grade ----

    [Theory]
    [InlineData(K1, 39, 1)] // 39 ÷ 30 = 1 rem 9 → 1
    [InlineData(K1, 40, 2)] // 40 ÷ 30 = 1 rem 10 → 2
    [InlineData(P1, 49, 1)] // 49 ÷ 40 = 1 rem 9 → 1
    [InlineData(P1, 50, 2)] // 50 ÷ 40 = 1 rem 10 → 2
    [InlineData(M4, 89, 2)] // 89 ÷ 40 = 2 rem 9 → 2
    [InlineData(M4, 90, 3)] // 90 ÷ 40 = 2 rem 10 → 3
    [InlineData(P6, 5, 1)] // 5 ÷ 40 = 0 rem 5 → 0, but a grade with students has at least 1
    [InlineData(K2, 1, 1)]
    [InlineData(P3, 9, 1)] // 0 rem 9 → the minimum 1
    [InlineData(P3, 10, 1)] // 0 rem 10 → 1
    [InlineData(P3, 40, 1)] // 1 rem 0 → 1
    [InlineData(P3, 80, 2)] // 2 rem 0 → 2
    [InlineData(K3, 60, 2)] // 2 rem 0 → 2
    [InlineData(V1, 50, 2)] // ปวช. counts as secondary, class size 40: 1 rem 10 → 2
    public void A_grade_remainder_of_ten_adds_a_room_and_nine_does_not(Grade grade, int students, int rooms)
    {
        var working = StaffingCalculator.Rooms(StaffingCriteria.Default, grade, students);
        Assert.Equal(rooms, working.Rooms);
        Assert.Equal(grade <= K3 ? 30 : 40, working.ClassSize);
    }

    [Fact]
    public void A_secondary_remainder_of_nine_or_ten_changes_the_teachers_by_one_room()
    {
        // ม.1 49 → 1 rem 9 → 1 room; ม.2 40 → 1; ม.3 40 → 1: 3 rooms × 2 = 6 teachers; 129 students → + 1 director = 7.
        var nine = Compute((M1, 49), (M2, 40), (M3, 40));
        Assert.Equal(StaffingRule.PerLevel, nine.Rule);
        Assert.Equal([1, 1, 1], nine.Grades.Select(g => g.Rooms));
        Assert.Equal((3, 6, 7), (nine.Classrooms, nine.Teachers, nine.Total));
        Assert.Equal("3 ห้อง × 2", Assert.Single(nine.Levels).Formula);

        // ม.1 50 → 1 rem 10 → 2 rooms: 4 rooms × 2 = 8 teachers; 130 students → 8 + 1 = 9.
        var ten = Compute((M1, 50), (M2, 40), (M3, 40));
        Assert.Equal([2, 1, 1], ten.Grades.Select(g => g.Rooms));
        Assert.Equal((4, 8, 9), (ten.Classrooms, ten.Teachers, ten.Total));
    }

    [Fact]
    public void A_grade_of_five_students_in_a_large_school_still_counts_one_room()
    {
        // ป.1–ป.5 of 40 → 1 room each; ป.6 of 5 → 0 rem 5 → at least 1. 6 rooms, 205 students.
        // (6 × 40 ÷ 25 + 205 ÷ 25) ÷ 2 = (9.6 + 8.2) ÷ 2 = 8.9 → 9 teachers + 1 director = 10.
        var r = Compute(Primary(40, 40, 40, 40, 40, 5));
        Assert.Equal(new GradeWorking(P6, StaffingLevel.Primary, 5, 40, 1), r.Grades[^1]);
        Assert.Equal((205, 6), (r.Students, r.Classrooms));
        Assert.Equal(8.9m, r.UnroundedTeachers);
        Assert.Equal((9, 10), (r.Teachers, r.Total));
    }

    [Fact]
    public void Grades_without_students_count_no_room_and_a_grade_given_twice_is_added_up()
    {
        // ป.1 0 and ป.2 -3 are no grade at all; ป.3 given as 30 + 31 is one grade of 61 → 1 rem 21 → 2 rooms.
        // ป.4–ป.6 of 30 → 1 room each. 151 students, 5 rooms: (5 × 40 ÷ 25 + 151 ÷ 25) ÷ 2 = (8 + 6.04) ÷ 2 = 7.02 → 7.
        var r = Compute((P1, 0), (P2, -3), (P3, 30), (P3, 31), (P4, 30), (P5, 30), (P6, 30));
        Assert.Equal([P3, P4, P5, P6], r.Grades.Select(g => g.Grade));
        Assert.Equal(2, r.Grades[0].Rooms);
        Assert.Equal((151, 5, 7.02m, 7), (r.Students, r.Classrooms, r.UnroundedTeachers, r.Teachers));
    }

    // ---- Levels added, then rounded half away from zero ----

    [Fact]
    public void A_total_of_six_and_a_half_rounds_up_to_seven_not_to_the_even_six()
    {
        // ป.1–ป.5 of 25 → 1 room each: (5 × 40 ÷ 25 + 125 ÷ 25) ÷ 2 = (8 + 5) ÷ 2 = 6.5 → 7 (banker's would give 6).
        var r = Compute(Primary(25, 25, 25, 25, 25));
        Assert.Equal(6.5m, r.UnroundedTeachers);
        Assert.Equal(7, r.Teachers);
        Assert.Equal(8, r.Total);
    }

    [Fact]
    public void A_total_of_seven_and_a_half_rounds_to_eight_and_eight_and_a_half_to_nine()
    {
        // 25, 25, 25, 20, 20, 20 → 6 rooms, 135: (9.6 + 5.4) ÷ 2 = 7.5 → 8.
        var seven = Compute(Primary(25, 25, 25, 20, 20, 20));
        Assert.Equal((7.5m, 8), (seven.UnroundedTeachers, seven.Teachers));
        // 30 × 5 + 35 → 6 rooms, 185: (9.6 + 7.4) ÷ 2 = 8.5 → 9 (banker's would give 8).
        var eight = Compute(Primary(30, 30, 30, 30, 30, 35));
        Assert.Equal((8.5m, 9), (eight.UnroundedTeachers, eight.Teachers));
    }

    [Fact]
    public void The_levels_are_added_before_rounding_and_an_x_point_5_across_levels_rounds_up()
    {
        // อ.1 15 → 0 rem 15 → 1 room: (1 × 30 ÷ 25 + 15 ÷ 25) ÷ 2 = (1.2 + 0.6) ÷ 2 = 0.9
        // ป.1–ป.4 25, ป.5–ป.6 20 → 6 rooms, 140: (6 × 40 ÷ 25 + 140 ÷ 25) ÷ 2 = (9.6 + 5.6) ÷ 2 = 7.6
        // ม.1–ม.3 30 → 3 rooms × 2 = 6
        // 0.9 + 7.6 + 6 = 14.5 → 15 teachers; 245 students → 0 deputies; 15 + 1 = 16.
        var r = Compute([(K1, 15), .. Primary(25, 25, 25, 25, 20, 20), (M1, 30), (M2, 30), (M3, 30)]);
        Assert.Equal(
            [(StaffingLevel.PrePrimary, 15, 1, 0.9m), (StaffingLevel.Primary, 140, 6, 7.6m), (StaffingLevel.Secondary, 90, 3, 6m)],
            r.Levels.Select(l => (l.Level, l.Students, l.Rooms, l.Teachers)));
        Assert.Equal((245, 10, 14.5m, 15, 16), (r.Students, r.Classrooms, r.UnroundedTeachers, r.Teachers, r.Total));
    }

    [Fact]
    public void Two_levels_of_two_and_a_half_make_five_not_three_plus_three()
    {
        // อ.1 12, อ.2 12, อ.3 11 → 1 room each: (3 × 30 ÷ 25 + 35 ÷ 25) ÷ 2 = (3.6 + 1.4) ÷ 2 = 2.5
        // ป.1 20, ป.2 25 → 1 room each: (2 × 40 ÷ 25 + 45 ÷ 25) ÷ 2 = (3.2 + 1.8) ÷ 2 = 2.5
        // ม.1–ม.3 20 → 3 rooms × 2 = 6.  2.5 + 2.5 + 6 = 11 (rounding each level first would give 3 + 3 + 6 = 12).
        var r = Compute((K1, 12), (K2, 12), (K3, 11), (P1, 20), (P2, 25), (M1, 20), (M2, 20), (M3, 20));
        Assert.Equal([2.5m, 2.5m, 6m], r.Levels.Select(l => l.Teachers));
        Assert.Equal((140, 11m, 11, 12), (r.Students, r.UnroundedTeachers, r.Teachers, r.Total));
    }

    [Fact]
    public void A_secondary_school_counts_two_teachers_a_room_including_vocational_grades()
    {
        // ม.1–ม.6 of 45 → 1 rem 5 → 1 room each; ปวช.1 25 → 1 room. 7 rooms × 2 = 14; 295 students → 0 deputies; 15.
        var r = Compute((M1, 45), (M2, 45), (M3, 45), (M4, 45), (M5, 45), (M6, 45), (V1, 25));
        var level = Assert.Single(r.Levels);
        Assert.Equal((StaffingLevel.Secondary, 295, 7, 14m), (level.Level, level.Students, level.Rooms, level.Teachers));
        Assert.Equal((14, 1, 0, 15), (r.Teachers, r.Directors, r.Deputies, r.Total));
    }

    // ---- Deputies by the whole school's students ----

    [Theory]
    [InlineData(359, 0, 0, 359)]
    [InlineData(360, 1, 360, 719)]
    [InlineData(719, 1, 360, 719)]
    [InlineData(720, 2, 720, 1079)]
    [InlineData(1079, 2, 720, 1079)]
    [InlineData(1080, 3, 1080, 1679)]
    [InlineData(1679, 3, 1080, 1679)]
    [InlineData(1680, 4, 1680, null)]
    [InlineData(4000, 4, 1680, null)]
    public void Deputies_follow_the_whole_schools_students(int students, int deputies, int min, int? max)
    {
        // Six primary grades; the first takes what does not divide by six.
        var each = students / 6;
        var r = Compute(Primary(students - 5 * each, each, each, each, each, each));
        Assert.Equal(students, r.Students);
        Assert.Equal(new DeputyBand(min, max, deputies), r.DeputyBand);
        Assert.Equal((1, deputies, 1 + deputies), (r.Directors, r.Deputies, r.Administrators));
        Assert.Equal(r.Teachers + 1 + deputies, r.Total);
    }

    [Fact]
    public void A_school_of_360_is_worked_out_in_full()
    {
        // ป.1–ป.6 of 60 → 1 rem 20 → 2 rooms each, 12 rooms: (12 × 40 ÷ 25 + 360 ÷ 25) ÷ 2 = (19.2 + 14.4) ÷ 2 = 16.8 → 17.
        // 360 → 1 deputy. 17 + 1 + 1 = 19.
        var r = Compute(Primary(60, 60, 60, 60, 60, 60));
        Assert.Equal((12, 16.8m, 17, 1, 1, 19), (r.Classrooms, r.UnroundedTeachers, r.Teachers, r.Directors, r.Deputies, r.Total));
    }

    // ---- No students ----

    [Fact]
    public void A_school_with_no_students_requires_nothing()
    {
        foreach (var r in new[] { Compute(), Compute((P1, 0), (M1, 0)) })
        {
            Assert.Equal(StaffingRule.NoStudents, r.Rule);
            Assert.Equal((0, 0, 0m, 0, 0, 0, 0), (r.Students, r.Classrooms, r.UnroundedTeachers, r.Teachers, r.Directors, r.Deputies, r.Total));
            Assert.Empty(r.Grades);
            Assert.Empty(r.Levels);
            Assert.Null(r.Band);
            Assert.Null(r.DeputyBand);
        }
    }

    [Theory]
    [InlineData(K1, StaffingLevel.PrePrimary)]
    [InlineData(K3, StaffingLevel.PrePrimary)]
    [InlineData(P1, StaffingLevel.Primary)]
    [InlineData(P6, StaffingLevel.Primary)]
    [InlineData(M1, StaffingLevel.Secondary)]
    [InlineData(M6, StaffingLevel.Secondary)]
    [InlineData(V3, StaffingLevel.Secondary)]
    public void Each_grade_belongs_to_its_level(Grade grade, StaffingLevel level) => Assert.Equal(level, StaffingLevels.Of(grade));

    // ---- Every number is a parameter ----

    private static StaffingCriteria WithLevel(StaffingCriteria c, StaffingLevel level, Func<LevelRule, LevelRule> change) =>
        c with { Levels = [.. c.Levels.Select(l => l.Level == level ? change(l) : l)] };

    [Fact]
    public void Bands_of_25_up_to_150_move_both_the_teachers_and_the_small_school_limit()
    {
        var bands25 = StaffingCriteria.Default with
        {
            SmallSchoolBands = [new(1, 25, 1), new(26, 50, 2), new(51, 75, 3), new(76, 100, 4), new(101, 125, 5), new(126, 150, 6)],
        };
        // 21 students: band 1–25 → 1 teacher (the default gives 2).
        Assert.Equal((1, 2), (Compute(bands25, (P1, 21)).Teachers, Compute((P1, 21)).Teachers));
        // 26 → 2.
        Assert.Equal(2, Compute(bands25, (P1, 26)).Teachers);
        // 121 in six grades: band 101–125 → 5 teachers, still a small school (the default: per level, 7).
        var r = Compute(bands25, Primary(20, 20, 20, 20, 20, 21));
        Assert.Equal((StaffingRule.SmallSchool, 5, 6), (r.Rule, r.Teachers, r.Total));
        Assert.Equal(150, bands25.SmallSchoolMax);
        // 151: per level. ป.1–ป.5 25, ป.6 26 → 6 rooms: (9.6 + 151 ÷ 25) ÷ 2 = (9.6 + 6.04) ÷ 2 = 7.82 → 8.
        Assert.Equal((StaffingRule.PerLevel, 8), (Compute(bands25, Primary(25, 25, 25, 25, 25, 26)).Rule, Compute(bands25, Primary(25, 25, 25, 25, 25, 26)).Teachers));
    }

    [Fact]
    public void A_small_school_administrator_count_and_a_directors_count_are_used_as_given()
    {
        var c = StaffingCriteria.Default with { SmallSchoolAdministrators = 0, Directors = 2 };
        // 50 students → 3 teachers + 0 administrators.
        Assert.Equal((3, 0, 3), (Compute(c, (P1, 50)).Teachers, Compute(c, (P1, 50)).Administrators, Compute(c, (P1, 50)).Total));
        // 121 → 7 teachers (as above) + 2 directors = 9.
        Assert.Equal((2, 9), (Compute(c, Primary(20, 20, 20, 20, 20, 21)).Directors, Compute(c, Primary(20, 20, 20, 20, 20, 21)).Total));
    }

    [Fact]
    public void A_primary_class_size_of_35_changes_the_rooms_and_the_formula()
    {
        // ป.1–ป.6 of 45, 270 students.
        // Default: 45 ÷ 40 = 1 rem 5 → 1 room each, 6 rooms: (6 × 40 ÷ 25 + 270 ÷ 25) ÷ 2 = (9.6 + 10.8) ÷ 2 = 10.2 → 10.
        var grades = Primary(45, 45, 45, 45, 45, 45);
        Assert.Equal((6, 10.2m, 10), (Compute(grades).Classrooms, Compute(grades).UnroundedTeachers, Compute(grades).Teachers));
        // Class size 35: 45 ÷ 35 = 1 rem 10 → 2 rooms each, 12 rooms: (12 × 35 ÷ 25 + 270 ÷ 25) ÷ 2 = (16.8 + 10.8) ÷ 2 = 13.8 → 14.
        var c = WithLevel(StaffingCriteria.Default, StaffingLevel.Primary, l => l with { ClassSize = 35 });
        var r = Compute(c, grades);
        Assert.Equal((12, 13.8m, 14), (r.Classrooms, r.UnroundedTeachers, r.Teachers));
        Assert.Equal("(12 ห้อง × 35 ÷ 25 + 270 คน ÷ 25) ÷ 2", r.Levels[0].Formula);
        Assert.All(r.Grades, g => Assert.Equal(35, g.ClassSize));
    }

    [Fact]
    public void A_remainder_threshold_of_15_needs_15_left_over_for_another_room()
    {
        // ป.1–ป.6 of 50, 300 students.
        // Default (10): 50 ÷ 40 = 1 rem 10 → 2 rooms each, 12: (19.2 + 12) ÷ 2 = 15.6 → 16.
        var grades = Primary(50, 50, 50, 50, 50, 50);
        Assert.Equal((12, 16), (Compute(grades).Classrooms, Compute(grades).Teachers));
        // 15: rem 10 < 15 → 1 room each, 6: (9.6 + 12) ÷ 2 = 10.8 → 11.
        var c = StaffingCriteria.Default with { RemainderForExtraRoom = 15 };
        Assert.Equal((6, 10.8m, 11), (Compute(c, grades).Classrooms, Compute(c, grades).UnroundedTeachers, Compute(c, grades).Teachers));
        // ป.1 of 55: rem 15 → 2 rooms under 15.
        Assert.Equal(2, StaffingCalculator.Rooms(c, P1, 55).Rooms);
    }

    [Fact]
    public void A_minimum_of_zero_rooms_lets_a_tiny_grade_count_none()
    {
        // ป.1–ป.5 of 40 → 1 room each; ป.6 of 5 → 0 rem 5 → 0 rooms with minimum 0. 5 rooms, 205:
        // (5 × 40 ÷ 25 + 205 ÷ 25) ÷ 2 = (8 + 8.2) ÷ 2 = 8.1 → 8 (the default's minimum of 1 gives 8.9 → 9).
        var c = StaffingCriteria.Default with { MinimumRoomsPerGrade = 0 };
        var r = Compute(c, Primary(40, 40, 40, 40, 40, 5));
        Assert.Equal(0, r.Grades[^1].Rooms);
        Assert.Equal((5, 8.1m, 8), (r.Classrooms, r.UnroundedTeachers, r.Teachers));
    }

    [Theory]
    [InlineData(StaffingRounding.HalfAwayFromZero, 7, 7, 11)]
    [InlineData(StaffingRounding.Up, 8, 7, 11)]
    [InlineData(StaffingRounding.Down, 7, 6, 11)]
    public void The_rounding_is_a_parameter(StaffingRounding rounding, int of722, int of65, int of11)
    {
        var c = StaffingCriteria.Default with { Rounding = rounding };
        Assert.Equal(of722, Compute(c, Primary(20, 20, 20, 20, 20, 21)).Teachers); // 7.22
        Assert.Equal(of65, Compute(c, Primary(25, 25, 25, 25, 25)).Teachers); // 6.5
        Assert.Equal(of11, Compute(c, (K1, 12), (K2, 12), (K3, 11), (P1, 20), (P2, 25), (M1, 20), (M2, 20), (M3, 20)).Teachers); // 11.0 exactly: never pushed up
    }

    [Theory]
    [InlineData(StaffingRounding.HalfAwayFromZero, 7.22, 7)]
    [InlineData(StaffingRounding.HalfAwayFromZero, 6.5, 7)]
    [InlineData(StaffingRounding.HalfAwayFromZero, 6.49, 6)]
    [InlineData(StaffingRounding.HalfAwayFromZero, 0.5, 1)]
    [InlineData(StaffingRounding.HalfAwayFromZero, 2.5, 3)]
    [InlineData(StaffingRounding.Up, 6.01, 7)]
    [InlineData(StaffingRounding.Up, 6, 6)]
    [InlineData(StaffingRounding.Down, 6.99, 6)]
    public void Round_does_what_its_name_says(StaffingRounding rounding, double value, int expected) =>
        Assert.Equal(expected, StaffingCalculator.Round((decimal)value, rounding));

    [Fact]
    public void Students_per_teacher_and_teachers_per_room_are_parameters()
    {
        // 121 in ป.1–ป.6 (6 rooms) at 20 students a teacher: (6 × 40 ÷ 20 + 121 ÷ 20) ÷ 2 = (12 + 6.05) ÷ 2 = 9.025 → 9.
        var ratio20 = WithLevel(StaffingCriteria.Default, StaffingLevel.Primary, l => l with { StudentsPerTeacher = 20 });
        Assert.Equal((9.025m, 9), (Compute(ratio20, Primary(20, 20, 20, 20, 20, 21)).UnroundedTeachers, Compute(ratio20, Primary(20, 20, 20, 20, 20, 21)).Teachers));

        // ม.1–ม.4 of 40 → 4 rooms; 1.5 teachers a room → 6 (the default 2 → 8).
        (Grade, int)[] secondary = [(M1, 40), (M2, 40), (M3, 40), (M4, 40)];
        var perRoom = WithLevel(StaffingCriteria.Default, StaffingLevel.Secondary, l => l with { TeachersPerRoom = 1.5m });
        Assert.Equal((6, 8), (Compute(perRoom, secondary).Teachers, Compute(secondary).Teachers));

        // Primary counted per room (1 a room) instead of by ratio: 121 in 6 rooms → 6.
        var primaryPerRoom = WithLevel(StaffingCriteria.Default, StaffingLevel.Primary, l => l with { Method = LevelMethod.PerRoom, TeachersPerRoom = 1 });
        Assert.Equal(6, Compute(primaryPerRoom, Primary(20, 20, 20, 20, 20, 21)).Teachers);
    }

    [Fact]
    public void A_divisor_that_does_not_divide_evenly_still_lands_exactly_on_a_half()
    {
        // 30 students a teacher. ป.1–ป.5 of 26 → 1 room each, 130 students:
        // (5 × 40 ÷ 30 + 130 ÷ 30) ÷ 2 = (6.666… + 4.333…) ÷ 2 = 11 ÷ 2 = 5.5 → 6.
        var c = WithLevel(StaffingCriteria.Default, StaffingLevel.Primary, l => l with { StudentsPerTeacher = 30 });
        var r = Compute(c, Primary(26, 26, 26, 26, 26));
        Assert.Equal(5.5m, r.UnroundedTeachers);
        Assert.Equal(6, r.Teachers);
    }

    [Fact]
    public void Deputy_bands_are_a_parameter()
    {
        var c = StaffingCriteria.Default with { DeputyBands = [new(0, 299, 0), new(300, 599, 1), new(600, null, 2)] };
        // 299 → 0 under these bands; 300 → 1 (the default gives 0 until 360); 600 → 2 (default 1).
        Assert.Equal(0, Compute(c, Primary(49, 50, 50, 50, 50, 50)).Deputies);
        Assert.Equal((1, 0), (Compute(c, Primary(50, 50, 50, 50, 50, 50)).Deputies, Compute(Primary(50, 50, 50, 50, 50, 50)).Deputies));
        Assert.Equal((2, 1), (Compute(c, Primary(100, 100, 100, 100, 100, 100)).Deputies, Compute(Primary(100, 100, 100, 100, 100, 100)).Deputies));
    }
}

/// <summary>A rule set that is inconsistent cannot be saved; each error names the field the API and the form use.</summary>
public sealed class StaffingCriteriaRulesTests
{
    private static readonly StaffingCriteria D = StaffingCriteria.Default;

    private static string[] Fields(StaffingCriteria? c)
    {
        var errors = StaffingCriteriaRules.Validate(c);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        return [.. errors.Select(e => e.Field)];
    }

    private static string Message(StaffingCriteria c, string field) => Assert.Single(StaffingCriteriaRules.Validate(c), e => e.Field == field).Message;

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int index, T item) => [.. list.Select((x, i) => i == index ? item : x)];

    private static StaffingCriteria Band(int index, int min, int max, int teachers) =>
        D with { SmallSchoolBands = Replace(D.SmallSchoolBands, index, new StudentBand(min, max, teachers)) };

    private static StaffingCriteria Deputy(int index, int min, int? max, int deputies) =>
        D with { DeputyBands = Replace(D.DeputyBands, index, new DeputyBand(min, max, deputies)) };

    private static StaffingCriteria Level(int index, Func<LevelRule, LevelRule> change) =>
        D with { Levels = Replace(D.Levels, index, change(D.Levels[index])) };

    [Fact]
    public void The_shipped_default_is_valid() => Assert.Empty(Fields(D));

    [Fact]
    public void No_criteria_at_all_is_an_error() => Assert.Equal(["criteria"], Fields(null));

    [Fact]
    public void Overlapping_small_school_bands_are_an_error_on_the_later_bands_min()
    {
        // 21–40 then 40–60: 40 is in both.
        var c = Band(2, 40, 60, 3);
        Assert.Equal(["criteria.smallSchoolBands[2].min"], Fields(c));
        Assert.Contains("ซ้อนทับ", Message(c, "criteria.smallSchoolBands[2].min"));
    }

    [Fact]
    public void A_gap_between_small_school_bands_is_an_error_that_names_the_missing_students()
    {
        // 21–40 then 43–60: 41–42 students fall in no band.
        var c = Band(2, 43, 60, 3);
        Assert.Equal(["criteria.smallSchoolBands[2].min"], Fields(c));
        Assert.Contains("41–42", Message(c, "criteria.smallSchoolBands[2].min"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void The_first_small_school_band_must_start_at_one_student(int min) =>
        Assert.Equal(["criteria.smallSchoolBands[0].min"], Fields(Band(0, min, 20, 1)));

    [Fact]
    public void A_band_that_ends_before_it_starts_is_an_error_and_so_is_the_gap_it_leaves()
    {
        // 21–19: backwards; the next band (41–60) then follows 19, leaving 20–40 uncovered.
        Assert.Equal(["criteria.smallSchoolBands[1].max", "criteria.smallSchoolBands[2].min"], Fields(Band(1, 21, 19, 2)));
    }

    [Fact]
    public void Teachers_may_not_be_negative_nor_fall_from_one_band_to_the_next()
    {
        Assert.Equal(["criteria.smallSchoolBands[0].teachers"], Fields(Band(0, 1, 20, -1)));
        Assert.Equal(["criteria.smallSchoolBands[3].teachers"], Fields(Band(3, 61, 80, 2)));
    }

    [Fact]
    public void More_than_fifty_bands_is_an_error_on_the_list()
    {
        var c = D with { SmallSchoolBands = [.. Enumerable.Range(0, 51).Select(i => new StudentBand(i * 20 + 1, i * 20 + 20, i + 1))] };
        Assert.Equal(["criteria.smallSchoolBands"], Fields(c));
    }

    [Fact]
    public void A_negative_ratio_is_an_error_on_that_ratio()
    {
        // Primary is counted by ratio: students per teacher must be above 0.
        Assert.Equal(["criteria.levels[1].studentsPerTeacher"], Fields(Level(1, l => l with { StudentsPerTeacher = -25 })));
        // Secondary is counted per room: teachers per room must be above 0.
        Assert.Equal(["criteria.levels[2].teachersPerRoom"], Fields(Level(2, l => l with { TeachersPerRoom = -2 })));
        // A ratio the method does not use may be 0, but never negative, and the error still names it.
        Assert.Equal(["criteria.levels[2].studentsPerTeacher"], Fields(Level(2, l => l with { StudentsPerTeacher = -1 })));
        Assert.Equal(["criteria.levels[0].teachersPerRoom"], Fields(Level(0, l => l with { TeachersPerRoom = -1 })));
    }

    [Fact]
    public void A_zero_ratio_the_method_uses_is_an_error()
    {
        Assert.Equal(["criteria.levels[0].studentsPerTeacher"], Fields(Level(0, l => l with { StudentsPerTeacher = 0 })));
        Assert.Equal(["criteria.levels[2].teachersPerRoom"], Fields(Level(2, l => l with { TeachersPerRoom = 0 })));
        // Switching secondary to the ratio method with no students-per-teacher given is caught too.
        Assert.Equal(["criteria.levels[2].studentsPerTeacher"], Fields(Level(2, l => l with { Method = LevelMethod.Ratio })));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-40)]
    public void A_class_size_of_zero_or_less_is_an_error(int size) =>
        Assert.Equal(["criteria.levels[1].classSize"], Fields(Level(1, l => l with { ClassSize = size })));

    [Fact]
    public void A_missing_level_is_an_error_that_names_it()
    {
        var c = D with { Levels = [D.Levels[0], D.Levels[1]] };
        Assert.Equal(["criteria.levels"], Fields(c));
        Assert.Contains("มัธยมศึกษา", Message(c, "criteria.levels"));
        // No levels at all: each of the three is said to be missing.
        Assert.Equal(3, Fields(D with { Levels = [] }).Count(f => f == "criteria.levels"));
    }

    [Fact]
    public void A_level_given_twice_is_an_error_on_the_second()
    {
        Assert.Equal(["criteria.levels[3].level"], Fields(D with { Levels = [.. D.Levels, D.Levels[0] with { ClassSize = 25 }] }));
        // Pre-primary twice in place of secondary: the duplicate and the missing level are both said.
        Assert.Equal(["criteria.levels[2].level", "criteria.levels"], Fields(D with { Levels = [D.Levels[0], D.Levels[1], D.Levels[0]] }));
    }

    [Fact]
    public void Unknown_enum_values_are_errors_on_their_fields()
    {
        Assert.Equal(["criteria.levels[3].level"], Fields(D with { Levels = [.. D.Levels, D.Levels[0] with { Level = (StaffingLevel)9 }] }));
        Assert.Equal(["criteria.levels[1].method"], Fields(Level(1, l => l with { Method = (LevelMethod)9 })));
        Assert.Equal(["criteria.rounding"], Fields(D with { Rounding = (StaffingRounding)9 }));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(29, true)]
    [InlineData(30, false)] // not below the smallest class (30): a remainder that size is already a room
    public void The_remainder_for_another_room_lies_between_one_and_the_smallest_class_less_one(int remainder, bool valid)
    {
        var fields = Fields(D with { RemainderForExtraRoom = remainder });
        if (valid) Assert.Empty(fields);
        else Assert.Equal(["criteria.remainderForExtraRoom"], fields);
    }

    [Fact]
    public void Negative_counts_of_rooms_directors_and_administrators_are_errors()
    {
        Assert.Equal(["criteria.minimumRoomsPerGrade"], Fields(D with { MinimumRoomsPerGrade = -1 }));
        Assert.Equal(["criteria.directors"], Fields(D with { Directors = -1 }));
        Assert.Equal(["criteria.smallSchoolAdministrators"], Fields(D with { SmallSchoolAdministrators = -1 }));
    }

    [Fact]
    public void A_gap_or_an_overlap_between_deputy_bands_is_an_error_on_the_later_bands_min()
    {
        // 0–359 then 361–719: a school of 360 has no band.
        var gap = Deputy(1, 361, 719, 1);
        Assert.Equal(["criteria.deputyBands[1].min"], Fields(gap));
        Assert.Contains("360–360", Message(gap, "criteria.deputyBands[1].min"));
        // 360–719 then 719–1079.
        Assert.Equal(["criteria.deputyBands[2].min"], Fields(Deputy(2, 719, 1079, 2)));
    }

    [Fact]
    public void The_last_deputy_band_must_be_open_ended_and_only_the_last()
    {
        // 1,680–5,000: a school of 5,001 would have no band.
        Assert.Equal(["criteria.deputyBands[4].max"], Fields(Deputy(4, 1680, 5000, 4)));
        // 720 and up, followed by more bands.
        Assert.Equal(["criteria.deputyBands[2].max"], Fields(Deputy(2, 720, null, 2)));
    }

    [Fact]
    public void Deputy_bands_start_at_zero_never_fall_and_are_never_empty()
    {
        Assert.Equal(["criteria.deputyBands[0].min"], Fields(Deputy(0, 1, 359, 0)));
        Assert.Equal(["criteria.deputyBands[3].deputies"], Fields(Deputy(3, 1080, 1679, 1)));
        Assert.Equal(["criteria.deputyBands[0].deputies"], Fields(Deputy(0, 0, 359, -1)));
        // 360–300 runs backwards, and the next band (720…) then follows 300, leaving 301–719 uncovered.
        Assert.Equal(["criteria.deputyBands[1].max", "criteria.deputyBands[2].min"], Fields(Deputy(1, 360, 300, 1)));
        Assert.Equal(["criteria.deputyBands"], Fields(D with { DeputyBands = [] }));
    }

    [Fact]
    public void Every_error_of_a_badly_broken_set_is_reported_at_once()
    {
        var c = D with
        {
            SmallSchoolBands = [new(0, 20, 1), new(25, 40, 2)],
            Levels = [D.Levels[0] with { ClassSize = 0 }, D.Levels[1]],
            DeputyBands = [new(0, 359, 0), new(360, 719, 1)],
        };
        Assert.Equal(
        [
            "criteria.smallSchoolBands[0].min", "criteria.smallSchoolBands[1].min", "criteria.levels[0].classSize", "criteria.levels",
            "criteria.deputyBands[1].max",
        ], Fields(c));
    }
}

/// <summary>The area summary's arithmetic: posts short in schools short, posts over in schools over, net as % of required.</summary>
public sealed class StaffingSummaryTests
{
    private static int _code;

    private static SchoolManpower School(StaffingRequirement requirement, int teachers, int administrators, int vacant = 0)
    {
        var code = $"{Interlocked.Increment(ref _code):0000000000}";
        var facts = new SchoolFacts(Guid.NewGuid(), Guid.Empty, code, "โรงเรียน " + code, SchoolType.Primary, Guid.Empty, "เมือง", null, null);
        return new SchoolManpower(facts, requirement, teachers, administrators, vacant);
    }

    // 121 students in ป.1–ป.6: 7 teachers + 1 director = 8 required (worked out in StaffingCalculatorTests).
    private static StaffingRequirement Eight() => StaffingCalculatorTests.Compute([(Grade.P1, 20), (Grade.P2, 20), (Grade.P3, 20), (Grade.P4, 20), (Grade.P5, 20), (Grade.P6, 21)]);

    [Fact]
    public void Difference_and_status_compare_every_post_on_the_register_with_the_requirement()
    {
        var short1 = School(Eight(), 6, 1, vacant: 2); // 7 − 8 = −1
        var exact = School(Eight(), 7, 1); // 0
        var over = School(Eight(), 8, 2, vacant: 1); // 10 − 8 = +2
        Assert.Equal((7, -1, ManpowerStatus.Shortage), (short1.Actual, short1.Difference, short1.Status));
        Assert.Equal((8, 0, ManpowerStatus.Exact), (exact.Actual, exact.Difference, exact.Status));
        Assert.Equal((10, 2, ManpowerStatus.Surplus), (over.Actual, over.Difference, over.Status));
    }

    [Fact]
    public void The_summary_adds_shortage_and_surplus_apart_and_gives_the_net_as_a_percent_of_required()
    {
        // Required 8 × 4 = 32. Actual 5 + 8 + 9 + 11 = 33. Short: 1 school, 3 posts. Over: 2 schools, 1 + 3 = 4 posts. Exact 1.
        // Net +1 = 1 × 100 ÷ 32 = 3.125 % → 3.13 (half away from zero; banker's would give 3.12).
        var s = ManpowerSummary.Of([School(Eight(), 4, 1), School(Eight(), 7, 1), School(Eight(), 8, 1), School(Eight(), 9, 2)]);
        Assert.Equal(new ManpowerSummary(4, 1, 3, 2, 4, 1, 32, 33, 1, 3.13m), s);

        // Net −1 of 32 = −3.125 % → −3.13.
        var minus = ManpowerSummary.Of([School(Eight(), 6, 1), School(Eight(), 7, 1), School(Eight(), 7, 1), School(Eight(), 7, 1)]);
        Assert.Equal(new ManpowerSummary(4, 1, 1, 0, 0, 3, 32, 31, -1, -3.13m), minus);
    }

    [Fact]
    public void A_summary_of_nothing_required_is_zero_percent_not_a_division_by_zero()
    {
        // A school with no students requires 0; its one post is a surplus of 1, and 1 of 0 required is shown as 0 %.
        var s = ManpowerSummary.Of([School(StaffingCalculatorTests.Compute(), 1, 0)]);
        Assert.Equal(new ManpowerSummary(1, 0, 0, 1, 1, 0, 0, 1, 1, 0m), s);
        Assert.Equal(new ManpowerSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0m), ManpowerSummary.Of([]));
    }
}

/// <summary>Found in review: exact halves under divisors that do not divide evenly, and figures too large to compute.</summary>
public sealed class StaffingCalculatorReviewTests
{
    [Fact]
    public void An_exact_half_under_a_divisor_of_30_still_rounds_up()
    {
        // 30 students per teacher. อ.1 1 student → 1 room (minimum); ป.1 19 students → 1 room. 20 students > a small-school
        // maximum of 10, so per level. Pre-primary (1 × 30 + 1) ÷ 60 = 31/60; primary (1 × 40 + 19) ÷ 60 = 59/60;
        // 31/60 + 59/60 = 90/60 = 1.5 → half away from zero → 2 (dividing term by term gave 1.4999… and 1).
        var criteria = StaffingCriteria.Default with
        {
            SmallSchoolBands = [new(1, 10, 1)],
            Levels =
            [
                new(StaffingLevel.PrePrimary, 30, LevelMethod.Ratio, 30, 0),
                new(StaffingLevel.Primary, 40, LevelMethod.Ratio, 30, 0),
                new(StaffingLevel.Secondary, 40, LevelMethod.PerRoom, 0, 2),
            ],
        };
        var r = StaffingCalculator.Compute(criteria, [new GradeStudents(Grade.K1, 1), new GradeStudents(Grade.P1, 19)]);
        Assert.Equal(StaffingRule.PerLevel, r.Rule);
        Assert.Equal(2, r.Teachers);
        Assert.Equal(2, StaffingCalculator.Round(1m / 3 + 1m / 6 + 1, StaffingRounding.HalfAwayFromZero));   // 1.5 from shares that do not divide
        // A sum that should be exactly 2 but carries decimal noise in its last places is not pushed up to 3.
        Assert.Equal(2, StaffingCalculator.Round(2.0000000000000000000000000002m, StaffingRounding.Up));
        Assert.Equal(3, StaffingCalculator.Round(2.01m, StaffingRounding.Up));
    }

    [Theory]
    [InlineData(0.000000001, "criteria.levels[1].studentsPerTeacher")]
    [InlineData(500, "criteria.levels[1].studentsPerTeacher")]
    public void A_ratio_far_outside_any_circular_is_refused(double perTeacher, string field)
    {
        var criteria = StaffingCriteria.Default with
        {
            Levels =
            [
                new(StaffingLevel.PrePrimary, 30, LevelMethod.Ratio, 25, 0),
                new(StaffingLevel.Primary, 40, LevelMethod.Ratio, (decimal)perTeacher, 0),
                new(StaffingLevel.Secondary, 40, LevelMethod.PerRoom, 0, 2),
            ],
        };
        Assert.Contains(StaffingCriteriaRules.Validate(criteria), e => e.Field == field);
    }

    [Fact]
    public void Class_sizes_rooms_and_people_far_outside_any_circular_are_refused()
    {
        var criteria = StaffingCriteria.Default with
        {
            Levels =
            [
                new(StaffingLevel.PrePrimary, 1000, LevelMethod.Ratio, 25, 0),
                new(StaffingLevel.Primary, 40, LevelMethod.Ratio, 25, 0),
                new(StaffingLevel.Secondary, 40, LevelMethod.PerRoom, 0, 79_000_000_000m),
            ],
            Directors = 500,
            MinimumRoomsPerGrade = 50,
        };
        var fields = StaffingCriteriaRules.Validate(criteria).Select(e => e.Field).ToList();
        Assert.Contains("criteria.levels[0].classSize", fields);
        Assert.Contains("criteria.levels[2].teachersPerRoom", fields);
        Assert.Contains("criteria.directors", fields);
        Assert.Contains("criteria.minimumRoomsPerGrade", fields);
    }
}
