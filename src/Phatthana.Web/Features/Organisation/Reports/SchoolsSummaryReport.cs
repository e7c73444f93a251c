using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Organisation.Reports;

/// <summary>
/// รายงานสรุปข้อมูลสถานศึกษาและนักเรียน: schools by district and type, students by grade, school sizes — the
/// figures an area office prints at the start of each plan. Declared once here; the page, the API and the
/// .xlsx / .pdf / .docx files all come from this one declaration.
/// </summary>
public static class SchoolsSummaryReport
{
    public const string Title = "รายงานสรุปข้อมูลสถานศึกษาและนักเรียน";
    public const string Path = "schools-summary";

    /// <summary>OBEC's size bands by number of students (เล็ก / กลาง / ใหญ่ / ใหญ่พิเศษ).</summary>
    public static readonly (string Label, int Max)[] SizeBands =
    [
        ("ขนาดเล็ก (ไม่เกิน 120 คน)", 120),
        ("ขนาดกลาง (121–600 คน)", 600),
        ("ขนาดใหญ่ (601–1,500 คน)", 1500),
        ("ขนาดใหญ่พิเศษ (1,501 คนขึ้นไป)", int.MaxValue),
    ];

    /// <summary>The academic years that have student counts, newest first.</summary>
    public static Task<List<int>> YearsAsync(AppDbContext db, Guid areaId, CancellationToken ct = default) =>
        db.StudentCounts.Where(c => c.AreaId == areaId).Select(c => c.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>
    /// Builds the report for an academic year (the latest with data when none is asked). An impossible year is a
    /// 422 naming the field; a year with no student counts is a 404 that says so — never an empty file.
    /// </summary>
    public static async Task<Outcome<Report>> BuildAsync(HttpContext http, AppDbContext db, Area area, string? academicYear, CancellationToken ct = default)
    {
        var years = await YearsAsync(db, area.Id, ct);
        int year;
        if (string.IsNullOrWhiteSpace(academicYear))
        {
            if (years.Count == 0) return Outcome<Report>.Invalid([new FieldError("academicYear", $"{area.Name}ยังไม่มีข้อมูลจำนวนนักเรียน จึงยังสร้างรายงานนี้ไม่ได้")]);
            year = years[0];
        }
        else if (!SchoolCalendar.TryReadYear(academicYear, out year))
        {
            return Outcome<Report>.Invalid([SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", academicYear)]);
        }
        else if (!years.Contains(year))
        {
            var known = years.Count == 0 ? "ยังไม่มีข้อมูลปีใดเลย" : "ปีที่มีข้อมูล: " + string.Join(", ", years);
            return Outcome<Report>.Invalid([new FieldError("academicYear", $"ไม่มีข้อมูลนักเรียนปีการศึกษา {year} ของ{area.Name} ({known})")]);
        }

        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == area.Id)
            .Select(s => new SchoolFact(s.Id, s.Type, s.District!.Name)).ToListAsync(ct);
        var counts = await db.StudentCounts.AsNoTracking().Where(c => c.AreaId == area.Id && c.AcademicYear == year)
            .Select(c => new { c.SchoolId, c.Grade, c.Boys, c.Girls, c.Classrooms }).ToListAsync(ct);
        var students = counts.GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => g.Sum(c => c.Boys + c.Girls));
        var rooms = counts.GroupBy(c => c.SchoolId).ToDictionary(g => g.Key, g => g.Sum(c => c.Classrooms));
        var types = Enum.GetValues<SchoolType>().Where(t => schools.Any(s => s.Type == t)).ToList();

        // 1. Schools by district and type.
        var districts = schools.GroupBy(s => s.District).OrderBy(g => g.Key, ThaiText.Comparer).ToList();
        var districtColumns = new List<ReportColumn> { new("อำเภอ", CellKind.Text, 28, true) };
        districtColumns.AddRange(types.Select(t => new ReportColumn(OrganisationText.Label(t), CellKind.Number, 14)));
        districtColumns.AddRange([new("รวมสถานศึกษา", CellKind.Number, 14), new("นักเรียน (คน)", CellKind.Number, 14), new("ห้องเรียน", CellKind.Number, 12)]);
        object?[] DistrictRow(string label, IEnumerable<SchoolFact> group)
        {
            var list = group.ToList();
            return [label, .. types.Select(t => (object?)list.Count(s => s.Type == t)), list.Count,
                list.Sum(s => students.GetValueOrDefault(s.Id)), list.Sum(s => rooms.GetValueOrDefault(s.Id))];
        }
        var byDistrict = new ReportTable("ตารางที่ ๑ สถานศึกษาจำแนกตามอำเภอและประเภท", districtColumns,
            districts.Select(g => new ReportRow(DistrictRow(g.Key, g))).ToList())
        { Total = new ReportRow(DistrictRow("รวม", schools)) };

        // 2. Students by grade.
        var grades = counts.GroupBy(c => c.Grade).OrderBy(g => g.Key).ToList();
        var byGrade = new ReportTable("ตารางที่ ๒ นักเรียนจำแนกตามชั้น",
            [new("ชั้น", CellKind.Text, 14), new("ชาย", CellKind.Number, 12), new("หญิง", CellKind.Number, 12), new("รวม", CellKind.Number, 12), new("ห้องเรียน", CellKind.Number, 12)],
            grades.Select(g => new ReportRow([OrganisationText.Label(g.Key), g.Sum(c => c.Boys), g.Sum(c => c.Girls), g.Sum(c => c.Boys + c.Girls), g.Sum(c => c.Classrooms)])).ToList())
        { Total = new ReportRow(["รวม", counts.Sum(c => c.Boys), counts.Sum(c => c.Girls), counts.Sum(c => c.Boys + c.Girls), counts.Sum(c => c.Classrooms)]) };

        // 3. School sizes.
        var sizes = SizeBands.Select((band, i) => (band.Label, Count: schools.Count(s =>
        {
            var n = students.GetValueOrDefault(s.Id);
            return n <= band.Max && (i == 0 || n > SizeBands[i - 1].Max);
        }))).ToList();
        var bySize = new ReportTable("ตารางที่ ๓ สถานศึกษาจำแนกตามขนาด",
            [new("ขนาดสถานศึกษา", CellKind.Text, 36), new("จำนวน (แห่ง)", CellKind.Number, 14), new("ร้อยละ", CellKind.Decimal, 12)],
            sizes.Select(s => new ReportRow([s.Label, s.Count, schools.Count == 0 ? 0m : Math.Round(s.Count * 100m / schools.Count, 2)])).ToList())
        { Total = new ReportRow(["รวม", schools.Count, schools.Count == 0 ? 0m : 100m]) };

        var report = await ReportResults.StartAsync(http, Title, area, $"{Path}-{area.Code}-{year}", ct);
        return Outcome<Report>.Ok(report with
        {
            Subtitles = [$"ปีการศึกษา {year} (ข้อมูล ณ วันที่ {ThaiDate.Long(SchoolCalendar.StudentCountSnapshot(year))})"],
            Blocks =
            [
                new HeadingBlock("๑. สถานศึกษา"),
                new ParagraphBlock($"{area.Name} มีสถานศึกษาในสังกัด {ThaiNumber.Format(schools.Count)} แห่ง " +
                                   $"ใน {ThaiNumber.Format(districts.Count)} อำเภอ มีนักเรียนรวม {ThaiNumber.Format(counts.Sum(c => c.Boys + c.Girls))} คน " +
                                   $"ห้องเรียน {ThaiNumber.Format(counts.Sum(c => c.Classrooms))} ห้อง", Indent: true),
                new TableBlock(byDistrict),
                new ChartBlock(new ChartSpec(ChartKind.StackedBar, "สถานศึกษาจำแนกตามอำเภอและประเภท", districts.Select(d => d.Key).ToList(),
                    types.Select(t => new ChartSeries(OrganisationText.Label(t), districts.Select(d => (double)d.Count(s => s.Type == t)).ToList())).ToList())
                { ValueAxis = "จำนวน (แห่ง)" }),
                new HeadingBlock("๒. นักเรียน"),
                new TableBlock(byGrade),
                new ChartBlock(new ChartSpec(ChartKind.Bar, "นักเรียนจำแนกตามชั้นและเพศ", grades.Select(g => OrganisationText.Label(g.Key)).ToList(),
                    [new ChartSeries("ชาย", grades.Select(g => (double)g.Sum(c => c.Boys)).ToList()), new ChartSeries("หญิง", grades.Select(g => (double)g.Sum(c => c.Girls)).ToList())])
                { ValueAxis = "จำนวน (คน)" }),
                new HeadingBlock("๓. ขนาดสถานศึกษา"),
                new TableBlock(bySize),
                new ChartBlock(new ChartSpec(ChartKind.Pie, "สัดส่วนสถานศึกษาตามขนาด", sizes.Select(s => s.Label).ToList(), [new ChartSeries("สถานศึกษา", sizes.Select(s => (double)s.Count).ToList())]), 0.8f),
                new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล", Position: "ผู้อำนวยการ" + area.Name)]),
            ],
        });
    }

    private sealed record SchoolFact(Guid Id, SchoolType Type, string District);
}
