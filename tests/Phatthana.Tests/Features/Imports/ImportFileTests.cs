using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workbook = Phatthana.Tests.Infrastructure.Workbook;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

/// <summary>The file itself: what is not a spreadsheet, too big, empty or old; and the templates to start from.</summary>
public sealed class ImportFileTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static byte[] ZipWithoutWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open()))
            entry.Write("ไม่ใช่สมุดงาน");
        return stream.ToArray();
    }

    /// <summary>A CSV just over 21 MB: the header and one good row, then padding rows.</summary>
    private static byte[] HugeCsv(string school)
    {
        var head = ImportFiles.Csv(With(PeopleHeader, Person(Unique.NationalId(), school)));
        var filler = Encoding.UTF8.GetBytes(new string(',', 12) + "\r\n");
        var content = new byte[21 * 1024 * 1024 + 10];
        head.CopyTo(content, 0);
        for (var i = head.Length; i + filler.Length <= content.Length; i += filler.Length) filler.CopyTo(content, i);
        return content;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_that_is_not_a_good_spreadsheet_is_422_on_file_with_a_thai_reason_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var good = ImportFiles.Xlsx(With(PeopleHeader, Person(Unique.NationalId(), school)));

        var cases = new (byte[] Content, string Name, string Says)[]
        {
            (Png, "people.xlsx", "ไม่ใช่ Excel"),
            (Encoding.UTF8.GetBytes("เลขประจำตัวประชาชน,ชื่อ\n3100600445635,สมศรี\n"), "people.xlsx", "ไม่ใช่ Excel"),
            (ZipWithoutWorkbook(), "people.xlsx", "อ่านไฟล์"),
            (good[..(good.Length / 2)], "people.xlsx", "อ่านไฟล์"),
            (Png, "people.csv", "หัวตาราง"),
            ([], "people.xlsx", "0 ไบต์"),
            ([], "people.csv", "0 ไบต์"),
            (good, "people.xls", ".xls"),
            (good, "people.pdf", ".xlsx หรือ .csv"),
            (HugeCsv(school), "people.csv", "MB"),
            (Encoding.UTF8.GetBytes("\r\n,,,\r\n"), "people.csv", "ไม่มีข้อมูล"),
        };
        foreach (var (content, name, says) in cases)
        {
            var errors = await (await admin.ImportAsync(area, "people", content, name)).ImportErrorsAsync();
            var error = Assert.Single(errors);
            Assert.Equal("file", error.Field);
            Assert.Contains(says, error.Message);
        }

        // No file, or no form at all.
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        Assert.Equal(["file"], await (await admin.PostAsync($"/api/v1/areas/{area}/imports/people", noFile)).ErrorFieldsAsync());
        Assert.Equal(["file"], await (await admin.PostAsync($"/api/v1/areas/{area}/imports/people", new StringContent("{}", Encoding.UTF8, "application/json"))).ErrorFieldsAsync());
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/areas/{area}/people")).JsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_without_a_required_column_names_the_column_on_the_header_row(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var position = Array.IndexOf(PeopleHeader, "ตำแหน่ง");
        static object?[] Without(object?[] row, int column) => [.. row.Where((_, i) => i != column)];
        object?[][] rows = [["รายชื่อครู"], Without(PeopleHeader, position), Without(Person(Unique.NationalId(), school), position)];

        var error = Assert.Single(await (await admin.ImportAsync(area, "people", ImportFiles.Csv(rows), "people.csv")).ImportErrorsAsync());
        Assert.Equal((2, "position"), (error.Row, error.Field));
        Assert.Contains("ตำแหน่ง", error.Message);
    }

    private static readonly (string Kind, string[] Headers, string TextColumn, string NumberColumn)[] Kinds =
    [
        ("schools", ["รหัสสถานศึกษา (10 หลัก) *", "ชื่อสถานศึกษา *", "ประเภทสถานศึกษา *", "อำเภอ *", "กลุ่มเครือข่าย", "รหัส SMIS (8 หลัก)", "รหัส OBEC (6 หลัก)"],
            "รหัส OBEC (6 หลัก)", "ชื่อสถานศึกษา *"),
        ("people", ["เลขประจำตัวประชาชน *", "คำนำหน้าชื่อ *", "ชื่อ *", "นามสกุล *", "เพศ", "วันเกิด", "ตำแหน่ง *", "วิทยฐานะ", "วิชาเอก", "กลุ่มสาระที่สอน",
            "ระดับชั้นที่สอน", "รหัสสถานศึกษา", "กลุ่มงาน", "วันที่เริ่มปฏิบัติงาน", "สถานะ", "วันที่มีผล"], "เลขประจำตัวประชาชน *", "ตำแหน่ง *"),
        ("posts", ["รหัสสถานศึกษา *", "เลขที่ตำแหน่ง *", "ประเภทอัตรา *", "เลขประจำตัวประชาชนผู้ครอง"], "เลขประจำตัวประชาชนผู้ครอง", "ประเภทอัตรา *"),
        ("student-counts", ["school_id", "ชั้น/เพศ *", "ชาย *", "หญิง *", "รวม", "ห้องเรียน *"], "school_id", "ชาย *"),
    ];

    public static TheoryData<DatabaseProvider, string> Templates()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>()) foreach (var kind in Kinds) data.Add(provider, kind.Kind);
        return data;
    }

    [Theory, MemberData(nameof(Templates))]
    public async Task Each_template_has_the_thai_header_row_and_keeps_ids_as_text(DatabaseProvider provider, string kind)
    {
        var (_, headers, textColumn, numberColumn) = Kinds.Single(k => k.Kind == kind);
        var host = await Host(provider);
        var teacher = await host.UserAsync(Role.Teacher, await host.AreaAsync());
        var response = await teacher.GetAsync($"/api/v1/imports/{kind}/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var rows = Workbook.Read(bytes);
        Assert.Equal(headers, rows[0].Select(c => c?.ToString()));
        Assert.Single(rows);

        // Columns of codes and IDs are formatted as text ("@", number format 49), so Excel keeps leading zeros and all 13 digits.
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var book = doc.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["ข้อมูล", "คำอธิบาย"], sheets.Select(s => s.Name!.Value));
        var data = (WorksheetPart)book.GetPartById(sheets[0].Id!.Value!);
        var formats = book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var text = data.Worksheet.Descendants<Column>().Where(c => formats[(int)(c.Style?.Value ?? 0)].NumberFormatId?.Value == 49)
            .Select(c => headers[(int)c.Min!.Value - 1]).ToList();
        Assert.Contains(textColumn, text);
        Assert.DoesNotContain(numberColumn, text);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_people_template_filled_in_imports_and_an_unknown_template_is_404(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var template = Workbook.Read(await (await admin.GetAsync("/api/v1/imports/people/template")).Content.ReadAsByteArrayAsync());
        var id = Unique.NationalId();
        object?[] row = [id, "นาย", "แม่แบบ", "ทดลอง", "ชาย", "01/02/2530", "ครู", "ไม่มีวิทยฐานะ", "คณิตศาสตร์", "คณิตศาสตร์", "ประถมศึกษา", school, null, "16/05/2555", null, null];

        // Staff of the area office work in a division instead of a school.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/divisions", new { name = "กลุ่มบริหารงานบุคคล" })).StatusCode);
        var officer = Unique.NationalId();
        object?[] office = [officer, "นาง", "สำนักงาน", "เขต", null, "03/03/2525", "บุคลากรทางการศึกษาอื่น", "ชำนาญการ", null, null, null, null, "กลุ่มบริหารงานบุคคล", "01/10/2550", null, null];

        var response = await admin.ImportAsync(area, "people", ImportFiles.Xlsx([template[0], row, office]), "template-people.xlsx");
        Assert.Equal((2, 2, 0), await response.ImportedAsync());
        var person = await (await admin.GetAsync($"/api/v1/people/{id}")).JsonAsync();
        Assert.Equal("1987-02-01", person.GetProperty("birthDate").GetString());
        Assert.Equal("Mathematics", person.GetProperty("major").GetString());
        Assert.Equal("Primary", person.GetProperty("teachingLevel").GetString());
        var staff = await (await admin.GetAsync($"/api/v1/people/{officer}")).JsonAsync();
        Assert.Equal("กลุ่มบริหารงานบุคคล", staff.GetProperty("division").GetString());
        Assert.Equal("EducationalPersonnel", staff.GetProperty("position").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, staff.GetProperty("school").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/imports/pupils/template")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/v1/imports/people/template")).StatusCode);
    }
}
