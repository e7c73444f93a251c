using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// Development done elsewhere — UTQ online, TEPE Online, OBEC e-learning, coupon courses — from the platforms' lists.
/// A row is one person's completion of one course; (person, source, title, date) is its key, so importing the same
/// list again updates the hours, result and cost instead of adding the completion twice. The person must be active
/// on the area's register.
/// </summary>
public sealed class ExternalCompletionsImporter : Importer
{
    public const decimal MaxHours = 1000m;

    public override ImportKind Kind => ImportKind.ExternalCompletions;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("nationalId", "เลขประจำตัวประชาชน", true, "13 หลัก จัดรูปแบบเซลล์เป็นข้อความ", AsText: true, "เลขบัตรประชาชน", "เลขประจำตัวประชาชน 13 หลัก", "national_id"),
        new("source", "แหล่ง/แพลตฟอร์ม", true, string.Join(", ", ExternalSources.Known) + " หรือชื่อผู้จัดอื่น", false, "แหล่ง", "แพลตฟอร์ม", "ระบบ", "platform"),
        new("title", "หลักสูตร", true, "ชื่อหลักสูตรตามที่ระบบต้นทางออกให้", false, "ชื่อหลักสูตร", "course"),
        new("completedOn", "วันที่สำเร็จ", true, "วว/ดด/ปปปป (พ.ศ.) เช่น 15/03/2569 หรือ ปปปป-ดด-วว (ค.ศ.)", AsText: true, "วันที่ผ่าน", "วันที่", "date"),
        new("hours", "ชั่วโมง", true, "จำนวนชั่วโมง มากกว่า 0 ไม่เกิน 1,000", false, "จำนวนชั่วโมง"),
        new("passed", "ผล", false, "ผ่าน หรือ ไม่ผ่าน (เว้นว่าง = ผ่าน)", false, "ผลการพัฒนา", "result"),
        new("cost", "ค่าใช้จ่าย", false, "บาท (หลักสูตรที่ใช้คูปองพัฒนาครู)", false, "ค่าใช้จ่าย (บาท)", "ค่าลงทะเบียน"),
    ];

    private sealed record Pending(Guid PersonId, string Source, string Title, DateOnly CompletedOn, decimal Hours, bool Passed, decimal? Cost, Guid? ExistingId);

    public override async Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct)
    {
        if (!HasRequiredColumns(context, sheet)) return Failed(context);
        var db = context.Db;
        var area = context.Area.Id;
        var people = await db.People.AsNoTracking().Where(p => p.AreaId == area)
            .Select(p => new { p.Id, p.NationalId, p.Status, Name = p.Title + p.FirstName + " " + p.LastName }).ToListAsync(ct);
        var byId = people.GroupBy(p => p.NationalId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Status == PersonStatus.Active).First());
        var existing = (await db.ExternalCompletions.AsNoTracking().Where(e => e.AreaId == area)
                .Select(e => new { e.Id, e.PersonId, e.Source, e.Title, e.CompletedOn }).ToListAsync(ct))
            .GroupBy(e => (e.PersonId, e.Source, e.Title, e.CompletedOn)).ToDictionary(g => g.Key, g => g.First().Id);
        var seen = new Dictionary<(Guid, string, string, DateOnly), int>();
        var pending = new List<Pending>();

        foreach (var row in Rows(context, sheet))
        {
            var firstError = context.Errors.Count;
            Guid? personId = null;
            var rawId = row["nationalId"];
            var nationalId = NationalId.Normalise(rawId);
            if (string.IsNullOrWhiteSpace(rawId)) context.Error(row.Row, "nationalId", "กรุณากรอกเลขประจำตัวประชาชน");
            else if (byId.TryGetValue(nationalId, out var person))
            {
                if (person.Status != PersonStatus.Active)
                    context.Error(row.Row, "nationalId", $"{person.Name} ({NationalId.Format(nationalId)}) มีสถานะ{PersonnelText.Label(person.Status)} — บันทึกผลการพัฒนาได้เฉพาะผู้ที่ปฏิบัติงานอยู่");
                else personId = person.Id;
            }
            else context.Error(row.Row, "nationalId", NationalId.Problem(rawId) ?? $"ไม่พบเลขประจำตัวประชาชน {NationalId.Format(nationalId)} ในทะเบียนบุคลากรของเขตพื้นที่");

            var source = ExternalSources.Normalise(row["source"]);
            if (source is null) context.Error(row.Row, "source", "กรุณากรอกแหล่ง/แพลตฟอร์ม เช่น UTQ online, TEPE Online, คูปองพัฒนาครู");
            else if (source.Length > DataSchema.ShortNameLength) context.Error(row.Row, "source", $"แหล่ง/แพลตฟอร์มยาวเกิน {DataSchema.ShortNameLength} ตัวอักษร");

            var title = Checks.Clean(row["title"]);
            if (title is null) context.Error(row.Row, "title", "กรุณากรอกชื่อหลักสูตร");
            else if (title.Length > DataSchema.NameLength) context.Error(row.Row, "title", $"ชื่อหลักสูตรยาวเกิน {DataSchema.NameLength} ตัวอักษร");

            DateOnly? completedOn = null;
            var dateText = row["completedOn"];
            if (string.IsNullOrWhiteSpace(dateText)) context.Error(row.Row, "completedOn", "กรุณากรอกวันที่สำเร็จ");
            else if (!ThaiDate.TryRead(dateText, out var read))
                context.Error(row.Row, "completedOn", $"วันที่สำเร็จ \"{dateText.Trim()}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป (พ.ศ.) เช่น 15/03/2569 หรือ ปปปป-ดด-วว (ค.ศ.)");
            else if (read.Date > context.Today)
                context.Error(row.Row, "completedOn", $"วันที่สำเร็จ {ThaiDate.Short(read.Date)} อยู่หลังวันนี้");
            else
            {
                completedOn = read.Date;
                if (read.Note("วันที่สำเร็จ") is { } note) context.Note(row.Row, "completedOn", note);
            }

            var hours = ReadDecimal(context, row, "hours", "ชั่วโมง");
            if (hours is { } h && (h <= 0 || h > MaxHours))
            {
                context.Error(row.Row, "hours", $"ชั่วโมง {h:#,0.##} ต้องมากกว่า 0 และไม่เกิน {MaxHours:#,0}");
                hours = null;
            }
            else if (hours is null && !context.Errors.Skip(firstError).Any(e => e.Field == "hours"))
                context.Error(row.Row, "hours", "กรุณากรอกจำนวนชั่วโมง");

            var passed = ReadPassed(context, row);
            var cost = ReadDecimal(context, row, "cost", "ค่าใช้จ่าย");
            if (cost is < 0 or > 1_000_000)
            {
                context.Error(row.Row, "cost", $"ค่าใช้จ่าย {cost:#,0.##} ต้องอยู่ระหว่าง 0 ถึง 1,000,000 บาท");
                cost = null;
            }

            if (context.Errors.Count > firstError || personId is null || source is null || title is null || completedOn is null || hours is null || passed is null) continue;
            var key = (personId.Value, source, title, completedOn.Value);
            if (seen.TryGetValue(key, out var first))
            {
                context.Error(row.Row, "title", $"ผลการพัฒนานี้ (บุคคล แหล่ง หลักสูตร และวันที่เดียวกัน) ซ้ำกับแถว {first} ในไฟล์นี้");
                continue;
            }
            seen[key] = row.Row;
            pending.Add(new Pending(personId.Value, source, title, completedOn.Value, hours.Value, passed.Value, cost,
                existing.TryGetValue(key, out var id) ? id : null));
        }
        if (context.Errors.Count > 0) return Failed(context);

        var (created, updated) = (0, 0);
        var saved = await context.WriteAsync(pending.Count, async writer =>
        {
            foreach (var chunk in pending.Chunk(ImportContext.ChunkSize))
            {
                var ids = chunk.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
                var tracked = ids.Count == 0 ? [] : await db.ExternalCompletions.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
                foreach (var p in chunk)
                {
                    if (p.ExistingId is { } id && tracked.TryGetValue(id, out var completion)) updated++;
                    else
                    {
                        completion = new ExternalCompletion { AreaId = area, PersonId = p.PersonId, Source = p.Source, Title = p.Title, CompletedOn = p.CompletedOn };
                        db.ExternalCompletions.Add(completion);
                        created++;
                    }
                    completion.Hours = p.Hours;
                    completion.Passed = p.Passed;
                    completion.Cost = p.Cost;
                    completion.UpdatedAt = context.Now;
                    await writer.RowDoneAsync(ct);
                }
            }
        }, ct);
        return saved ? new ImportResult(context.Rows, created, updated, [], context.Notes) : Failed(context);
    }

    /// <summary>A number cell ("1,200.50", Thai digits); blank is null, anything else unreadable is an error.</summary>
    private static decimal? ReadDecimal(ImportContext context, SheetRow row, string field, string label)
    {
        var text = row[field];
        if (SheetReader.TryNumber(text, out var value)) return value;
        context.Error(row.Row, field, $"{label} \"{text!.Trim()}\" ต้องเป็นตัวเลข");
        return null;
    }

    /// <summary>ผ่าน/ไม่ผ่าน, true/false, pass/fail, 1/0; blank means passed (the platforms list completions).</summary>
    private static bool? ReadPassed(ImportContext context, SheetRow row)
    {
        var text = row["passed"]?.Trim();
        if (string.IsNullOrEmpty(text)) return true;
        switch (text.ToLowerInvariant())
        {
            case "ผ่าน" or "true" or "pass" or "passed" or "1" or "y" or "yes" or "ใช่" or "สำเร็จ": return true;
            case "ไม่ผ่าน" or "false" or "fail" or "failed" or "0" or "n" or "no" or "ไม่ใช่" or "ไม่สำเร็จ": return false;
            default:
                context.Error(row.Row, "passed", $"ผล \"{text}\" ไม่อยู่ในรายการ — ใช้ ผ่าน หรือ ไม่ผ่าน");
                return null;
        }
    }
}
