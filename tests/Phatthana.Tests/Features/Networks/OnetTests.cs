using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;

namespace Phatthana.Tests.Features.Networks;

/// <summary>
/// O-NET in the offices' layout, all or nothing, and the gains it gives, against figures worked by hand:
/// <code>
///            2567 ไทย สังคม อังกฤษ คณิต วิทย์ = เฉลี่ย | 2568                     = เฉลี่ย | ผลต่าง | เทียบประเทศ
/// ประเทศ          50   40    30    30   50   40.00 |      52 42 32 32 52        42.00 |  2.00 |
/// โรงเรียน 1       60   50    40    40   60   50.00 |      66 55 44 44 66        55.00 |  5.00 | 13.00
/// โรงเรียน 2       40   30    20    20   40   30.00 |      40 30 20 20 41        30.20 |  0.20 | −11.80
/// โรงเรียน 3       45   45    45    45   45   45.00 |      45 45 45 45 45        45.00 |  0.00 |  3.00
/// เครือข่าย A (1, 2): 2568 (55.00 + 30.20) / 2 = 42.60, 2567 40.00 → +2.60 = ร้อยละ 6.50, เทียบประเทศ +0.60
/// เครือข่าย B (3):    45.00, 45.00 → 0.00 = ร้อยละ 0.00, เทียบประเทศ +3.00
/// </code>
/// </summary>
public sealed class OnetTests(AppHosts hosts) : ProviderTests(hosts)
{
    public static readonly object?[] Header = ["รหัสโรงเรียน", "โรงเรียน", "จน.นร.", "ไทย", "สังคม", "อังกฤษ", "คณิตศาสตร์", "วิทยาศาสตร์", "เฉลี่ย"];

    private static object?[] Row(string code, string name, int? students, params object?[] scores) =>
        [code, name, students, .. scores, scores.All(s => s is decimal or int) ? Math.Round(scores.Select(Convert.ToDecimal).Average(), 2) : null];

    public static List<object?[]> Year2567(NetworkWorld w) =>
    [
        ["ผลการทดสอบ O-NET ชั้น ป.6 ปีการศึกษา 2567"],
        Header,
        Row("00000000", "ระดับประเทศ", 500000, 50, 40, 30, 30, 50),
        Row(w.Area, "สพป.ทดสอบ", 90, 48, 42, 31, 32, 51),
        Row(w.Smis[0], "โรงเรียน 1", 30, 60, 50, 40, 40, 60),
        Row(w.Smis[1], "โรงเรียน 2", 25, 40, 30, 20, 20, 40),
        Row(w.Smis[2], "โรงเรียน 3", 35, 45, 45, 45, 45, 45),
    ];

    public static List<object?[]> Year2568(NetworkWorld w) =>
    [
        Header,
        Row("00000000", "ระดับประเทศ", 510000, 52, 42, 32, 32, 52),
        Row("", "สพป.ทดสอบ เขต 1", 88, 50, 43, 33, 33, 53),
        Row(w.Smis[0], "โรงเรียน 1", 31, 66, 55, 44, 44, 66),
        Row(w.Smis[1], "โรงเรียน 2", 22, 40, 30, 20, 20, 41),
        Row(w.Schools[2], "โรงเรียน 3", 35, 45, 45, 45, 45, 45), // the 10-digit code is read too
    ];

    /// <summary>Members since before both years (the start of academic year 2566).</summary>
    private static readonly DateOnly Since = new(2023, 5, 16);

    private static async Task<JsonElement> OnetAsync(NetworkWorld w, int year)
    {
        var response = await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/onet?year={year}&level=P6");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static decimal? Dec(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_years_imported_give_each_school_and_network_its_gain_against_last_year_and_the_nation(DatabaseProvider provider)
    {
        var w = await NetworkWorld.CreateAsync(await Host(provider), Since);
        Assert.Equal((5, 5, 0), await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Xlsx(Year2567(w)), "onet-2567.xlsx", "academicYear=2567")).ImportedAsync());
        Assert.Equal((5, 5, 0), await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Csv(Year2568(w)), "onet-2568.csv", "academicYear=2568")).ImportedAsync());
        // Importing a year again replaces it: the same rows are updates.
        Assert.Equal((5, 0, 5), await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Xlsx(Year2568(w)), "onet-2568.xlsx", "academicYear=2568")).ImportedAsync());

        var onet = await OnetAsync(w, 2568);
        Assert.Equal([2568, 2567], onet.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        var national = onet.GetProperty("national");
        Assert.Equal((42.00m, 40.00m, 2.00m), (Dec(national, "mean"), Dec(national, "lastYearMean"), Dec(national, "gain")));
        Assert.Equal(42.40m, Dec(onet.GetProperty("area"), "mean"));

        var schools = onet.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        Assert.Equal(3, schools.Count);
        (decimal?, decimal?, decimal?, decimal?) Figures(JsonElement s) => (Dec(s, "mean"), Dec(s, "lastYearMean"), Dec(s, "gain"), Dec(s, "vsNational"));
        Assert.Equal((55.00m, 50.00m, 5.00m, 13.00m), Figures(schools[w.Schools[0]]));
        Assert.Equal((30.20m, 30.00m, 0.20m, -11.80m), Figures(schools[w.Schools[1]]));
        Assert.Equal((45.00m, 45.00m, 0.00m, 3.00m), Figures(schools[w.Schools[2]]));
        Assert.Equal(44m, schools[w.Schools[0]].GetProperty("scores").GetProperty("mathematics").GetDecimal());
        Assert.Equal(31, schools[w.Schools[0]].GetProperty("students").GetInt32());
        Assert.Equal(w.NetworkA, schools[w.Schools[0]].GetProperty("network").GetString());

        var networks = onet.GetProperty("networks").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!);
        var a = networks[w.NetworkA];
        Assert.Equal((2, 42.60m, 40.00m, 2.60m, 6.50m, 0.60m),
            (a.GetProperty("schools").GetInt32(), Dec(a, "mean"), Dec(a, "lastYearMean"), Dec(a, "gain"), Dec(a, "gainPercent"), Dec(a, "vsNational")));
        Assert.Equal(53.00m, a.GetProperty("scores").GetProperty("thai").GetDecimal()); // (66 + 40) / 2
        var b = networks[w.NetworkB];
        Assert.Equal((1, 45.00m, 0.00m, 0.00m, 3.00m), (b.GetProperty("schools").GetInt32(), Dec(b, "mean"), Dec(b, "gain"), Dec(b, "gainPercent"), Dec(b, "vsNational")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_row_refuses_the_whole_file_with_its_row_and_column_and_nothing_is_saved(DatabaseProvider provider)
    {
        var w = await NetworkWorld.CreateAsync(await Host(provider), Since);
        Assert.Equal((5, 5, 0), await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Xlsx(Year2567(w)), "onet.xlsx", "academicYear=2567")).ImportedAsync());
        List<object?[]> rows =
        [
            Header,
            Row("00000000", "ระดับประเทศ", 1, 52, 42, 32, 32, 52),
            Row(w.Smis[0], "โรงเรียน 1", 31, 66, 55, 44, 44, 66),
            Row("99999999", "ไม่มีโรงเรียนนี้", 10, 50, 50, 50, 50, 50),     // 4: unknown school
            Row(w.Smis[1], "โรงเรียน 2", 20, 40, 130, 20, 20, 41),          // 5: score above 100
            [w.Smis[2], "โรงเรียน 3", 35, 45, "สี่สิบ", 45, 45, -1, null],     // 6: not a number, below 0
            Row(w.Smis[0], "โรงเรียน 1 ซ้ำ", 31, 60, 55, 44, 44, 66),       // 7: the same school twice
            [w.Smis[1], "โรงเรียน 2", "ยี่สิบ", 40, 30, 20, 20, 40, null],      // 8: students not a number
        ];
        foreach (var (content, name) in ImportFiles.BothFormats(rows, "onet"))
        {
            var errors = await (await w.Admin.ImportAsync(w.Area, "onet", content, name, "academicYear=2568")).ImportErrorsAsync();
            Assert.Equal([(4, "school"), (5, "social"), (6, "social"), (6, "science"), (7, "school"), (8, "students")], errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("99999999", errors[0].Message);
            Assert.Contains("0 ถึง 100", errors[1].Message);
            Assert.Contains("ต้องเป็นตัวเลข", errors[2].Message);
            Assert.Contains("0 ถึง 100", errors[3].Message);
            Assert.Contains("แถว 3", errors[4].Message);
        }
        // A file without the national row, with a grade that sits no O-NET, or without a year, is refused as well.
        var noNational = await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Csv([Header, Row(w.Smis[0], "โรงเรียน 1", 31, 66, 55, 44, 44, 66)]), "onet.csv", "academicYear=2568")).ImportErrorsAsync();
        Assert.Contains("00000000", Assert.Single(noNational).Message);
        List<object?[]> graded = [["รหัสโรงเรียน", "ชั้น", "ไทย"], ["00000000", "ป.6", 50], [w.Smis[0], "ป.4", 60]];
        Assert.Equal((3, "level"), (await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Csv(graded), "onet.csv", "academicYear=2568")).ImportErrorsAsync())
            .Select(e => (e.Row ?? 0, e.Field)).Single());
        Assert.Equal("academicYear", Assert.Single(await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Csv(Year2568(w)), "onet.csv")).ImportErrorsAsync()).Field);
        List<object?[]> noScores = [["รหัสโรงเรียน", "โรงเรียน"], ["00000000", "ระดับประเทศ"]];
        Assert.Equal("thai", Assert.Single(await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Csv(noScores), "onet.csv", "academicYear=2568")).ImportErrorsAsync()).Field);

        // Nothing of any of them was saved; the year before is as it was.
        var onet = await OnetAsync(w, 2568);
        Assert.Empty(onet.GetProperty("schools").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, onet.GetProperty("national").ValueKind);
        Assert.Equal(3, (await OnetAsync(w, 2567)).GetProperty("schools").GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task O_net_goals_take_their_result_from_the_imported_scores_and_entered_goals_keep_theirs(DatabaseProvider provider)
    {
        var w = await NetworkWorld.CreateAsync(await Host(provider), Since);
        await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Xlsx(Year2567(w)), "onet.xlsx", "academicYear=2567")).ImportedAsync();
        await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Xlsx(Year2568(w)), "onet.xlsx", "academicYear=2568")).ImportedAsync();
        foreach (var goal in new object[]
        {
            new { academicYear = 2568, metric = "OnetAboveNational", target = 0 },
            new { academicYear = 2568, metric = "OnetGain", target = 5 },
            new { academicYear = 2568, metric = "OnetGain", target = 7, title = "O-NET สูงขึ้นร้อยละ 7" },
            new { academicYear = 2568, metric = "QaPassed", target = 100, actual = 50 },
        })
            Assert.Equal(HttpStatusCode.Created, (await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/goals"), goal)).StatusCode);
        foreach (var (bad, field) in new (object, string)[]
        {
            (new { academicYear = 2025, metric = "QaPassed", target = 100 }, "academicYear"),
            (new { academicYear = 2568, metric = "Nope", target = 100 }, "$"),
            (new { academicYear = 2568, metric = "QaPassed", target = 150 }, "target"),
            (new { academicYear = 2568, metric = "OnetGain", target = 5, actual = 3 }, "actual"),
            (new { academicYear = 2568, metric = "Other", target = 5 }, "title"),
        })
        {
            var response = await w.Admin.PostAsJsonAsync(w.Url(w.IdA, "/goals"), bad);
            Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode}");
            if (field != "$") Assert.Contains(field, await response.ErrorFieldsAsync());
        }

        var goals = (await w.DetailAsync(w.IdA)).GetProperty("goalTargets").EnumerateArray().ToList();
        Assert.Equal(4, goals.Count);
        string Result(JsonElement g) => $"{g.GetProperty("title").GetString()}: {g.GetProperty("actual").GetDecimal():0.00} {(g.GetProperty("met").GetBoolean() ? "met" : "not met")}";
        Assert.Equal(
            ["O-NET เฉลี่ยสูงกว่าระดับประเทศ: 0.60 met", "O-NET เฉลี่ยสูงขึ้นจากปีก่อน ร้อยละ 5: 6.50 met", "O-NET สูงขึ้นร้อยละ 7: 6.50 not met", "ผ่านการประกันคุณภาพ ร้อยละ 100: 50.00 not met"],
            goals.Select(Result).Order());
        Assert.All(goals.Where(g => g.GetProperty("metric").GetString()!.StartsWith("Onet")), g => Assert.True(g.GetProperty("computed").GetBoolean()));
        // The network page's own O-NET table is its members'.
        var onet = (await w.DetailAsync(w.IdA, query: "?onetYear=2568")).GetProperty("onet");
        Assert.Equal(2, onet.GetProperty("schools").GetArrayLength());
        Assert.Equal(42.60m, Assert.Single(onet.GetProperty("networks").EnumerateArray()).GetProperty("mean").GetDecimal());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_o_net_report_comes_as_excel_and_pdf_and_a_bad_level_or_year_is_refused(DatabaseProvider provider)
    {
        var w = await NetworkWorld.CreateAsync(await Host(provider), Since);
        await (await w.Admin.ImportAsync(w.Area, "onet", ImportFiles.Xlsx(Year2567(w)), "onet.xlsx", "academicYear=2567")).ImportedAsync();
        var xlsx = await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/onet?year=2567&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(sheet, r => r.Any(c => c?.ToString() == "โรงเรียน 1") || r.Any(c => c?.ToString() == w.Schools[0]));
        var pdf = await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/onet?year=2567&format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/onet?level=P4")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Admin.GetAsync($"/api/v1/areas/{w.Area}/onet?year=2025")).StatusCode);
        var teacher = await w.Host.UserAsync(Phatthana.Web.Features.Accounts.Role.Teacher, w.Area, w.Schools[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/areas/{w.Area}/onet")).StatusCode);
    }
}
