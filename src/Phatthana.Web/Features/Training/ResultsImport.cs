using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Training;

/// <summary>A line of the results sheet (the template people fill in and upload).</summary>
public sealed record ResultSheetRow(string NationalId, string Name, string? School, string? Attended, decimal? Hours, decimal? PreTest, decimal? PostTest);

/// <summary>
/// A session's results from an .xlsx or .csv file — the template the results page gives, or any sheet with the same
/// headings. Every row is read and checked first; one bad row saves nothing, and every problem is reported with its row
/// number. A person is found by national ID, or, where the ID in the file is masked (the role downloading the template
/// does not see full IDs), by the masked ID together with the full name, among the session's registered people.
/// </summary>
public sealed class ResultsImport(AppDbContext db, Registrations registrations)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["เลขประจำตัวประชาชน"] = "nationalId", ["เลขบัตรประชาชน"] = "nationalId", ["national id"] = "nationalId", ["nationalId"] = "nationalId",
        ["ชื่อ-นามสกุล"] = "name", ["ชื่อ - นามสกุล"] = "name", ["ชื่อ"] = "name", ["name"] = "name",
        ["เข้าร่วม"] = "attended", ["การเข้าร่วม"] = "attended", ["attended"] = "attended",
        ["ชั่วโมง"] = "hours", ["จำนวนชั่วโมง"] = "hours", ["hours"] = "hours",
        ["ก่อนอบรม"] = "preTest", ["คะแนนก่อนอบรม"] = "preTest", ["pre-test"] = "preTest", ["preTest"] = "preTest",
        ["หลังอบรม"] = "postTest", ["คะแนนหลังอบรม"] = "postTest", ["post-test"] = "postTest", ["postTest"] = "postTest",
    };

    /// <summary>The template: one row per seat-holder, with what is recorded so far.</summary>
    public static readonly TableSpec<ResultSheetRow> Template = new("ผลการอบรม",
        new TableColumn<ResultSheetRow>("เลขประจำตัวประชาชน", r => r.NationalId, Width: 20),
        new TableColumn<ResultSheetRow>("ชื่อ-นามสกุล", r => r.Name, Width: 30),
        new TableColumn<ResultSheetRow>("สถานศึกษา", r => r.School, Width: 30),
        new TableColumn<ResultSheetRow>("เข้าร่วม", r => r.Attended, Width: 12),
        new TableColumn<ResultSheetRow>("ชั่วโมง", r => r.Hours, CellKind.Decimal, Width: 10),
        new TableColumn<ResultSheetRow>("ก่อนอบรม", r => r.PreTest, CellKind.Decimal, Width: 12),
        new TableColumn<ResultSheetRow>("หลังอบรม", r => r.PostTest, CellKind.Decimal, Width: 12));

    public async Task<List<ResultSheetRow>> TemplateRowsAsync(TrainingSession session, NationalIdDisclosure disclosure, CancellationToken ct = default) =>
        (await db.Registrations.AsNoTracking().Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered)
            .OrderBy(r => r.Person!.FirstName).ThenBy(r => r.Person!.LastName)
            .Select(r => new { r.Person!.NationalId, r.Person.Title, r.Person.FirstName, r.Person.LastName, School = r.Person.School != null ? r.Person.School.Name : null,
                r.Attended, r.Hours, r.PreTest, r.PostTest })
            .ToListAsync(ct))
        .Select(r => new ResultSheetRow(disclosure.Display(r.NationalId), r.Title + r.FirstName + " " + r.LastName, r.School,
            r.Attended switch { true => "มา", false => "ขาด", null => null }, r.Hours, r.PreTest, r.PostTest))
        .ToList();

    /// <summary>Reads the file and saves every row's result, or nothing; errors name the file's row ("แถว 5: …").</summary>
    public async Task<Outcome<List<Registration>>> RunAsync(TrainingSession session, Stream file, string fileName, CancellationToken ct = default)
    {
        var sheet = SheetReader.Read(file, fileName, Aliases);
        if (!sheet.Readable) return Outcome<List<Registration>>.Invalid([new("file", sheet.Problem!)]);
        var missing = new[] { ("nationalId", "เลขประจำตัวประชาชน"), ("attended", "เข้าร่วม") }.Where(c => !sheet.Headers.Contains(c.Item1)).Select(c => c.Item2).ToList();
        if (missing.Count > 0) return Outcome<List<Registration>>.Invalid([new("file", $"ไม่พบคอลัมน์ {string.Join(", ", missing)} — ใช้แม่แบบผลการอบรมของรุ่นนี้")]);
        if (sheet.Rows.Count == 0) return Outcome<List<Registration>>.Invalid([new("file", "ไฟล์ไม่มีแถวผลการอบรม")]);

        var registered = await db.Registrations.AsNoTracking().Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.Person!.NationalId, Name = r.Person.Title + r.Person.FirstName + " " + r.Person.LastName }).ToListAsync(ct);
        var errors = new List<FieldError>();
        var inputs = new List<ResultInput?>();
        foreach (var row in sheet.Rows)
        {
            var at = $"แถว {row.Row}: ";
            var id = row["nationalId"]?.Trim() ?? "";
            // A masked ID (1-2345-xxxxx-xx-1) is matched with the name among the session's registered people.
            if (id.Contains('x', StringComparison.OrdinalIgnoreCase) && Checks.Clean(row["name"]) is { } name)
            {
                var hits = registered.Where(p => p.Name == name && NationalId.Mask(p.NationalId) == id).ToList();
                if (hits.Count == 1) id = hits[0].NationalId;
            }
            var attended = ReadAttended(row["attended"]);
            if (attended is null && !string.IsNullOrWhiteSpace(row["attended"]))
                errors.Add(new("file", at + $"เข้าร่วม \"{row["attended"]!.Trim()}\" อ่านไม่ได้ — ใช้ มา/ขาด, ✓/✗, 1/0"));
            var hours = Number(row, "hours", "ชั่วโมง", at, errors);
            var pre = Number(row, "preTest", "คะแนนก่อนอบรม", at, errors);
            var post = Number(row, "postTest", "คะแนนหลังอบรม", at, errors);
            inputs.Add(new ResultInput(id, attended, hours, pre, post));
        }
        if (errors.Count > 0) return Outcome<List<Registration>>.Invalid(errors);
        var saved = await registrations.SaveResultsAsync(session, session.Course!, inputs, ct);
        if (saved.Succeeded) return saved;
        // "[3].postTest" → "แถว 7: …" (the file's row).
        return saved.Conflict is not null ? saved : Outcome<List<Registration>>.Invalid(saved.Errors.Select(e => new FieldError("file", RowOf(e, sheet.Rows))).ToList());
    }

    private static string RowOf(FieldError e, IReadOnlyList<SheetRow> rows)
    {
        if (e.Field.StartsWith('[') && e.Field.IndexOf(']') is > 1 and var close && int.TryParse(e.Field[1..close], out var i) && i < rows.Count)
            return $"แถว {rows[i].Row}: {e.Message}";
        return e.Message;
    }

    private static decimal? Number(SheetRow row, string field, string label, string at, List<FieldError> errors)
    {
        if (SheetReader.TryNumber(row[field], out var value)) return value;
        errors.Add(new("file", at + $"{label} \"{row[field]!.Trim()}\" ต้องเป็นตัวเลข"));
        return null;
    }

    /// <summary>มา/ขาด, เข้าร่วม/ไม่เข้าร่วม, ✓/✗, 1/0, yes/no, true/false; anything else (and blank) is null.</summary>
    public static bool? ReadAttended(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "มา" or "เข้าร่วม" or "✓" or "/" or "1" or "y" or "yes" or "true" or "ใช่" => true,
        "ขาด" or "ไม่มา" or "ไม่เข้าร่วม" or "✗" or "0" or "n" or "no" or "false" or "ไม่" or "-" => false,
        _ => null,
    };
}
