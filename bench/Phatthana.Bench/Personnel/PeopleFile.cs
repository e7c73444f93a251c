using MiniExcelLibs;
using Phatthana.Web.Features.Imports;
using Phatthana.Web.Shared.Thai;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Bench.Personnel;

/// <summary>
/// The .xlsx an office would upload: the people import's Thai headers (as in its template), national IDs and codes as
/// text, dates as วว/ดด/ปปปป (พ.ศ.), values as their Thai labels. Written with MiniExcel, row by row.
/// </summary>
public static class PeopleFile
{
    public static void Write(Stream stream, BenchArea area, int count, DateOnly today, int seed)
    {
        var headers = new PeopleImporter().Columns.ToDictionary(c => c.Field, c => c.Header);
        stream.SaveAs(Rows(headers, area, count, today, seed), sheetName: "ข้อมูล");
    }

    public static byte[] Bytes(BenchArea area, int count, DateOnly today, int seed)
    {
        using var buffer = new MemoryStream();
        Write(buffer, area, count, today, seed);
        return buffer.ToArray();
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(Dictionary<string, string> h, BenchArea area, int count, DateOnly today, int seed)
    {
        foreach (var p in SamplePeople.Generate(count, area.Schools, today, seed))
            yield return new Dictionary<string, object?>
            {
                [h["nationalId"]] = p.NationalId,
                [h["title"]] = p.Title,
                [h["firstName"]] = p.FirstName,
                [h["lastName"]] = p.LastName,
                [h["gender"]] = T.Label(p.Gender),
                [h["birthDate"]] = Thai(p.BirthDate),
                [h["position"]] = T.Label(p.Position),
                [h["academicStanding"]] = p.Standing is { } s ? T.Label(s) : null,
                [h["major"]] = p.Major is { } m ? T.Label(m) : null,
                [h["teachingSubjectAreas"]] = p.Subjects.Length == 0 ? null : string.Join("; ", p.Subjects.Select(T.Label)),
                [h["school"]] = p.School is { } i ? area.SchoolCode(i) : null,
                [h["division"]] = p.Division,
                [h["startDate"]] = Thai(p.StartDate),
                [h["status"]] = p.Status is { } st ? T.Label(st) : null,
                [h["effectiveDate"]] = p.EffectiveDate is { } e ? Thai(e) : null,
            };
    }

    /// <summary>"15/06/2528": day/month/Buddhist-era year, as offices type dates.</summary>
    private static string Thai(DateOnly d) => $"{d.Day:00}/{d.Month:00}/{ThaiDate.ToBuddhistYear(d.Year)}";
}
