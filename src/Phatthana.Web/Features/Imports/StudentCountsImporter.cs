using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Organisation.StudentCounts;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Imports;

/// <summary>
/// Student counts per school, grade and academic year, from three layouts offices have:
/// <list type="bullet">
/// <item>our template and the OBEC EMIS school table ("ชั้น/เพศ, ชาย, หญิง, รวม, ห้องเรียน"): a row per grade
/// (อบ.1–อบ.3, ป.1–ป.6, ม.1–ม.6, ปวช.1–ปวช.3), with subtotal rows (รวม อบ., รวมประถม, รวมมัธยมต้น,
/// รวมมัธยมปลายและเทียบเท่า, รวมทั้งหมด) checked against the grades, not imported; a leading school_id column when one
/// file holds many schools;</item>
/// <item>the DMC student list: a row per student, counted into boys, girls and rooms per grade; names and IDs are
/// not kept.</item>
/// </list>
/// Each school's year named in the file is replaced, as the grid and the API do.
/// </summary>
public sealed partial class StudentCountsImporter : Importer
{
    public override ImportKind Kind => ImportKind.StudentCounts;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("school", "school_id", false, "รหัสสถานศึกษา 10 หลัก, SMIS หรือ OBEC — เว้นได้เมื่อนำเข้าจากหน้าของสถานศึกษา", AsText: true, "รหัสสถานศึกษา", "รหัสโรงเรียน"),
        new("grade", "ชั้น/เพศ", true, "อบ.1–อบ.3, ป.1–ป.6, ม.1–ม.6, ปวช.1–ปวช.3 และแถวรวม (ตรวจสอบแต่ไม่นำเข้า)", false, "ชั้น"),
        new("boys", T.Boys, true, "จำนวนนักเรียนชาย", false),
        new("girls", T.Girls, true, "จำนวนนักเรียนหญิง", false),
        new("total", "รวม", false, "ชาย + หญิง (ตรวจสอบ)", false),
        new("classrooms", T.Classrooms, true, "จำนวนห้องเรียน", false, "จำนวนห้องเรียน"),
    ];

    /// <summary>The DMC list's columns; read, never kept.</summary>
    private static readonly Dictionary<string, string> DmcAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ชื่อโรงเรียน"] = "schoolName", ["ห้อง"] = "room", ["เพศ"] = "gender", ["เลขประจำตัวประชาชน"] = "studentId",
        ["รหัสนักเรียน"] = "studentCode", ["ปีการศึกษา"] = "academicYear", ["academicYear"] = "academicYear",
    };

    public override IReadOnlyDictionary<string, string> Aliases =>
        base.Aliases.Concat(DmcAliases).GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);

    private sealed record GradeRow(int Row, int Boys, int Girls, int Classrooms);

    private sealed record TotalRow(int Row, string Label, Grade[] Grades, int? Boys, int? Girls, int? Total, int? Classrooms);

    /// <summary>One school's year as the file gives it.</summary>
    private sealed class SchoolYear(SchoolRef school, int year)
    {
        public SchoolRef School { get; } = school;
        public int Year { get; } = year;
        public Dictionary<Grade, GradeRow> Grades { get; } = [];
        public List<TotalRow> Totals { get; } = [];
        // DMC: students counted per grade, rooms as the set of room names.
        public Dictionary<Grade, (int Boys, int Girls, HashSet<string> Rooms)> Students { get; } = [];
    }

    public override async Task<ImportResult> RunAsync(ImportContext context, SheetStream sheet, CancellationToken ct)
    {
        var dmc = sheet.Has("gender") && sheet.Has("grade") && !sheet.Has("boys");
        var required = dmc ? Columns.Where(c => c.Field == "grade") : Columns.Where(c => c.Required);
        if (!HasRequiredColumns(context, sheet, required)) return Failed(context);
        if (context.AcademicYear is null && !sheet.Has("academicYear"))
        {
            context.Error(null, "academicYear", "กรุณาระบุปีการศึกษา (พ.ศ.) ที่นำเข้า เช่น ?academicYear=2568 หรือเลือกในหน้านำเข้า");
            return Failed(context);
        }
        if (context.School is null && !sheet.Has("school"))
        {
            context.Error(sheet.HeaderRow, "school", "ไฟล์ไม่มีคอลัมน์ school_id — เพิ่มคอลัมน์รหัสสถานศึกษา หรือนำเข้าจากหน้าของสถานศึกษานั้น");
            return Failed(context);
        }

        var schools = await SchoolFinder.ForAreaAsync(context.Db, context.Area.Id, ct);
        var years = new Dictionary<(Guid, int), SchoolYear>();
        var seenStudents = new Dictionary<string, int>();
        foreach (var row in Rows(context, sheet))
        {
            if (SchoolOf(context, schools, row) is not { } school || YearOf(context, row) is not { } year) continue;
            if (!years.TryGetValue((school.Id, year), out var entry)) years[(school.Id, year)] = entry = new SchoolYear(school, year);
            if (dmc) ReadStudent(context, row, entry, seenStudents);
            else ReadGradeRow(context, row, entry);
        }
        foreach (var entry in years.Values.Where(e => !dmc)) CheckTotals(context, entry);
        if (context.Errors.Count > 0) return Failed(context);

        var (created, updated) = (0, 0);
        var saved = await context.WriteAsync(years.Count, async writer =>
        {
            var db = writer.Db;
            foreach (var entry in years.Values)
            {
                var wanted = dmc
                    ? entry.Students.ToDictionary(s => s.Key, s => (s.Value.Boys, s.Value.Girls, Rooms: s.Value.Rooms.Count))
                    : entry.Grades.ToDictionary(g => g.Key, g => (g.Value.Boys, g.Value.Girls, Rooms: g.Value.Classrooms));
                // As the grid does: replacing a year bumps the school's version, so two replacements cannot interleave.
                var owner = await db.Schools.SingleAsync(s => s.Id == entry.School.Id, ct);
                db.Entry(owner).Property(s => s.Version).IsModified = true;
                var existing = await db.StudentCounts.Where(c => c.SchoolId == entry.School.Id && c.AcademicYear == entry.Year).ToListAsync(ct);
                db.StudentCounts.RemoveRange(existing.Where(e => !wanted.ContainsKey(e.Grade)));
                foreach (var (grade, (boys, girls, rooms)) in wanted)
                {
                    var count = existing.FirstOrDefault(e => e.Grade == grade);
                    if (count is null)
                    {
                        count = new StudentCount { AreaId = context.Area.Id, SchoolId = entry.School.Id, AcademicYear = entry.Year, Grade = grade };
                        db.StudentCounts.Add(count);
                        created++;
                    }
                    else updated++;
                    count.Boys = boys;
                    count.Girls = girls;
                    count.Classrooms = rooms;
                }
                await writer.RowDoneAsync(ct);
            }
        }, ct);
        return saved ? new ImportResult(context.Rows, created, updated, [], context.Notes) : Failed(context);
    }

    private static SchoolRef? SchoolOf(ImportContext context, SchoolFinder schools, SheetRow row)
    {
        var code = row["school"];
        if (string.IsNullOrWhiteSpace(code))
        {
            if (context.School is null) context.Error(row.Row, "school", "กรุณากรอกรหัสสถานศึกษา");
            return context.School;
        }
        var school = schools.Find(code, out var note);
        if (school is null) context.Error(row.Row, "school", SchoolFinder.Unknown(code));
        else if (context.School is { } only && only.Id != school.Id)
        {
            context.Error(row.Row, "school", $"แถวนี้เป็นของ{school.Name} ไม่ใช่{only.Name} ที่กำลังนำเข้า");
            return null;
        }
        else if (note is not null) context.Note(row.Row, "school", note);
        return school;
    }

    private static int? YearOf(ImportContext context, SheetRow row)
    {
        var text = row["academicYear"];
        if (string.IsNullOrWhiteSpace(text))
        {
            // A file that gives the year per row names it on every row, unless the import names one for the whole file.
            if (context.AcademicYear is null) context.Error(row.Row, "academicYear", "กรุณากรอกปีการศึกษา (พ.ศ.) ในแถวนี้ หรือระบุปีการศึกษาของทั้งไฟล์");
            return context.AcademicYear;
        }
        if (int.TryParse(ThaiNumber.ToArabicDigits(text.Trim()), out var year))
        {
            if (year is >= 1900 and <= 2200)
            {
                context.Note(row.Row, "academicYear", $"ปีการศึกษา {year} อ่านเป็น ค.ศ. → พ.ศ. {ThaiDate.ToBuddhistYear(year)}");
                year = ThaiDate.ToBuddhistYear(year);
            }
            if (SchoolCalendar.IsPlausibleBuddhistYear(year)) return year;
        }
        context.Error(row.Row, "academicYear", $"ปีการศึกษา \"{text}\" ต้องเป็นปี พ.ศ. เช่น 2568");
        return null;
    }

    private static void ReadGradeRow(ImportContext context, SheetRow row, SchoolYear entry)
    {
        var label = row["grade"]?.Trim() ?? "";
        var subtotal = SubtotalOf(label);
        // A subtotal sums up to every grade of the school, so its figures may be as large as all of them together.
        var scale = subtotal?.Length ?? 1;
        var ok = Count(context, row, "boys", $"จำนวน{T.Boys}", SaveStudentCounts.MaxPerGrade * scale, out var boys)
               & Count(context, row, "girls", $"จำนวน{T.Girls}", SaveStudentCounts.MaxPerGrade * scale, out var girls)
               & Count(context, row, "total", "รวม", SaveStudentCounts.MaxPerGrade * 2 * scale, out var total)
               & Count(context, row, "classrooms", $"จำนวน{T.Classrooms}", SaveStudentCounts.MaxClassrooms * scale, out var rooms);
        if (subtotal is { } grades)
        {
            entry.Totals.Add(new TotalRow(row.Row, label, grades, boys, girls, total, rooms));
            return;
        }
        if (!GradeText.TryParse(label, out var grade))
        {
            context.Error(row.Row, "grade", label.Length == 0 ? "กรุณากรอกชั้น" : $"ไม่รู้จักชั้น \"{label}\" — ใช้ อบ.1–อบ.3, ป.1–ป.6, ม.1–ม.6, ปวช.1–ปวช.3 หรือแถวรวม");
            return;
        }
        if (!ok) return;
        if (entry.Grades.TryGetValue(grade, out var first))
        {
            context.Error(row.Row, "grade", $"ชั้น {T.Label(grade)} ของ{entry.School.Name} ปี {entry.Year} ซ้ำกับแถว {first.Row} ในไฟล์นี้");
            return;
        }
        if (total is { } t && t != (boys ?? 0) + (girls ?? 0))
            context.Error(row.Row, "total", $"รวม {t:#,0} ไม่เท่ากับ ชาย + หญิง ({(boys ?? 0) + (girls ?? 0):#,0})");
        if ((boys ?? 0) + (girls ?? 0) > 0 && (rooms ?? 0) == 0)
            context.Error(row.Row, "classrooms", $"ชั้น {T.Label(grade)} มีนักเรียนแต่ไม่มีห้องเรียน");
        entry.Grades[grade] = new GradeRow(row.Row, boys ?? 0, girls ?? 0, rooms ?? 0);
    }

    /// <summary>A subtotal row must equal the sum of its grades in the file, on every figure it gives.</summary>
    private static void CheckTotals(ImportContext context, SchoolYear entry)
    {
        foreach (var t in entry.Totals)
        {
            var rows = t.Grades.Where(entry.Grades.ContainsKey).Select(g => entry.Grades[g]).ToList();
            var gradesText = t.Grades.Length == Enum.GetValues<Grade>().Length ? "ทุกชั้น" : $"{T.Label(t.Grades[0])}–{T.Label(t.Grades[^1])}";
            void Check(string field, string name, int? given, int sum)
            {
                if (given is { } g && g != sum)
                    context.Error(t.Row, field, $"แถว \"{t.Label}\": {name} {g:#,0} ไม่ตรงกับผลรวมของ {gradesText} ({sum:#,0})");
            }
            Check("boys", T.Boys, t.Boys, rows.Sum(r => r.Boys));
            Check("girls", T.Girls, t.Girls, rows.Sum(r => r.Girls));
            Check("total", "รวม", t.Total, rows.Sum(r => r.Boys + r.Girls));
            Check("classrooms", T.Classrooms, t.Classrooms, rows.Sum(r => r.Classrooms));
        }
    }

    private static void ReadStudent(ImportContext context, SheetRow row, SchoolYear entry, Dictionary<string, int> seen)
    {
        var label = row["grade"]?.Trim() ?? "";
        if (!GradeText.TryParse(label, out var grade))
        {
            context.Error(row.Row, "grade", label.Length == 0 ? "กรุณากรอกชั้น" : $"ไม่รู้จักชั้น \"{label}\" — ใช้ อ.1–อ.3, ป.1–ป.6, ม.1–ม.6");
            return;
        }
        var gender = row["gender"]?.Trim();
        bool? boy = gender switch { "ช" or "ชาย" or "M" or "m" or "1" => true, "ญ" or "หญิง" or "F" or "f" or "2" => false, _ => null };
        if (boy is null)
        {
            context.Error(row.Row, "gender", $"เพศ \"{gender}\" ไม่ถูกต้อง — ใช้ ช หรือ ญ");
            return;
        }
        var key = row["studentId"] is { Length: > 0 } id ? "id:" + id : row["studentCode"] is { Length: > 0 } code ? $"code:{entry.School.Id}:{code}" : null;
        if (key is not null && !seen.TryAdd(key, row.Row))
        {
            context.Error(row.Row, key.StartsWith("id:") ? "studentId" : "studentCode", $"นักเรียนคนนี้ซ้ำกับแถว {seen[key]} ในไฟล์นี้");
            return;
        }
        var (boys, girls, rooms) = entry.Students.TryGetValue(grade, out var c) ? c : (0, 0, new HashSet<string>());
        rooms.Add(row["room"]?.Trim() is { Length: > 0 } room ? room : "1");
        entry.Students[grade] = boy.Value ? (boys + 1, girls, rooms) : (boys, girls + 1, rooms);
    }

    /// <summary>A figure cell: blank or "-" is zero (EMIS writes "-" for none).</summary>
    private static bool Count(ImportContext context, SheetRow row, string field, string label, int max, out int? value)
    {
        if (row[field]?.Trim() == "-")
        {
            value = 0;
            return true;
        }
        return TryInt(context, row, field, label, 0, max, out value);
    }

    /// <summary>The grades a subtotal row sums, or null when the label is not a subtotal.</summary>
    private static Grade[]? SubtotalOf(string label)
    {
        var key = Spaces().Replace(label, "");
        if (!key.StartsWith("รวม", StringComparison.Ordinal)) return null;
        return key switch
        {
            "รวมอบ." or "รวมอ." or "รวมอนุบาล" or "รวมก่อนประถม" or "รวมก่อนประถมศึกษา" => [Grade.K1, Grade.K2, Grade.K3],
            "รวมประถม" or "รวมประถมศึกษา" => [Grade.P1, Grade.P2, Grade.P3, Grade.P4, Grade.P5, Grade.P6],
            "รวมมัธยมต้น" or "รวมมัธยมศึกษาตอนต้น" => [Grade.M1, Grade.M2, Grade.M3],
            "รวมมัธยมปลายและเทียบเท่า" or "รวมมัธยมปลาย" or "รวมมัธยมศึกษาตอนปลาย" => [Grade.M4, Grade.M5, Grade.M6, Grade.V1, Grade.V2, Grade.V3],
            _ => Enum.GetValues<Grade>(), // รวม, รวมทั้งหมด, รวมทั้งสิ้น
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Reads a grade as offices write it: อบ.1 / อ.1 / อนุบาล 1 / K1, ป.1 / P1, ม.1 / M1, ปวช.1 / V1.</summary>
public static partial class GradeText
{
    public static bool TryParse(string? text, out Grade grade)
    {
        grade = default;
        var key = Spaces().Replace(ThaiNumber.ToArabicDigits(text ?? ""), "").ToUpperInvariant();
        var m = Pattern().Match(key);
        if (!m.Success || !int.TryParse(m.Groups[2].Value, out var n)) return false;
        var (letter, max) = m.Groups[1].Value switch
        {
            "อบ." or "อ." or "อนุบาล" or "K" => ('K', 3),
            "ป." or "ประถมศึกษาปีที่" or "P" => ('P', 6),
            "ม." or "มัธยมศึกษาปีที่" or "M" => ('M', 6),
            "ปวช." or "V" => ('V', 3),
            _ => ('?', 0),
        };
        if (n < 1 || n > max) return false;
        return Enum.TryParse($"{letter}{n}", out grade);
    }

    [GeneratedRegex(@"^(อบ\.|อ\.|อนุบาล|K|ป\.|ประถมศึกษาปีที่|P|ม\.|มัธยมศึกษาปีที่|M|ปวช\.|V)(\d+)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
