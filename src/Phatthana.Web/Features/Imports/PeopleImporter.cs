using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// The personnel registry from a file. A row's national ID is its key: a person already on file is updated (their
/// history records what changed), a new one is added. Someone whose status becomes transferred or retired leaves
/// their post vacant.
/// </summary>
public sealed class PeopleImporter : Importer
{
    public override ImportKind Kind => ImportKind.People;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("nationalId", T.NationalIdLabel, true, "13 หลัก จัดรูปแบบเซลล์เป็นข้อความ", AsText: true, "เลขบัตรประชาชน", "เลขประจำตัวประชาชน 13 หลัก"),
        new("title", T.Title, true, string.Join(", ", T.Titles.Select(t => t.Title)), false, "คำนำหน้า"),
        new("firstName", T.FirstName, true, ""),
        new("lastName", T.LastName, true, "", false, "สกุล"),
        new("gender", T.GenderLabel, false, "ชาย/หญิง (เว้นได้ถ้าคำนำหน้าบอกเพศ)"),
        new("birthDate", T.BirthDate, false, "วว/ดด/ปปปป เป็น พ.ศ. เช่น 15/06/2528", AsText: true, "วันเดือนปีเกิด"),
        new("position", T.PositionLabel, true, string.Join(", ", Enum.GetValues<Position>().Select(T.Label))),
        new("academicStanding", T.StandingLabel, false, string.Join(", ", Enum.GetValues<AcademicStanding>().Select(T.Label))),
        new("major", T.Major, false, "กลุ่มสาระตามวุฒิ เช่น คณิตศาสตร์", false, "วิชาเอก/วุฒิ"),
        new("teachingSubjectAreas", T.TeachingSubjectAreas, false, "หลายกลุ่มสาระคั่นด้วย ; เช่น ภาษาไทย; สังคมศึกษา", false, "กลุ่มสาระการเรียนรู้ที่สอน"),
        new("teachingLevel", T.TeachingLevelLabel, false, string.Join(", ", Enum.GetValues<TeachingLevel>().Select(T.Label)) + " (ระดับที่สอนเป็นหลัก; เว้นว่าง = ไม่ระบุ)",
            false, "ระดับชั้น", "ระดับที่สอน", "ระดับการสอน", "ช่วงชั้นที่สอน"),
        new("school", "รหัสสถานศึกษา", false, "รหัส 10 หลัก, SMIS 8 หลัก หรือ OBEC 6 หลัก (จัดรูปแบบเป็นข้อความ)", AsText: true, "school_id", "รหัสโรงเรียน"),
        new("division", T.Division, false, "สำหรับบุคลากรใน สพท. ที่ไม่ได้อยู่สถานศึกษา"),
        new("startDate", T.StartDate, false, "วว/ดด/ปปปป (พ.ศ.)", AsText: true, "วันที่บรรจุ", "วันเริ่มปฏิบัติงาน"),
        new("status", T.StatusLabel, false, string.Join(", ", Enum.GetValues<PersonStatus>().Select(T.Label)) + " (เว้นว่าง: คนใหม่ = ปฏิบัติงานอยู่, คนที่มีในทะเบียนแล้ว = คงสถานะเดิม)"),
        new("effectiveDate", T.StatusDate, false, "วันที่ย้าย/เกษียณ/เปลี่ยนตำแหน่งมีผล (พ.ศ.)", AsText: true, "statusDate"),
    ];

    private sealed record Pending(int Row, PersonValues Values, Guid? ExistingId);

    public override async Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct)
    {
        if (!HasRequiredColumns(context, sheet)) return Failed(context);
        var db = context.Db;
        var places = new Workplaces(await SchoolFinder.ForAreaAsync(db, context.Area.Id, ct), await SavePerson.DivisionsAsync(db, context.Area.Id, ct));
        var existing = await db.People.AsNoTracking().Where(p => p.AreaId == context.Area.Id)
            .Select(p => new { p.NationalId, p.Id }).ToDictionaryAsync(p => p.NationalId, p => p.Id, ct);
        var seen = new Dictionary<string, int>();
        var pending = new List<Pending>();

        foreach (var row in Rows(context, sheet))
        {
            var firstError = context.Errors.Count;
            var ok = TryEnum<Gender>(context, row, "gender", T.GenderLabel, T.Label, T.Synonyms, out var gender)
                   & TryEnum<Position>(context, row, "position", T.PositionLabel, T.Label, T.Synonyms, out var position)
                   & TryEnum<AcademicStanding>(context, row, "academicStanding", T.StandingLabel, T.Label, T.Synonyms, out var standing)
                   & TryEnum<SubjectArea>(context, row, "major", T.Major, T.Label, T.Synonyms, out var major)
                   & TryEnum<PersonStatus>(context, row, "status", T.StatusLabel, T.Label, T.Synonyms, out var status)
                   & TrySubjects(context, row, out var subjects);
            var input = new PersonInput
            {
                NationalId = row["nationalId"], Title = row["title"], FirstName = row["firstName"], LastName = row["lastName"],
                Gender = gender, BirthDate = row["birthDate"], Position = position, AcademicStanding = standing, Major = major,
                TeachingSubjectAreas = subjects, TeachingLevel = row["teachingLevel"], School = row["school"], Division = row["division"], StartDate = row["startDate"],
                Status = status, EffectiveDate = row["effectiveDate"],
            };
            var (values, errors, notes) = PersonRules.Read(input, places, context.Today);
            // An unknown position is reported once, not again as missing.
            context.AddRowErrors(row.Row, firstError, errors);
            foreach (var n in notes) context.Note(row.Row, "", n);
            if (values is null || !ok) continue;
            if (seen.TryGetValue(values.NationalId, out var first))
            {
                context.Error(row.Row, "nationalId", $"{T.NationalIdLabel} {NationalId.Format(values.NationalId)} ซ้ำกับแถว {first} ในไฟล์นี้");
                continue;
            }
            seen[values.NationalId] = row.Row;
            pending.Add(new Pending(row.Row, values, existing.TryGetValue(values.NationalId, out var id) ? id : null));
        }
        if (context.Errors.Count > 0) return Failed(context);

        var keepsLevel = !sheet.Has("teachingLevel");
        var (created, updated) = (0, 0);
        var ok2 = await context.WriteAsync(pending.Count, async writer =>
        {
            foreach (var chunk in pending.Chunk(ImportContext.ChunkSize))
            {
                var ids = chunk.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
                var tracked = ids.Count == 0 ? [] : await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var left = new List<Guid>();
                foreach (var p in chunk)
                {
                    if (p.ExistingId is { } id && tracked.TryGetValue(id, out var person))
                    {
                        // A file made before the level column existed says nothing about it: keep what is on file.
                        var values = keepsLevel ? p.Values with { TeachingLevel = person.TeachingLevel } : p.Values;
                        if (PersonRules.Apply(person, values, false, context.Today, context.Now, h => db.PersonHistory.Add(h), "นำเข้าจากไฟล์")) left.Add(person.Id);
                        updated++;
                    }
                    else
                    {
                        person = new Person { AreaId = context.Area.Id, NationalId = "", Title = "", FirstName = "", LastName = "" };
                        PersonRules.Apply(person, p.Values, true, context.Today, context.Now, h => db.PersonHistory.Add(h), "นำเข้าจากไฟล์");
                        db.People.Add(person);
                        created++;
                    }
                    await writer.RowDoneAsync(ct);
                }
                if (left.Count > 0)
                    foreach (var post in await db.Posts.Where(x => x.OccupantId != null && left.Contains(x.OccupantId.Value)).ToListAsync(ct))
                        post.OccupantId = null;
            }
        }, ct);
        return ok2 ? new ImportResult(context.Rows, created, updated, [], context.Notes) : Failed(context);
    }

    /// <summary>"ภาษาไทย; คณิตศาสตร์" → the subject areas; every unknown name is reported.</summary>
    private static bool TrySubjects(ImportContext context, SheetRow row, out List<SubjectArea>? subjects)
    {
        subjects = null;
        var text = row["teachingSubjectAreas"];
        if (string.IsNullOrWhiteSpace(text)) return true;
        subjects = [];
        var ok = true;
        foreach (var part in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumText.TryParse(part, T.Label, out SubjectArea area, T.Synonyms)) subjects.Add(area);
            else
            {
                context.Error(row.Row, "teachingSubjectAreas", $"{T.TeachingSubjectAreas} \"{part}\" ไม่อยู่ในรายการ — {EnumText.Allowed<SubjectArea>(T.Label)}");
                ok = false;
            }
        }
        return ok;
    }
}
