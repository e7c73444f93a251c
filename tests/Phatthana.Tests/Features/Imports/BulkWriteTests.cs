using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Imports;
using Phatthana.Web.Features.Personnel;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

/// <summary>
/// An import writes new rows itself (COPY on PostgreSQL, one prepared INSERT on SQLite) instead of through SaveChanges.
/// What it stores and audits must be what SaveChanges would: the same columns, the same audit entries, the same refusals.
/// </summary>
public sealed class BulkWriteTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task An_imported_person_is_stored_and_audited_as_one_saved_through_the_api(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var admin = await host.BearerAsync(email, AppHost.Password);
        var (viaApi, viaFile) = (Unique.NationalId(), Unique.NationalId());
        var body = new
        {
            nationalId = viaApi, title = "นาง", firstName = "สมศรี", lastName = "ใจดี", birthDate = "1985-06-15", position = "Teacher",
            academicStanding = "Professional", major = "Thai", teachingSubjectAreas = new[] { "Thai", "SocialStudies" }, school, startDate = "2010-05-16",
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body)).StatusCode);
        var file = ImportFiles.Xlsx(With(PeopleHeader, Person(viaFile, school)));
        Assert.Equal((1, 1, 0), await (await admin.ImportAsync(area, "people", file, "people.xlsx")).ImportedAsync());

        var (api, imported) = await host.WithDbAsync(async db =>
        {
            var people = await db.People.AsNoTracking().Where(p => p.NationalId == viaApi || p.NationalId == viaFile).ToListAsync();
            return (people.Single(p => p.NationalId == viaApi), people.Single(p => p.NationalId == viaFile));
        });
        // Every stored column but the keys and the moment of writing is the same either way.
        Assert.Equal(Comparable(api, viaApi), Comparable(imported, viaFile));
        Assert.Equal([SubjectArea.Thai, SubjectArea.SocialStudies], imported.TeachingSubjectAreas);
        Assert.True(imported.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        var audits = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(Person) && (a.EntityKey == api.Id.ToString() || a.EntityKey == imported.Id.ToString())).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(email, a.UserName));
        var after = audits.ToDictionary(a => a.EntityKey, a => JsonDocument.Parse(a.After!).RootElement);
        var apiAfter = after[api.Id.ToString()];
        var fileAfter = after[imported.Id.ToString()];
        Assert.Equal(apiAfter.EnumerateObject().Select(p => p.Name), fileAfter.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[\"Thai\",\"SocialStudies\"]", fileAfter.GetProperty("TeachingSubjectAreas").GetRawText());
        Assert.Equal("Teacher", fileAfter.GetProperty("Position").GetString());
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(PersonHistory) && a.After!.Contains(imported.Id.ToString()))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_row_the_database_refuses_in_a_later_chunk_leaves_nothing_of_the_earlier_ones(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var taken = await host.PersonAsync(area, school);
        // 1,500 new people written as an import writes them (chunks of 1,000, one transaction); the 1,200th carries an ID
        // already on file, as another user's save between the check and the write would leave it. The database refuses
        // the second chunk and the first goes with it.
        var (ok, errors) = await host.WithDbAsync(async db =>
        {
            var areaRow = await db.Areas.SingleAsync(a => a.Code == area);
            var schoolId = await db.Schools.Where(s => s.Code == school).Select(s => s.Id).SingleAsync();
            var context = new ImportContext(db, areaRow, null, null, DateOnly.FromDateTime(DateTime.Today), DateTimeOffset.UtcNow, NoProgress.Instance);
            var written = await context.WriteAsync(1_500, async writer =>
            {
                for (var i = 0; i < 1_500; i++)
                {
                    db.People.Add(new Person
                    {
                        AreaId = areaRow.Id, SchoolId = schoolId, NationalId = i == 1_199 ? taken : Unique.NationalId(),
                        Title = "นาง", FirstName = $"ครู{i}", LastName = "ชุดใหญ่", Position = Position.Teacher,
                    });
                    await writer.RowDoneAsync(CancellationToken.None);
                }
            }, CancellationToken.None);
            return (written, context.Errors.ToList());
        });
        Assert.False(ok);
        Assert.Contains("ไม่มีการบันทึกข้อมูลใด", Assert.Single(errors).Message);
        Assert.Equal(0, await host.WithDbAsync(db => db.People.CountAsync(p => p.LastName == "ชุดใหญ่" && db.Areas.Any(a => a.Id == p.AreaId && a.Code == area))));
        Assert.Equal(0, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Person) && a.After!.Contains("ชุดใหญ่"))));
    }

    private static object Comparable(Person p, string id) => new
    {
        Id = p.NationalId == id, p.Title, p.FirstName, p.LastName, p.Gender, p.BirthDate, p.Position, p.AcademicStanding, p.Major,
        Subjects = string.Join(",", p.TeachingSubjectAreas), p.SchoolId, p.DivisionId, p.StartDate, p.Status, p.StatusDate, p.Version,
    };
}
