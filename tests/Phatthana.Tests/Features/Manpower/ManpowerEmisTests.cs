using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Manpower;

/// <summary>
/// The manpower analysis on school tables as OBEC EMIS gives them (title row, "ชั้น/เพศ ชาย หญิง รวม ห้องเรียน", "-" for
/// none, subtotal rows), imported through the API with people and posts, then computed in bulk. Every expected figure is
/// worked out by hand beside the table it comes from.
/// </summary>
public sealed class ManpowerEmisTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const int Year = 2567;

    /// <summary>
    /// A small school (97 students). Rooms by the criteria: อบ.2 7 → 1, อบ.3 9 → 1, ป.1–ป.6 10–16 → 1 each: 8.
    /// 97 ≤ 120 → band 81–100 → 5 teachers + 1 director = 6.
    /// </summary>
    private static List<object?[]> SmallSchool() =>
    [
        ["ข้อมูลนักเรียน ปีการศึกษา 2567 (10 มิถุนายน)"], EmisHeader,
        ["อบ.1", "-", "-", "-", "-"], ["อบ.2", 4, 3, 7, 1], ["อบ.3", 5, 4, 9, 1], ["รวม อบ.", 9, 7, 16, 2],
        ["ป.1", 7, 6, 13, 1], ["ป.2", 6, 8, 14, 1], ["ป.3", 8, 5, 13, 1], ["ป.4", 9, 7, 16, 1], ["ป.5", 6, 9, 15, 1], ["ป.6", 5, 5, 10, 1],
        ["รวมประถม", 41, 40, 81, 6],
        ["รวมทั้งหมด", 50, 47, 97, 8],
    ];

    /// <summary>
    /// An extended-opportunity school (398 students); the criteria's rooms differ from those reported (14 → 13):
    /// pre-primary อบ.1 18, อบ.2 23, อบ.3 24 → 1 room each: (3 × 30 ÷ 25 + 65 ÷ 25) ÷ 2 = (3.6 + 2.6) ÷ 2 = 3.1;
    /// primary ป.1 29 → 1, ป.2 35 → 1, ป.3 43 → 1 rem 3 → 1, ป.4 31 → 1, ป.5 39 → 1, ป.6 52 → 1 rem 12 → 2: 7 rooms,
    /// (7 × 40 ÷ 25 + 229 ÷ 25) ÷ 2 = (11.2 + 9.16) ÷ 2 = 10.18;
    /// secondary ม.1 41 → 1 rem 1 → 1, ม.2 38 → 1, ม.3 25 → 1: 3 rooms × 2 = 6.
    /// 3.1 + 10.18 + 6 = 19.28 → 19 teachers; 398 → 360–719 → 1 deputy; 19 + 1 + 1 = 21.
    /// </summary>
    private static List<object?[]> ExtendedOpportunitySchool() =>
    [
        ["ข้อมูลนักเรียน ปีการศึกษา 2567 (10 มิถุนายน)"], EmisHeader,
        ["อบ.1", 10, 8, 18, 1], ["อบ.2", 12, 11, 23, 1], ["อบ.3", 11, 13, 24, 1], ["รวม อบ.", 33, 32, 65, 3],
        ["ป.1", 15, 14, 29, 1], ["ป.2", 18, 17, 35, 1], ["ป.3", 21, 22, 43, 2], ["ป.4", 16, 15, 31, 1], ["ป.5", 20, 19, 39, 1], ["ป.6", 25, 27, 52, 2],
        ["รวมประถม", 115, 114, 229, 8],
        ["ม.1", 22, 19, 41, 1], ["ม.2", 20, 18, 38, 1], ["ม.3", 13, 12, 25, 1], ["รวมมัธยมต้น", 55, 49, 104, 3],
        ["ม.4", "-", "-", "-", "-"], ["ม.5", "-", "-", "-", "-"], ["ม.6", "-", "-", "-", "-"], ["รวมมัธยมปลายและเทียบเท่า", "-", "-", "-", "-"],
        ["รวมทั้งหมด", 203, 195, 398, 14],
    ];

    /// <summary>
    /// A large primary school with kindergarten (785 students), with remainders of 9 and 10 in it:
    /// pre-primary อบ.1 58 → 1 rem 28 → 2, อบ.2 64 → 2 rem 4 → 2, อบ.3 69 → 2 rem 9 → 2: 6 rooms,
    /// (6 × 30 ÷ 25 + 191 ÷ 25) ÷ 2 = (7.2 + 7.64) ÷ 2 = 7.42;
    /// primary ป.1 110 → 2 rem 30 → 3, ป.2 107 → 2 rem 27 → 3, ป.3 100 → 2 rem 20 → 3, ป.4 89 → 2 rem 9 → 2 (3 reported),
    /// ป.5 90 → 2 rem 10 → 3, ป.6 98 → 2 rem 18 → 3: 17 rooms, (17 × 40 ÷ 25 + 594 ÷ 25) ÷ 2 = (27.2 + 23.76) ÷ 2 = 25.48.
    /// 7.42 + 25.48 = 32.9 → 33 teachers; 785 → 720–1,079 → 2 deputies; 33 + 1 + 2 = 36.
    /// </summary>
    private static List<object?[]> LargePrimarySchool() =>
    [
        ["ข้อมูลนักเรียน ปีการศึกษา 2567 (10 มิถุนายน)"], EmisHeader,
        ["อบ.1", 30, 28, 58, 2], ["อบ.2", 33, 31, 64, 2], ["อบ.3", 35, 34, 69, 2], ["รวม อบ.", 98, 93, 191, 6],
        ["ป.1", 58, 52, 110, 3], ["ป.2", 52, 55, 107, 3], ["ป.3", 50, 50, 100, 3], ["ป.4", 48, 41, 89, 3], ["ป.5", 45, 45, 90, 3], ["ป.6", 51, 47, 98, 3],
        ["รวมประถม", 304, 290, 594, 18],
        ["รวมทั้งหมด", 402, 383, 785, 24],
    ];

    /// <summary>A school whose every grade is "-" this year: it has counts, all nil, so it requires nothing.</summary>
    private static List<object?[]> SchoolWithoutStudents() =>
    [
        EmisHeader,
        ["อบ.1", "-", "-", "-", "-"], ["อบ.2", "-", "-", "-", "-"], ["อบ.3", "-", "-", "-", "-"],
        ["ป.1", "-", "-", "-", "-"], ["ป.2", "-", "-", "-", "-"], ["ป.3", "-", "-", "-", "-"], ["ป.4", "-", "-", "-", "-"], ["ป.5", "-", "-", "-", "-"], ["ป.6", "-", "-", "-", "-"],
        ["รวมทั้งหมด", "-", "-", "-", "-"],
    ];

    /// <summary>Last year's table of the school that has not sent this year's: ป.1–ป.6 of 5 → 30 → band 21–40 → 2 + 1 = 3.</summary>
    private static List<object?[]> LastYearOnly() =>
    [
        ["ข้อมูลนักเรียน ปีการศึกษา 2566"], EmisHeader,
        ["ป.1", 3, 2, 5, 1], ["ป.2", 2, 3, 5, 1], ["ป.3", 3, 2, 5, 1], ["ป.4", 2, 3, 5, 1], ["ป.5", 3, 2, 5, 1], ["ป.6", 2, 3, 5, 1],
        ["รวมประถม", 15, 15, 30, 6], ["รวมทั้งหมด", 15, 15, 30, 6],
    ];

    private sealed record Arranged(string Area, string Small, string Extended, string Large, string NoStudents, string NoCounts);

    /// <summary>
    /// Five schools with their EMIS tables, people and posts (จ.18), all through the import API:
    /// small 1 administrator + 4 teachers (1 vacant) = 5 against 6 → short 1;
    /// extended 2 administrators (deputy vacant) + 21 teachers (2 vacant) = 23 against 21 → over 2;
    /// large 3 administrators (1 deputy vacant) + 33 teachers (3 vacant) = 36 against 36 → exact;
    /// no students: 1 vacant teacher post against 0 → over 1; no counts this year: 2 teacher posts, not computed.
    /// </summary>
    private static async Task<Arranged> ArrangeAsync(AppHost host)
    {
        var area = await host.AreaAsync();
        var small = await host.SchoolAsync(area, "โรงเรียนบ้านหนองไผ่", district: "ท่ายาง", network: "เครือข่ายท่ายาง 1");
        var extended = await host.SchoolAsync(area, "โรงเรียนบ้านห้วยทราย", "ExtendedOpportunity", district: "ชะอำ");
        var large = await host.SchoolAsync(area, "โรงเรียนอนุบาลเพชรบุรี");
        var noStudents = await host.SchoolAsync(area, "โรงเรียนบ้านท่าไม้รวก", district: "ท่ายาง");
        var noCounts = await host.SchoolAsync(area, "โรงเรียนบ้านโป่งสลอด");
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        async Task Counts(string school, List<object?[]> table, int year, bool csv)
        {
            var file = csv ? ImportFiles.Csv(table) : ImportFiles.Xlsx(table);
            var response = await admin.ImportAsync(area, "student-counts", file, csv ? "emis.csv" : "emis.xlsx", $"academicYear={year}&school={school}");
            await response.ImportedAsync();
        }
        await Counts(small, SmallSchool(), Year, csv: false);
        await Counts(extended, ExtendedOpportunitySchool(), Year, csv: true);
        await Counts(large, LargePrimarySchool(), Year, csv: false);
        await Counts(noStudents, SchoolWithoutStudents(), Year, csv: true);
        await Counts(noCounts, LastYearOnly(), Year - 1, csv: false);

        List<object?[]> people = [PeopleHeader];
        List<object?[]> posts = [PostsHeader];
        void Staff(string school, int directors, int deputies, int vacantDeputies, int teachers, int vacantTeachers)
        {
            for (var i = 0; i < directors + deputies + vacantDeputies + teachers + vacantTeachers; i++)
            {
                var administrator = i < directors + deputies + vacantDeputies;
                var vacant = (administrator && i >= directors + deputies) || i >= directors + deputies + vacantDeputies + teachers;
                string? occupant = null;
                if (!vacant)
                {
                    occupant = Unique.NationalId();
                    people.Add(i < directors
                        ? Person(occupant, school, "สมชาย", "ผู้นำ", position: "ผู้อำนวยการสถานศึกษา", title: "นาย", standing: "ชำนาญการพิเศษ", subjects: "")
                        : administrator
                            ? Person(occupant, school, "สมหญิง", "รองผู้นำ", position: "รองผู้อำนวยการสถานศึกษา", standing: "ชำนาญการพิเศษ", subjects: "")
                            : Person(occupant, school, $"ครู{i}", "ใจดี"));
                }
                posts.Add(Post(school, Unique.PositionNumber(), administrator ? "ผู้บริหาร" : "ผู้สอน", occupant));
            }
        }
        Staff(small, directors: 1, deputies: 0, vacantDeputies: 0, teachers: 3, vacantTeachers: 1);
        Staff(extended, directors: 1, deputies: 0, vacantDeputies: 1, teachers: 19, vacantTeachers: 2);
        Staff(large, directors: 1, deputies: 1, vacantDeputies: 1, teachers: 30, vacantTeachers: 3);
        Staff(noStudents, directors: 0, deputies: 0, vacantDeputies: 0, teachers: 0, vacantTeachers: 1);
        Staff(noCounts, directors: 0, deputies: 0, vacantDeputies: 0, teachers: 1, vacantTeachers: 1);
        Assert.Equal((57, 57, 0), await (await admin.ImportAsync(area, "people", ImportFiles.Xlsx(people), "people.xlsx")).ImportedAsync());
        Assert.Equal((67, 67, 0), await (await admin.ImportAsync(area, "posts", ImportFiles.Csv(posts), "posts.csv")).ImportedAsync());
        return new Arranged(area, small, extended, large, noStudents, noCounts);
    }

    private static Task<Area> AreaAsync(AppDbContext db, string code) => db.Areas.SingleAsync(a => a.Code == code);

    [Theory, MemberData(nameof(Providers))]
    public async Task Real_emis_tables_give_each_schools_requirement_difference_and_status_and_the_area_summary(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await ArrangeAsync(host);

        var result = await host.WithDbAsync(async db =>
            await ManpowerCalculation.ComputeAsync(db, (await AreaAsync(db, s.Area)).Id, Year, DefaultRuleSet.Create()));
        Assert.Equal(Year, result.AcademicYear);
        var by = result.Schools.ToDictionary(m => m.School.Code);
        Assert.Equal(new[] { s.Small, s.Extended, s.Large, s.NoStudents }.Order(StringComparer.Ordinal), by.Keys);

        // Small school: 97 students, band 81–100.
        var small = by[s.Small];
        Assert.Equal(("โรงเรียนบ้านหนองไผ่", SchoolType.Primary, "ท่ายาง", "เครือข่ายท่ายาง 1"), (small.School.Name, small.School.Type, small.School.District, small.School.Network));
        Assert.Equal((StaffingRule.SmallSchool, 97, 8), (small.Requirement.Rule, small.Requirement.Students, small.Requirement.Classrooms));
        Assert.Equal(new StudentBand(81, 100, 5), small.Requirement.Band);
        Assert.Equal((5, 1, 0, 6), (small.Requirement.Teachers, small.Requirement.Directors, small.Requirement.Deputies, small.Required));
        Assert.Equal((4, 1, 1, 5), (small.ActualTeachers, small.ActualAdministrators, small.VacantPosts, small.Actual));
        Assert.Equal((-1, ManpowerStatus.Shortage), (small.Difference, small.Status));

        // Extended opportunity: 398 students, three levels.
        var extended = by[s.Extended];
        Assert.Equal((StaffingRule.PerLevel, 398, 13), (extended.Requirement.Rule, extended.Requirement.Students, extended.Requirement.Classrooms));
        Assert.Equal(
            [(StaffingLevel.PrePrimary, 65, 3, 3.1m), (StaffingLevel.Primary, 229, 7, 10.18m), (StaffingLevel.Secondary, 104, 3, 6m)],
            extended.Requirement.Levels.Select(l => (l.Level, l.Students, l.Rooms, l.Teachers)));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1], extended.Requirement.Grades.Select(g => g.Rooms));
        Assert.Equal((19.28m, 19), (extended.Requirement.UnroundedTeachers, extended.Requirement.Teachers));
        Assert.Equal(new DeputyBand(360, 719, 1), extended.Requirement.DeputyBand);
        Assert.Equal((1, 1, 21), (extended.Requirement.Directors, extended.Requirement.Deputies, extended.Required));
        Assert.Equal((21, 2, 3, 23), (extended.ActualTeachers, extended.ActualAdministrators, extended.VacantPosts, extended.Actual));
        Assert.Equal((2, ManpowerStatus.Surplus), (extended.Difference, extended.Status));

        // Large primary: 785 students.
        var large = by[s.Large];
        Assert.Equal((StaffingRule.PerLevel, 785, 23), (large.Requirement.Rule, large.Requirement.Students, large.Requirement.Classrooms));
        Assert.Equal(
            [(StaffingLevel.PrePrimary, 191, 6, 7.42m), (StaffingLevel.Primary, 594, 17, 25.48m)],
            large.Requirement.Levels.Select(l => (l.Level, l.Students, l.Rooms, l.Teachers)));
        Assert.Equal([2, 2, 2, 3, 3, 3, 2, 3, 3], large.Requirement.Grades.Select(g => g.Rooms));
        Assert.Equal((32.9m, 33), (large.Requirement.UnroundedTeachers, large.Requirement.Teachers));
        Assert.Equal(new DeputyBand(720, 1079, 2), large.Requirement.DeputyBand);
        Assert.Equal((1, 2, 3, 36), (large.Requirement.Directors, large.Requirement.Deputies, large.Requirement.Administrators, large.Required));
        Assert.Equal((33, 3, 4, 36), (large.ActualTeachers, large.ActualAdministrators, large.VacantPosts, large.Actual));
        Assert.Equal((0, ManpowerStatus.Exact), (large.Difference, large.Status));

        // Every grade "-": counted, nothing required, its one vacant post is over.
        var none = by[s.NoStudents];
        Assert.Equal((StaffingRule.NoStudents, 0, 0), (none.Requirement.Rule, none.Requirement.Students, none.Required));
        Assert.Equal((1, 0, 1, 1, ManpowerStatus.Surplus), (none.ActualTeachers, none.ActualAdministrators, none.VacantPosts, none.Difference, none.Status));

        // The school without this year's counts is listed as missing, not computed as zeros.
        var missing = Assert.Single(result.MissingCounts);
        Assert.Equal((s.NoCounts, "โรงเรียนบ้านโป่งสลอด"), (missing.Code, missing.Name));
        Assert.DoesNotContain(s.NoCounts, by.Keys);

        // Required 6 + 21 + 36 + 0 = 63; actual 5 + 23 + 36 + 1 = 65. Short: 1 school, 1 post. Over: 2 schools, 2 + 1 = 3.
        // Exact 1. Net +2 = 2 × 100 ÷ 63 = 3.1746… % → 3.17.
        Assert.Equal(new ManpowerSummary(4, 1, 1, 2, 3, 1, 63, 65, 2, 3.17m), result.Summary);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Last_years_tables_compute_only_the_school_that_has_them_and_list_the_rest_as_missing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await ArrangeAsync(host);

        var result = await host.WithDbAsync(async db =>
            await ManpowerCalculation.ComputeAsync(db, (await AreaAsync(db, s.Area)).Id, Year - 1, DefaultRuleSet.Create()));
        var only = Assert.Single(result.Schools);
        // 30 students → band 21–40 → 2 teachers + 1 director = 3; 2 teacher posts (1 vacant) → short 1.
        Assert.Equal((s.NoCounts, StaffingRule.SmallSchool, 30, 3), (only.School.Code, only.Requirement.Rule, only.Requirement.Students, only.Required));
        Assert.Equal((2, 0, 1, -1, ManpowerStatus.Shortage), (only.ActualTeachers, only.ActualAdministrators, only.VacantPosts, only.Difference, only.Status));
        Assert.Equal(new[] { s.Small, s.Extended, s.Large, s.NoStudents }.Order(StringComparer.Ordinal), result.MissingCounts.Select(m => m.Code));
        // Required 3, actual 2: net −1 = −33.33 %.
        Assert.Equal(new ManpowerSummary(1, 1, 1, 0, 0, 0, 3, 2, -1, -33.33m), result.Summary);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_area_analysis_takes_the_latest_year_with_counts_and_refuses_a_year_without_them(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var s = await ArrangeAsync(host);
        var emptyArea = await host.AreaAsync();
        await host.SchoolAsync(emptyArea);

        await host.WithDbAsync(async db =>
        {
            var area = await AreaAsync(db, s.Area);
            Assert.Equal([Year, Year - 1], await ManpowerCalculation.YearsAsync(db, area.Id));

            // No year asked: the latest with counts (2567, not 2566), with the rule set in force for it.
            var latest = await ManpowerCalculation.ForAreaAsync(db, area, null);
            Assert.True(latest.Succeeded);
            Assert.Equal(Year, latest.Value!.AcademicYear);
            Assert.Equal((await ManpowerCalculation.RuleSetForAsync(db, Year))!.Id, latest.Value.RuleSet.Id);
            Assert.Equal(4, latest.Value.Schools.Count);
            Assert.Equal([s.NoCounts], latest.Value.MissingCounts.Select(m => m.Code));

            // Thai digits are a year too.
            var thai = await ManpowerCalculation.ForAreaAsync(db, area, "๒๕๖๖");
            Assert.True(thai.Succeeded);
            Assert.Equal(Year - 1, thai.Value!.AcademicYear);
            Assert.Equal([s.NoCounts], thai.Value.Schools.Select(m => m.School.Code));

            // A year no school has counts for: an error on academicYear that names the years that have them.
            var none = await ManpowerCalculation.ForAreaAsync(db, area, "2565");
            Assert.False(none.Succeeded);
            var error = Assert.Single(none.Errors);
            Assert.Equal("academicYear", error.Field);
            Assert.Contains("2565", error.Message);
            Assert.Contains("2567, 2566", error.Message);

            // Not a Buddhist year.
            foreach (var text in new[] { "2024", "ปีนี้" })
                Assert.Equal("academicYear", Assert.Single((await ManpowerCalculation.ForAreaAsync(db, area, text)).Errors).Field);

            // An area with schools but no counts at all, asked for no year or for one.
            var empty = await AreaAsync(db, emptyArea);
            foreach (var year in new[] { null, "2567" })
            {
                var outcome = await ManpowerCalculation.ForAreaAsync(db, empty, year);
                Assert.False(outcome.Succeeded);
                Assert.Equal("academicYear", Assert.Single(outcome.Errors).Field);
                Assert.Contains("ยังไม่มีข้อมูล", outcome.Errors[0].Message);
            }
            return 0;
        });
    }
}
