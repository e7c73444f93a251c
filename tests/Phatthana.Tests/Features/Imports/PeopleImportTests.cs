using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Infrastructure.ImportSheets;
using Id = Phatthana.Web.Features.Personnel.NationalId;

namespace Phatthana.Tests.Features.Imports;

public sealed class PeopleImportTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static async Task<Dictionary<string, JsonElement>> PeopleAsync(HttpClient client, string area) =>
        (await (await client.GetAsync($"/api/v1/areas/{area}/people?status=all")).JsonAsync()).EnumerateArray()
        .ToDictionary(p => p.GetProperty("nationalId").GetString()!);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_good_file_imports_and_importing_it_again_updates_without_duplicates(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            var (p1, p2, p3) = (Unique.NationalId(), Unique.NationalId(), Unique.NationalId());
            var rows = With(PeopleHeader,
                Person(p1, a, "มาลี", "ศรีสุข"),
                Person(p2, a, "สมชาย", "ใจกล้า", position: "ผู้อำนวยการสถานศึกษา", title: "นาย", standing: "ชำนาญการพิเศษ", subjects: ""),
                Person(Id.Format(p3), b, "ดวงใจ", "ดีงาม", position: "AssistantTeacher", title: "นางสาว", standing: "", birthDate: "1 ม.ค. 2531"));
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            Assert.Equal((3, 3, 0), await (await admin.ImportAsync(area, "people", file, "people" + format)).ImportedAsync());
            var people = await PeopleAsync(admin, area);
            Assert.Equal(new[] { p1, p2, p3 }.Order(), people.Keys.Order());
            var maalee = people[p1];
            Assert.Equal("นาง", maalee.GetProperty("title").GetString());
            Assert.Equal("มาลี", maalee.GetProperty("firstName").GetString());
            Assert.Equal("Female", maalee.GetProperty("gender").GetString()); // from the title
            Assert.Equal("1985-06-15", maalee.GetProperty("birthDate").GetString());
            Assert.Equal("Teacher", maalee.GetProperty("position").GetString());
            Assert.Equal("Professional", maalee.GetProperty("academicStanding").GetString());
            Assert.Equal("Thai", maalee.GetProperty("major").GetString());
            Assert.Equal(["SocialStudies", "Thai"], maalee.GetProperty("teachingSubjectAreas").EnumerateArray().Select(s => s.GetString()).Order());
            Assert.Equal(a, maalee.GetProperty("school").GetString());
            Assert.Equal("2010-05-16", maalee.GetProperty("startDate").GetString());
            Assert.Equal("Director", people[p2].GetProperty("position").GetString());
            Assert.Equal("Male", people[p2].GetProperty("gender").GetString());
            Assert.Equal("SeniorProfessional", people[p2].GetProperty("academicStanding").GetString());
            Assert.Equal("AssistantTeacher", people[p3].GetProperty("position").GetString());
            Assert.Equal("1988-01-01", people[p3].GetProperty("birthDate").GetString());
            Assert.Equal(b, people[p3].GetProperty("school").GetString());

            Assert.Equal((3, 0, 3), await (await admin.ImportAsync(area, "people", file, "people" + format)).ImportedAsync());
            Assert.Equal(3, (await PeopleAsync(admin, area)).Count);
            // Nothing changed, so the history has only the joining line.
            Assert.Single((await (await admin.GetAsync($"/api/v1/people/{p1}/history")).JsonAsync()).EnumerateArray());
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_teaching_level_column_reads_thai_words_and_a_blank_unsets_it_while_a_file_without_it_keeps_it(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var (thai, code, word, blank) = (Unique.NationalId(), Unique.NationalId(), Unique.NationalId(), Unique.NationalId());
        object?[] header = [.. PeopleHeader, "ระดับชั้นที่สอน"];
        object?[] Row(string id, string? level) => [.. Person(id, school), level];

        var rows = With(header, Row(thai, "มัธยมศึกษาตอนต้น"), Row(code, "PrePrimary"), Row(word, "ม.ปลาย"), Row(blank, null));
        foreach (var (content, name) in ImportFiles.BothFormats(rows, "people"))
            Assert.Equal(4, (await (await admin.ImportAsync(area, "people", content, name)).ImportedAsync()).Item1);
        string? LevelOf(Dictionary<string, JsonElement> people, string id) =>
            people[id].GetProperty("teachingLevel").ValueKind == JsonValueKind.Null ? null : people[id].GetProperty("teachingLevel").GetString();
        var people = await PeopleAsync(admin, area);
        Assert.Equal(["LowerSecondary", "PrePrimary", "UpperSecondary", null], new[] { thai, code, word, blank }.Select(id => LevelOf(people, id)));

        // An alias header; a blank cell unsets the level, as a blank major does.
        object?[] alias = [.. PeopleHeader, "ระดับที่สอน"];
        Assert.Equal((2, 0, 2), await (await admin.ImportAsync(area, "people",
            ImportFiles.Csv(With(alias, Row(thai, ""), Row(code, "ประถมศึกษา"))), "people.csv")).ImportedAsync());
        people = await PeopleAsync(admin, area);
        Assert.Equal([null, "Primary"], new[] { thai, code }.Select(id => LevelOf(people, id)));

        // A file made without the column says nothing about levels: they stay.
        Assert.Equal((2, 0, 2), await (await admin.ImportAsync(area, "people",
            ImportFiles.Csv(With(PeopleHeader, Person(code, school), Person(word, school))), "people.csv")).ImportedAsync());
        people = await PeopleAsync(admin, area);
        Assert.Equal(["Primary", "UpperSecondary"], new[] { code, word }.Select(id => LevelOf(people, id)));

        // An unknown level is a row error naming the column and what is allowed; nothing of the file is saved.
        var errors = await (await admin.ImportAsync(area, "people",
            ImportFiles.Csv(With(header, Row(code, "LowerSecondary"), Row(word, "อาชีวศึกษา"))), "people.csv")).ImportErrorsAsync();
        var error = Assert.Single(errors);
        Assert.Equal((3, "teachingLevel"), (error.Row ?? 0, error.Field));
        Assert.Contains("\"อาชีวศึกษา\"", error.Message);
        Assert.Contains("มัธยมศึกษาตอนปลาย", error.Message);
        Assert.Equal("Primary", LevelOf(await PeopleAsync(admin, area), code));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_row_is_reported_with_its_own_thai_message_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var good = Unique.NationalId();
        var wrongDigit = good[..12] + (char)('0' + (good[12] - '0' + 1) % 10);
        var future = $"01/01/{DateTime.UtcNow.Year + 544}";
        var rows = With(PeopleHeader,
            Person(good, school),
            Person(wrongDigit, school),
            Person("1.74E+12", school),
            Person(Unique.NationalId()[..12], school),
            Person(Unique.NationalId(), "9999999999"),
            Person(Unique.NationalId(), school, position: "ครูพิเศษ"),
            Person(Unique.NationalId(), school, birthDate: future),
            Person(good, school, firstName: "ซ้ำ"),
            Person(Unique.NationalId(), school, title: "คุณ", subjects: "ภาษาไทย; ดาราศาสตร์"));

        foreach (var (content, name) in ImportFiles.BothFormats(rows, "people"))
        {
            var errors = await (await admin.ImportAsync(area, "people", content, name)).ImportErrorsAsync();
            Assert.Equal(
                [(3, "nationalId"), (4, "nationalId"), (5, "nationalId"), (6, "school"), (7, "position"), (8, "birthDate"), (9, "nationalId"),
                 (10, "teachingSubjectAreas"), (10, "title")],
                errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("เลขตรวจสอบ", errors[0].Message);
            Assert.Contains("Excel", errors[1].Message);
            Assert.Contains("ข้อความ", errors[1].Message);
            Assert.Contains("12 หลัก", errors[2].Message);
            Assert.Contains("9999999999", errors[3].Message);
            Assert.Contains("\"ครูพิเศษ\"", errors[4].Message);
            Assert.Contains("ครูผู้ช่วย", errors[4].Message); // says what is allowed
            Assert.Contains("อนาคต", errors[5].Message);
            Assert.Contains("แถว 2", errors[6].Message);
            Assert.Contains("ดาราศาสตร์", errors[7].Message);
            Assert.Equal(errors.Length, errors.Select(e => e.Message).Distinct().Count());
        }
        Assert.Empty(await PeopleAsync(admin, area));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_buddhist_year_in_an_iso_date_is_read_as_such_with_a_note(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var id = Unique.NationalId();

        var response = await admin.ImportAsync(area, "people", ImportFiles.Csv(With(PeopleHeader, Person(id, school, birthDate: "2528-06-15"))), "people.csv");
        Assert.Equal((1, 1, 0), await response.ImportedAsync());
        var note = Assert.Single((await response.JsonAsync()).GetProperty("notes").EnumerateArray());
        Assert.Equal(2, note.GetProperty("row").GetInt32());
        Assert.Contains("พ.ศ.", note.GetProperty("message").GetString());
        Assert.Contains("2528", note.GetProperty("message").GetString());
        Assert.Equal("1985-06-15", (await PeopleAsync(admin, area))[id].GetProperty("birthDate").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Excel_numbers_and_dates_json_headers_and_a_thai_ansi_csv_all_read_right(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        // An .xlsx where the ID is a number cell and the birth date a date cell, under a title row.
        var numeric = Unique.NationalId();
        var row = Person(numeric, school, "ตัวเลข");
        row[0] = long.Parse(numeric);
        row[5] = new DateTime(1985, 6, 15);
        object?[][] sheet = [["ทะเบียนบุคลากร ปีงบประมาณ 2568"], .. With(PeopleHeader, row)];
        Assert.Equal((1, 1, 0), await (await admin.ImportAsync(area, "people", ImportFiles.Xlsx(sheet), "people.xlsx")).ImportedAsync());
        Assert.Equal("1985-06-15", (await PeopleAsync(admin, area))[numeric].GetProperty("birthDate").GetString());

        // The JSON names as headers, with the API's own words.
        var json = Unique.NationalId();
        object?[] apiRow = [json, "นาย", "เจสัน", "ชื่อฟิลด์", "Male", "1980-01-31", "Teacher", "Expert", "Mathematics", "Mathematics;Science", school, "2005-05-16", "Active"];
        Assert.Equal((1, 1, 0), await (await admin.ImportAsync(area, "people", ImportFiles.Csv(With(PeopleJsonHeader, apiRow)), "people.csv")).ImportedAsync());
        var jason = (await PeopleAsync(admin, area))[json];
        Assert.Equal("Expert", jason.GetProperty("academicStanding").GetString());
        Assert.Equal("1980-01-31", jason.GetProperty("birthDate").GetString());

        // A CSV saved by Thai Excel in Windows-874.
        var ansi = Unique.NationalId();
        var file = ImportFiles.Csv(With(PeopleHeader, Person(ansi, school, "ประภาพร", "สุขสวัสดิ์")), ImportFiles.ThaiAnsi);
        Assert.Equal((1, 1, 0), await (await admin.ImportAsync(area, "people", file, "people.csv")).ImportedAsync());
        var prapaporn = (await PeopleAsync(admin, area))[ansi];
        Assert.Equal("ประภาพร", prapaporn.GetProperty("firstName").GetString());
        Assert.Equal("สุขสวัสดิ์", prapaporn.GetProperty("lastName").GetString());
        Assert.Equal("Teacher", prapaporn.GetProperty("position").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Moving_and_retiring_by_file_keep_the_history_and_free_the_post(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var (mover, retiree) = (await host.PersonAsync(area, a), await host.PersonAsync(area, a));
        var number = Unique.PositionNumber();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/schools/{a}/posts", new { positionNumber = number, postType = "Teacher", occupant = retiree })).StatusCode);

        var rows = With(PeopleHeader, Person(mover, b), Person(retiree, a, status: "เกษียณ"));
        Assert.Equal((2, 0, 2), await (await admin.ImportAsync(area, "people", ImportFiles.Xlsx(rows), "people.xlsx")).ImportedAsync());

        var people = await PeopleAsync(admin, area);
        Assert.Equal(b, people[mover].GetProperty("school").GetString());
        Assert.Equal("Retired", people[retiree].GetProperty("status").GetString());
        var history = (await (await admin.GetAsync($"/api/v1/people/{mover}/history")).JsonAsync()).EnumerateArray().Select(h => h.GetProperty("event").GetString());
        Assert.Equal(["Moved", "Joined"], history);
        var post = Assert.Single((await (await admin.GetAsync($"/api/v1/schools/{a}/posts")).JsonAsync()).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, post.GetProperty("occupant").ValueKind);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_areas_own_staff_import_people(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var file = ImportFiles.Csv(With(PeopleHeader, Person(Unique.NationalId(), school)));

        var director = await host.UserAsync(Role.SchoolAdmin, area, school);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.ImportAsync(area, "people", file, "p.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.ImportAsync(area, "posts", file, "p.csv")).StatusCode);
        var stranger = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ImportAsync(area, "people", file, "p.csv")).StatusCode);
        Assert.Empty(await PeopleAsync(await host.UserAsync(Role.AreaAdmin, area), area));
    }
}
