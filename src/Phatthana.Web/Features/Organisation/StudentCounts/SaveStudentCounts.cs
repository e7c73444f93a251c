using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.StudentCounts;

public sealed class StudentCountInput
{
    public Grade? Grade { get; set; }
    public int? Boys { get; set; }
    public int? Girls { get; set; }
    public int? Classrooms { get; set; }
}

public sealed record StudentCountDto(Grade Grade, int Boys, int Girls, int Classrooms);

/// <summary>Replaces one school's student counts for one academic year, all rows or none.</summary>
public sealed class SaveStudentCounts(AppDbContext db)
{
    public const int MaxPerGrade = 5000;
    public const int MaxClassrooms = 200;

    public static IReadOnlyList<FieldError> Validate(int academicYear, IReadOnlyList<StudentCountInput?>? rows)
    {
        var checks = new Checks();
        if (!SchoolCalendar.IsPlausibleBuddhistYear(academicYear))
            checks.Add("academicYear", $"{T.AcademicYear}ต้องเป็นปี พ.ศ. (2500–2700)");
        if (rows is null) return checks.Add("", "กรุณาส่งรายการจำนวนนักเรียน").Errors;
        var seen = new HashSet<Grade>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var at = $"[{i}].";
            if (r is null)
            {
                checks.Add($"[{i}]", "แถวว่าง");
                continue;
            }
            checks.Required(r.Grade, at + "grade", T.Grade)
                .Range(r.Boys, 0, MaxPerGrade, at + "boys", $"จำนวนนักเรียน{T.Boys}")
                .Range(r.Girls, 0, MaxPerGrade, at + "girls", $"จำนวนนักเรียน{T.Girls}")
                .Range(r.Classrooms, 0, MaxClassrooms, at + "classrooms", $"จำนวน{T.Classrooms}");
            if (r.Grade is { } g && !seen.Add(g))
                checks.Add(at + "grade", $"ชั้น {T.Label(g)} ซ้ำกับแถวก่อนหน้า");
            if (r.Boys + r.Girls > 0 && r.Classrooms == 0)
                checks.Add(at + "classrooms", $"ชั้น {T.Label(r.Grade ?? default)} มีนักเรียนแต่ไม่มีห้องเรียน");
        }
        return checks.Errors;
    }

    public async Task<Outcome<IReadOnlyList<StudentCountDto>>> ReplaceAsync(School school, int academicYear, IReadOnlyList<StudentCountInput?>? rows, CancellationToken ct = default)
    {
        if (Validate(academicYear, rows) is { Count: > 0 } errors) return Outcome<IReadOnlyList<StudentCountDto>>.Invalid(errors);
        // Replacing a year touches the school row too (its Version), so two replacements racing on the same school
        // cannot interleave: the second is refused as a lost update instead of mixing both sets of rows.
        var owner = await db.Schools.SingleAsync(s => s.Id == school.Id, ct);
        db.Entry(owner).Property(s => s.Version).IsModified = true;
        var existing = await db.StudentCounts.Where(c => c.SchoolId == school.Id && c.AcademicYear == academicYear).ToListAsync(ct);
        var wanted = rows!.Select(r => r!).ToDictionary(r => r.Grade!.Value);
        foreach (var old in existing.Where(e => !wanted.ContainsKey(e.Grade))) db.StudentCounts.Remove(old);
        foreach (var (grade, r) in wanted)
        {
            var row = existing.FirstOrDefault(e => e.Grade == grade);
            if (row is null)
            {
                row = new StudentCount { AreaId = school.AreaId, SchoolId = school.Id, AcademicYear = academicYear, Grade = grade };
                db.StudentCounts.Add(row);
            }
            row.Boys = r.Boys!.Value;
            row.Girls = r.Girls!.Value;
            row.Classrooms = r.Classrooms!.Value;
        }
        var saved = await db.TrySaveAsync(0, "", SaveOutcome.SimultaneousMessage, ct);
        return saved.Succeeded
            ? Outcome<IReadOnlyList<StudentCountDto>>.Ok(ToDtos(wanted.Values))
            : saved.As<IReadOnlyList<StudentCountDto>>();
    }

    /// <summary>The year's rows in grade order (อ.1 … ม.6, ปวช.); grades are stored as text, so they are ordered here.</summary>
    public static async Task<List<StudentCountDto>> ReadAsync(AppDbContext db, Guid schoolId, int academicYear, CancellationToken ct = default) =>
        (await db.StudentCounts.AsNoTracking()
            .Where(c => c.SchoolId == schoolId && c.AcademicYear == academicYear)
            .Select(c => new StudentCountDto(c.Grade, c.Boys, c.Girls, c.Classrooms))
            .ToListAsync(ct))
        .OrderBy(c => c.Grade).ToList();

    private static List<StudentCountDto> ToDtos(IEnumerable<StudentCountInput> rows) =>
        rows.OrderBy(r => r.Grade).Select(r => new StudentCountDto(r.Grade!.Value, r.Boys!.Value, r.Girls!.Value, r.Classrooms!.Value)).ToList();
}
