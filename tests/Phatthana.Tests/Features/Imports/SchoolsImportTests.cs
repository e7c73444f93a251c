using System.Net;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

public sealed class SchoolsImportTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static async Task<Dictionary<string, JsonElement>> SchoolsAsync(HttpClient client, string area) =>
        (await (await client.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync()).EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_good_file_imports_and_importing_it_again_updates_without_duplicates(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            var (a, b, c) = (Unique.SchoolCode(), Unique.SchoolCode(), Unique.SchoolCode());
            var (smis, obec) = (Unique.SmisCode(), Unique.ObecCode());
            var rows = With(SchoolsHeader,
                School(a, "โรงเรียนบ้านหนองจอก", "ประถมศึกษา", "ท่ายาง", "เครือข่ายท่ายาง 1", smis, obec),
                School(b, "โรงเรียนวัดเขาย้อย", "ขยายโอกาสทางการศึกษา", "เขาย้อย"),
                School(c, "โรงเรียนบ้านลาดวิทยา", "Secondary", "ท่ายาง", "เครือข่ายท่ายาง 1"));
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            Assert.Equal((3, 3, 0), await (await admin.ImportAsync(area, "schools", file, "schools" + format)).ImportedAsync());
            var schools = await SchoolsAsync(admin, area);
            Assert.Equal(new[] { a, b, c }.Order(), schools.Keys.Order());
            Assert.Equal("โรงเรียนบ้านหนองจอก", schools[a].GetProperty("name").GetString());
            Assert.Equal("Primary", schools[a].GetProperty("type").GetString());
            Assert.Equal("ท่ายาง", schools[a].GetProperty("district").GetString());
            Assert.Equal("เครือข่ายท่ายาง 1", schools[a].GetProperty("network").GetString());
            Assert.Equal(smis, schools[a].GetProperty("smisCode").GetString());
            Assert.Equal(obec, schools[a].GetProperty("obecCode").GetString());
            Assert.Equal("ExtendedOpportunity", schools[b].GetProperty("type").GetString());
            Assert.Equal("Secondary", schools[c].GetProperty("type").GetString());
            var districts = (await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("name").GetString());
            Assert.Equal(["ท่ายาง", "เขาย้อย"], districts.Order(StringComparer.Ordinal));

            Assert.Equal((3, 0, 3), await (await admin.ImportAsync(area, "schools", file, "schools" + format)).ImportedAsync());
            Assert.Equal(3, (await SchoolsAsync(admin, area)).Count);
            Assert.Equal(2, (await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync()).GetArrayLength());

            // A changed name in the file updates the school.
            rows[2][1] = "โรงเรียนวัดเขาย้อย (ใหม่)";
            var changed = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);
            Assert.Equal((3, 0, 3), await (await admin.ImportAsync(area, "schools", changed, "schools" + format)).ImportedAsync());
            Assert.Equal("โรงเรียนวัดเขาย้อย (ใหม่)", (await SchoolsAsync(admin, area))[b].GetProperty("name").GetString());
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_row_is_reported_with_its_row_and_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var otherAreasSchool = await host.SchoolAsync(await host.AreaAsync());
        var good = Unique.SchoolCode();
        var rows = With(SchoolsHeader,
            School(good, "โรงเรียนดี", district: "อำเภอใหม่"),
            School("12345", "โรงเรียนรหัสสั้น"),
            School(Unique.SchoolCode(), "โรงเรียนประเภทแปลก", "มหาวิทยาลัย"),
            School(good, "โรงเรียนซ้ำ"),
            School(otherAreasSchool, "โรงเรียนของเขตอื่น"),
            School(Unique.SchoolCode(), "", district: ""));

        foreach (var (content, name) in ImportFiles.BothFormats(rows, "schools"))
        {
            var errors = await (await admin.ImportAsync(area, "schools", content, name)).ImportErrorsAsync();
            Assert.Equal([(3, "code"), (4, "type"), (5, "code"), (6, "code"), (7, "name"), (7, "district")],
                errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("10 หลัก", errors[0].Message);
            Assert.Contains("มหาวิทยาลัย", errors[1].Message);
            Assert.Contains("แถว 2", errors[2].Message);
            Assert.Contains("เขตพื้นที่อื่น", errors[3].Message);
        }
        Assert.Empty(await SchoolsAsync(admin, area));
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Json_field_names_work_as_headers_and_a_title_row_above_the_header_is_fine(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var (a, b) = (Unique.SchoolCode(), Unique.SchoolCode());
        object?[][] rows =
        [
            ["ข้อมูลสถานศึกษา สพป.ทดสอบ ปีการศึกษา 2568"],
            [],
            SchoolsJsonHeader,
            School(a, "โรงเรียนหัวข้อ", "Primary", "ชะอำ"),
            School(b, "โรงเรียนหัวข้อสอง", "ExtendedOpportunity", "ชะอำ"),
        ];
        Assert.Equal((2, 2, 0), await (await admin.ImportAsync(area, "schools", ImportFiles.Xlsx(rows), "schools.xlsx")).ImportedAsync());
        Assert.Equal(new[] { a, b }.Order(), (await SchoolsAsync(admin, area)).Keys.Order());

        // Row numbers count the title rows and the blank row, as Excel shows them.
        rows[4][2] = "Kindergarten";
        foreach (var (content, name) in ImportFiles.BothFormats(rows, "schools"))
        {
            var errors = await (await admin.ImportAsync(area, "schools", content, name)).ImportErrorsAsync();
            Assert.Equal([(5, "type")], errors.Select(e => (e.Row ?? 0, e.Field)));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_the_areas_own_staff_import_schools(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var file = ImportFiles.Csv(With(SchoolsHeader, School(Unique.SchoolCode(), "โรงเรียนใหม่")));

        var director = await host.UserAsync(Role.SchoolAdmin, area, school);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.ImportAsync(area, "schools", file, "s.csv")).StatusCode);
        var supervisor = await host.UserAsync(Role.Supervisor, area);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.ImportAsync(area, "schools", file, "s.csv")).StatusCode);
        var stranger = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ImportAsync(area, "schools", file, "s.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().ImportAsync(area, "schools", file, "s.csv")).StatusCode);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.ImportAsync(area, "pupils", file, "s.csv")).StatusCode);
        Assert.Single(await SchoolsAsync(admin, area));
    }
}
