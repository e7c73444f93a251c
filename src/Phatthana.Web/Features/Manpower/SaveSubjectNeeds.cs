using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using P = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>Replaces a school's needs per subject area for one year: all rows or none (a bad row saves nothing).</summary>
public sealed class SaveSubjectNeeds(AppDbContext db)
{
    public const int MaxNeeded = 200;

    public static IReadOnlyList<FieldError> Validate(int academicYear, IReadOnlyList<SubjectNeedInput?>? rows)
    {
        var checks = new Checks();
        if (!SchoolCalendar.IsPlausibleBuddhistYear(academicYear)) checks.Add("academicYear", "ปีการศึกษาต้องเป็นปี พ.ศ. (2500–2700)");
        if (rows is null) return checks.Add("", "กรุณาส่งรายการความต้องการครูรายกลุ่มสาระ").Errors;
        var seen = new HashSet<SubjectArea>();
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"[{i}].";
            if (rows[i] is not { } r)
            {
                checks.Add($"[{i}]", "แถวว่าง");
                continue;
            }
            checks.Required(r.SubjectArea, at + "subjectArea", "กลุ่มสาระ")
                .Range(r.Needed, 0, MaxNeeded, at + "needed", "จำนวนครูที่ต้องการ")
                .Text(r.Note, at + "note", "หมายเหตุ", DataSchema.NameLength, required: false);
            if (r.SubjectArea is { } s && !Enum.IsDefined(s)) checks.Add(at + "subjectArea", "ไม่รู้จักกลุ่มสาระนี้");
            else if (r.SubjectArea is { } subject && !seen.Add(subject)) checks.Add(at + "subjectArea", $"กลุ่มสาระ{P.Label(subject)}ซ้ำกับแถวก่อนหน้า");
        }
        return checks.Errors;
    }

    public const string ChangedMessage = "มีผู้อื่นบันทึกความต้องการครูของโรงเรียนนี้ในปีการศึกษานี้หลังจากที่คุณเปิดไว้ — โหลดหน้าใหม่เพื่อดูข้อมูลล่าสุดแล้วบันทึกอีกครั้ง";

    /// <summary>What a reader saw: the last change of the school's needs for the year (0 when there are none).</summary>
    public static long Stamp(IEnumerable<SubjectNeed> needs) => needs.Select(n => n.UpdatedAt.UtcTicks).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Replaces the needs. With <paramref name="expectedStamp"/> (the <see cref="Stamp"/> the form or the ETag carried),
    /// a save over someone else's newer save is a 409 instead of silently winning.
    /// </summary>
    public async Task<Outcome<int>> ReplaceAsync(School school, int academicYear, IReadOnlyList<SubjectNeedInput?>? rows, long? expectedStamp = null, CancellationToken ct = default)
    {
        if (Validate(academicYear, rows) is { Count: > 0 } errors) return Outcome<int>.Invalid(errors);
        // Touch the school's version so two replacements of the same school cannot interleave.
        var owner = await db.Schools.SingleAsync(s => s.Id == school.Id, ct);
        db.Entry(owner).Property(s => s.Version).IsModified = true;
        var existing = await db.SubjectNeeds.Where(n => n.SchoolId == school.Id && n.AcademicYear == academicYear).ToListAsync(ct);
        if (expectedStamp is { } expected && expected != Stamp(existing)) return Outcome<int>.Duplicate("", ChangedMessage);
        // A row of 0 with no note is the same as no row: the school needs none of that subject beyond what it has said.
        var wanted = rows!.Select(r => r!).Where(r => r.Needed > 0 || Checks.Clean(r.Note) is not null).ToDictionary(r => r.SubjectArea!.Value);
        foreach (var old in existing.Where(e => !wanted.ContainsKey(e.SubjectArea))) db.SubjectNeeds.Remove(old);
        foreach (var (subject, r) in wanted)
        {
            var row = existing.FirstOrDefault(e => e.SubjectArea == subject);
            if (row is null)
            {
                row = new SubjectNeed { AreaId = school.AreaId, SchoolId = school.Id, AcademicYear = academicYear, SubjectArea = subject };
                db.SubjectNeeds.Add(row);
            }
            row.Needed = r.Needed!.Value;
            row.Note = Checks.Clean(r.Note);
        }
        var saved = await db.TrySaveAsync(0, "", SaveOutcome.SimultaneousMessage, ct);
        return saved.Succeeded ? Outcome<int>.Ok(wanted.Count) : saved.As<int>();
    }
}
