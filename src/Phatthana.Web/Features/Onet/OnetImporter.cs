using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Features.Imports;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using T = Phatthana.Web.Features.Onet.OnetText;

namespace Phatthana.Web.Features.Onet;

/// <summary>
/// O-NET results of one academic year in the table offices pass around: <c>รหัสโรงเรียน, โรงเรียน, จน.นร., ไทย, สังคม,
/// อังกฤษ, คณิตศาสตร์, วิทยาศาสตร์, เฉลี่ย</c>, a row per school by its 8-digit code (any of the school's three codes is
/// read), the national row <c>00000000</c> and the area's row (the area's code, or no code and a name of the office,
/// e.g. "สพป.เพชรบุรี เขต 1"). An optional <c>ชั้น</c> column says the grade (ป.6 when absent). Every row is checked
/// first — an unknown school, a score outside 0–100 or not a number refuses the whole file with its row and column — and
/// the year's results of each grade in the file replace what was there, in one transaction. The <c>เฉลี่ย</c> column is
/// compared with the subjects' mean and a difference noted; the mean shown is always computed.
/// </summary>
public sealed class OnetImporter : Importer
{
    public const string NationalCode = "00000000";
    private static readonly OnetSubject[] Subjects = Enum.GetValues<OnetSubject>();

    public override ImportKind Kind => ImportKind.Onet;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("school", "รหัสโรงเรียน", true, "รหัสสถานศึกษา 8 หลัก (SMIS) หรือ 10 หลัก; 00000000 = ค่าเฉลี่ยระดับประเทศ; รหัสเขตหรือเว้นว่างพร้อมชื่อ สพป./สพม. = ค่าเฉลี่ยระดับเขตพื้นที่", AsText: true, "รหัสสถานศึกษา", "school_id", "รหัส"),
        new("name", "โรงเรียน", false, "ชื่อโรงเรียน (ไม่นำเข้า ใช้ตรวจสอบ)", false, "ชื่อโรงเรียน", "สถานศึกษา"),
        new("level", "ชั้น", false, "ป.6, ม.3 หรือ ม.6 — เว้นได้ (ป.6)", false, "ระดับชั้น"),
        new("students", T.Students, false, "จำนวนนักเรียนที่เข้าสอบ", false, "จำนวนนักเรียน", "จน.นักเรียน", "จำนวนผู้เข้าสอบ"),
        new("thai", T.Label(OnetSubject.Thai), false, "คะแนนเฉลี่ย 0–100", false, "ภาษาไทย"),
        new("social", T.Label(OnetSubject.Social), false, "คะแนนเฉลี่ย 0–100", false, "สังคมศึกษา", "สังคมศึกษาฯ"),
        new("english", T.Label(OnetSubject.English), false, "คะแนนเฉลี่ย 0–100", false, "ภาษาอังกฤษ"),
        new("mathematics", T.Label(OnetSubject.Mathematics), false, "คะแนนเฉลี่ย 0–100", false, "คณิต"),
        new("science", T.Label(OnetSubject.Science), false, "คะแนนเฉลี่ย 0–100", false, "วิทยาศาสตร์และเทคโนโลยี"),
        new("mean", T.Mean, false, "ค่าเฉลี่ยรวม (ตรวจสอบกับคะแนนรายวิชา ไม่นำเข้า)", false, "ค่าเฉลี่ย", "เฉลี่ยรวม"),
    ];

    private static string Field(OnetSubject s) => s switch
    {
        OnetSubject.Thai => "thai", OnetSubject.Social => "social", OnetSubject.English => "english",
        OnetSubject.Mathematics => "mathematics", _ => "science",
    };

    private sealed record Parsed(int Row, OnetRowKind Kind, SchoolRef? School, OnetLevel Level, int? Students, Dictionary<OnetSubject, decimal> Scores);

    public override async Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct)
    {
        if (!HasRequiredColumns(context, sheet)) return Failed(context);
        if (!Subjects.Any(s => sheet.Has(Field(s))))
        {
            context.Error(sheet.HeaderRow, "thai", "ไม่พบคอลัมน์คะแนนวิชาใดเลย (ไทย, สังคม, อังกฤษ, คณิตศาสตร์, วิทยาศาสตร์)");
            return Failed(context);
        }
        if (context.AcademicYear is not { } year)
        {
            context.Error(null, "academicYear", "กรุณาระบุปีการศึกษา (พ.ศ.) ของผลสอบ เช่น ?academicYear=2567 หรือเลือกในหน้านำเข้า");
            return Failed(context);
        }

        var schools = await SchoolFinder.ForAreaAsync(context.Db, context.Area.Id, ct);
        var parsed = new List<Parsed>();
        var seen = new Dictionary<(OnetRowKind, Guid?, OnetLevel), int>();
        foreach (var row in Rows(context, sheet))
        {
            var firstError = context.Errors.Count;
            var code = SheetReader.CodeText(row["school"]);
            var name = row["name"]?.Trim() ?? "";
            OnetRowKind kind;
            SchoolRef? school = null;
            if (code == NationalCode || (code.Length == 0 && name.Contains("ประเทศ"))) kind = OnetRowKind.National;
            else if (string.Equals(code, context.Area.Code, StringComparison.OrdinalIgnoreCase) || (code.Length == 0 && IsAreaName(name))) kind = OnetRowKind.Area;
            else
            {
                kind = OnetRowKind.School;
                if (code.Length == 0) context.Error(row.Row, "school", "กรุณากรอกรหัสโรงเรียน");
                else if ((school = schools.Find(code, out var note)) is null) context.Error(row.Row, "school", SchoolFinder.Unknown(code));
                else if (note is not null) context.Note(row.Row, "school", note);
            }
            if (!T.TryLevel(row["level"], out var level))
                context.Error(row.Row, "level", $"ชั้น \"{row["level"]}\" ไม่ใช่ชั้นที่สอบ O-NET — ใช้ ป.6, ม.3 หรือ ม.6");
            // The national row counts the whole country's candidates.
            TryInt(context, row, "students", "จำนวนนักเรียน", 0, 2_000_000, out var students);
            var scores = new Dictionary<OnetSubject, decimal>();
            foreach (var subject in Subjects)
                if (Score(context, row, Field(subject), T.Label(subject)) is { } score) scores[subject] = score;
            var mean = Score(context, row, "mean", T.Mean);
            if (context.Errors.Count > firstError) continue;
            if (scores.Count == 0)
            {
                context.Error(row.Row, "thai", "แถวนี้ไม่มีคะแนนวิชาใดเลย");
                continue;
            }
            var computed = Math.Round(scores.Values.Average(), 2);
            if (mean is { } given && Math.Abs(given - computed) > 0.01m)
                context.Note(row.Row, "mean", $"เฉลี่ย {given:0.00} ในไฟล์ไม่ตรงกับค่าเฉลี่ยของคะแนนรายวิชา ({computed:0.00}) — ระบบใช้ค่าที่คำนวณ");
            var key = (kind, school?.Id, level ?? OnetLevel.P6);
            if (seen.TryGetValue(key, out var first))
            {
                context.Error(row.Row, "school", $"{Describe(kind, school)} ชั้น {T.Label(key.Item3)} ซ้ำกับแถว {first} ในไฟล์นี้");
                continue;
            }
            seen[key] = row.Row;
            parsed.Add(new Parsed(row.Row, kind, school, key.Item3, students, scores));
        }
        foreach (var missing in parsed.Select(p => p.Level).Distinct().Where(l => !parsed.Any(p => p.Level == l && p.Kind == OnetRowKind.National)))
            context.Error(null, "school", $"ไม่พบแถวค่าเฉลี่ยระดับประเทศ (รหัส {NationalCode}) ของชั้น {T.Label(missing)} — ต้องมีเพื่อเทียบผลของโรงเรียน");
        if (context.Errors.Count > 0) return Failed(context);

        var levels = parsed.Select(p => p.Level).Distinct().ToList();
        var (created, updated) = (0, 0);
        var saved = await context.WriteAsync(parsed.Count, async writer =>
        {
            var db = writer.Db;
            var existing = await db.OnetScores.Where(o => o.AreaId == context.Area.Id && o.AcademicYear == year && levels.Contains(o.Level)).ToListAsync(ct);
            var before = existing.Select(o => (o.Kind, o.SchoolId, o.Level)).ToHashSet();
            db.OnetScores.RemoveRange(existing);
            await writer.FlushAsync(ct);
            foreach (var p in parsed)
            {
                if (before.Contains((p.Kind, p.School?.Id, p.Level))) updated++;
                else created++;
                db.OnetScores.AddRange(p.Scores.Select(s => new OnetScore
                {
                    AreaId = context.Area.Id, AcademicYear = year, Level = p.Level, Kind = p.Kind, SchoolId = p.School?.Id,
                    Subject = s.Key, Score = s.Value, Students = p.Students,
                }));
                await writer.RowDoneAsync(ct);
            }
        }, ct);
        return saved ? new ImportResult(context.Rows, created, updated, [], context.Notes) : Failed(context);
    }

    private static bool IsAreaName(string name) =>
        name.StartsWith("สพป", StringComparison.Ordinal) || name.StartsWith("สพม", StringComparison.Ordinal)
        || name.StartsWith("สำนักงานเขต", StringComparison.Ordinal) || name.Contains("เขตพื้นที่", StringComparison.Ordinal);

    private static string Describe(OnetRowKind kind, SchoolRef? school) => kind switch
    {
        OnetRowKind.National => T.National, OnetRowKind.Area => T.AreaRow, _ => school!.Name,
    };

    /// <summary>A score cell: blank or "-" is no score; otherwise a number from 0 to 100.</summary>
    private static decimal? Score(ImportContext context, Shared.Reporting.SheetRow row, string field, string label)
    {
        var text = row[field]?.Trim();
        if (string.IsNullOrEmpty(text) || text == "-") return null;
        if (!SheetReader.TryNumber(text, out var value) || value is null)
        {
            context.Error(row.Row, field, $"คะแนน{label} \"{text}\" ต้องเป็นตัวเลข");
            return null;
        }
        if (value is < 0 or > 100)
        {
            context.Error(row.Row, field, $"คะแนน{label} {value:0.##} ต้องอยู่ระหว่าง 0 ถึง 100");
            return null;
        }
        return Math.Round(value.Value, 2);
    }
}
