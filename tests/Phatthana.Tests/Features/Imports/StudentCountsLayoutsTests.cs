using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Features.Imports.StudentCountsImportTests;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

/// <summary>Student counts as OBEC's systems give them: the EMIS school table and the DMC student list.</summary>
public sealed class StudentCountsLayoutsTests(AppHosts hosts) : ProviderTests(hosts)
{
    /// <summary>The EMIS table of a school with kindergarten, primary and lower secondary, with its subtotal rows.</summary>
    private static List<object?[]> Emis() =>
    [
        ["อบ.1", 5, 6, 11, 1], ["อบ.2", 7, 8, 15, 1], ["อบ.3", 6, 4, 10, 1], ["รวม อบ.", 18, 18, 36, 3],
        ["ป.1", 10, 12, 22, 1], ["ป.2", 11, 9, 20, 1], ["ป.3", 8, 8, 16, 1], ["ป.4", 9, 10, 19, 1], ["ป.5", 12, 11, 23, 1], ["ป.6", 10, 10, 20, 1],
        ["รวมประถม", 60, 60, 120, 6],
        ["ม.1", 15, 14, 29, 1], ["ม.2", 13, 16, 29, 1], ["ม.3", 12, 12, 24, 1], ["รวมมัธยมต้น", 40, 42, 82, 3],
        ["รวมทั้งหมด", 118, 120, 238, 12],
    ];

    private static readonly string[] EmisCounts =
    [
        "K1 5/6/1", "K2 7/8/1", "K3 6/4/1", "P1 10/12/1", "P2 11/9/1", "P3 8/8/1", "P4 9/10/1", "P5 12/11/1", "P6 10/10/1",
        "M1 15/14/1", "M2 13/16/1", "M3 12/12/1",
    ];

    /// <summary>Each school of the area: code → (SMIS code, OBEC code).</summary>
    private static async Task<Dictionary<string, (string Smis, string Obec)>> CodesAsync(HttpClient client, string area) =>
        (await (await client.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync()).EnumerateArray().ToDictionary(
            s => s.GetProperty("code").GetString()!, s => (s.GetProperty("smisCode").GetString()!, s.GetProperty("obecCode").GetString()!));

    [Theory, MemberData(nameof(Providers))]
    public async Task The_emis_table_of_one_school_imports_with_its_subtotals_checked_not_imported(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var school = await host.SchoolAsync(area, type: "ExtendedOpportunity");
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            var obec = (await CodesAsync(admin, area))[school].Obec;
            List<object?[]> rows = [["ข้อมูลนักเรียน ปีการศึกษา 2567"], EmisHeader, .. Emis()];
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            var response = await admin.ImportAsync(area, "student-counts", file, "emis" + format, $"academicYear=2567&school={obec}");
            Assert.Equal((16, 12, 0), await response.ImportedAsync());
            Assert.Equal(EmisCounts, await CountsAsync(admin, school, 2567));
            Assert.Equal((16, 0, 12), await (await admin.ImportAsync(area, "student-counts", file, "emis" + format, $"academicYear=2567&school={school}")).ImportedAsync());
            Assert.Equal(EmisCounts, await CountsAsync(admin, school, 2567));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_wrong_subtotal_or_a_total_that_is_not_boys_plus_girls_is_an_error_on_its_row_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var rows = Emis();
        rows[10][1] = 61; // รวมประถม: boys
        rows[15][4] = 13; // รวมทั้งหมด: classrooms
        rows[5][3] = 21; // ป.2: 11 + 9 is not 21
        List<object?[]> sheet = [EmisHeader, .. rows];

        foreach (var (content, name) in ImportFiles.BothFormats(sheet, "emis"))
        {
            var errors = await (await admin.ImportAsync(area, "student-counts", content, name, $"academicYear=2567&school={school}")).ImportErrorsAsync();
            Assert.Equal([(7, "total"), (12, "boys"), (17, "classrooms")], errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("รวมประถม", errors[1].Message);
            Assert.Contains("61", errors[1].Message);
            Assert.Contains("60", errors[1].Message);
            Assert.Contains("รวมทั้งหมด", errors[2].Message);
        }
        Assert.Empty(await CountsAsync(admin, school, 2567));

        // Without a school column the school must be named.
        var noSchool = await (await admin.ImportAsync(area, "student-counts", ImportFiles.Csv([EmisHeader, .. Emis()]), "emis.csv", "academicYear=2567")).ImportErrorsAsync();
        Assert.Equal("school", Assert.Single(noSchool).Field);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_emis_file_of_many_schools_names_each_by_any_of_its_codes(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b, c) = (await host.SchoolAsync(area), await host.SchoolAsync(area), await host.SchoolAsync(area));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var codes = await CodesAsync(admin, area);
        object?[] header = ["school_id", .. EmisHeader];
        List<object?[]> rows = [header];
        foreach (var key in new[] { a, codes[b].Smis, codes[c].Obec }) rows.AddRange(Emis().Select(r => (object?[])[key, .. r]));

        Assert.Equal((48, 36, 0), await (await admin.ImportAsync(area, "student-counts", ImportFiles.Xlsx(rows), "emis.xlsx", "academicYear=2566")).ImportedAsync());
        foreach (var school in new[] { a, b, c }) Assert.Equal(EmisCounts, await CountsAsync(admin, school, 2566));

        // A subtotal is checked against its own school's grades.
        rows[16 + 6][2] = 12; // school b's ป.2 boys: its รวมประถม no longer adds up, nor its own total
        var errors = await (await admin.ImportAsync(area, "student-counts", ImportFiles.Csv(rows), "emis.csv", "academicYear=2565")).ImportErrorsAsync();
        Assert.Equal([(23, "total"), (28, "boys"), (28, "total"), (33, "boys"), (33, "total")], errors.Select(e => (e.Row ?? 0, e.Field)));
        foreach (var school in new[] { a, b, c }) Assert.Empty(await CountsAsync(admin, school, 2565));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_dmc_student_list_is_counted_into_boys_girls_and_rooms_per_grade(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var (a, b) = (await host.SchoolAsync(area, name: "โรงเรียนบ้านนักเรียน"), await host.SchoolAsync(area));
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            var codes = await CodesAsync(admin, area);
            var n = 0;
            object?[] Student(string school, string grade, string room, string gender) =>
                [school, "โรงเรียนบ้านนักเรียน", Unique.NationalId(), grade, room, $"{++n:00000}", gender];
            List<object?[]> rows =
            [
                DmcHeader,
                Student(a, "อ.1", "1", "ช"), Student(a, "อ.1", "1", "ช"), Student(codes[a].Obec, "อ.1", "1", "ญ"),
                Student(a, "ป.1", "1", "ช"), Student(a, "ป.1", "2", "ช"), Student(a, "ป.1", "2", "ญ"), Student(codes[a].Smis, "ป.1", "1", "ช"), Student(a, "ป.1", "2", "ญ"),
                Student(a, "ม.1", "1", "ญ"),
                Student(codes[b].Smis, "ป.1", "1", "ช"),
            ];
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            Assert.Equal((10, 4, 0), await (await admin.ImportAsync(area, "student-counts", file, "dmc" + format, "academicYear=2568")).ImportedAsync());
            Assert.Equal(["K1 2/1/1", "P1 3/2/2", "M1 0/1/1"], await CountsAsync(admin, a, 2568));
            Assert.Equal(["P1 1/0/1"], await CountsAsync(admin, b, 2568));

            // A student listed twice, a grade or a gender that cannot be read: errors, and the counts stay as they were.
            rows.Add([a, "โรงเรียนบ้านนักเรียน", rows[1][2], "อ.1", "1", "99999", "ช"]);
            rows.Add(Student(a, "ป.7", "1", "ช"));
            rows.Add(Student(a, "ป.1", "1", "x"));
            var bad = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);
            var errors = await (await admin.ImportAsync(area, "student-counts", bad, "dmc" + format, "academicYear=2568")).ImportErrorsAsync();
            Assert.Equal([(12, "studentId"), (13, "grade"), (14, "gender")], errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("แถว 2", errors[0].Message);
            Assert.Equal(["K1 2/1/1", "P1 3/2/2", "M1 0/1/1"], await CountsAsync(admin, a, 2568));
        }
    }
}
