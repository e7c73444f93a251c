using System.Net;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Features.Imports.StudentCountsImportTests;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

/// <summary>Edges of the import API: a header with no rows, a director's own school, filters that do not bind.</summary>
public sealed class ImportEdgesTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_with_a_header_and_no_rows_is_refused_for_every_kind(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        foreach (var (kind, header) in new[] { ("schools", SchoolsHeader), ("people", PeopleHeader), ("posts", PostsHeader), ("student-counts", CountsHeader) })
        {
            var errors = await (await admin.ImportAsync(area, kind, ImportFiles.Csv([header]), "empty.csv", "academicYear=2568")).ImportErrorsAsync();
            var error = Assert.Single(errors);
            Assert.Equal("file", error.Field);
            Assert.Contains("ไม่มีแถวข้อมูล", error.Message);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_imports_their_schools_emis_table_without_naming_the_school(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var own = await host.SchoolAsync(area);
        var director = await host.UserAsync(Role.SchoolAdmin, area, own);
        var emis = ImportFiles.Xlsx(With(EmisHeader, ["ป.1", 10, 11, 21, 1], ["ป.2", 9, 8, 17, 1], ["รวมประถม", 19, 19, 38, 2]));

        Assert.Equal((3, 2, 0), await (await director.ImportAsync(area, "student-counts", emis, "emis.xlsx", "academicYear=2568")).ImportedAsync());
        Assert.Equal(["P1 10/11/1", "P2 9/8/1"], await CountsAsync(await host.UserAsync(Role.AreaAdmin, area), own, 2568));
        // Area staff have no school of their own: the same file needs ?school= from them.
        var errors = await (await (await host.UserAsync(Role.AreaAdmin, area)).ImportAsync(area, "student-counts", emis, "emis.xlsx", "academicYear=2569")).ImportErrorsAsync();
        Assert.Equal("school", Assert.Single(errors).Field);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_filter_value_that_is_not_in_its_list_is_422_naming_the_parameter(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        foreach (var (query, field) in new[] { ("people?position=Wizard", "position"), ("people?subject=Cooking", "subject"), ("data-quality?days=abc", "days") })
        {
            var response = await admin.GetAsync($"/api/v1/areas/{area}/{query}");
            Assert.Equal([field], await response.ErrorFieldsAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/areas/{area}/people?position=Teacher")).StatusCode);
    }
}
