using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using O = Phatthana.Web.Features.Organisation.OrganisationText;
using T = Phatthana.Web.Features.Manpower.ManpowerText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>
/// The area's manpower report — the figures of seed 000's "ข้อมูลอัตรากำลังของสถานศึกษาเป็นรายโรงและในภาพรวม" as a
/// live report: the summary, schools by district, every school's requirement against its register, and the schools
/// that have no student counts. The page's table, the .xlsx and the .pdf all come from these declarations.
/// </summary>
public static class ManpowerReport
{
    public const string Path = "manpower";

    public static readonly TableSpec<SchoolManpower> SchoolsTable = new("อัตรากำลังรายสถานศึกษา",
        new TableColumn<SchoolManpower>("รหัส", s => s.School.Code, SortKey: "code", Width: 13),
        new TableColumn<SchoolManpower>("สถานศึกษา", s => s.School.Name, SortKey: "name", Link: s => $"/schools/{s.School.Code}/manpower", Width: 34, Wrap: true),
        new TableColumn<SchoolManpower>("ประเภท", s => O.Label(s.School.Type), Width: 14, OnScreen: false),
        new TableColumn<SchoolManpower>("อำเภอ", s => s.School.District, SortKey: "district", Width: 16, Wrap: true, OnScreen: false),
        new TableColumn<SchoolManpower>("นักเรียน", s => s.Requirement.Students, CellKind.Number, SortKey: "students", Width: 10),
        new TableColumn<SchoolManpower>("ห้องเรียนตามเกณฑ์", s => s.Requirement.Classrooms, CellKind.Number, SortKey: "classrooms", Width: 10),
        new TableColumn<SchoolManpower>("ครูตามเกณฑ์", s => s.Requirement.Teachers, CellKind.Number, SortKey: "requiredTeachers", Width: 10, OnScreen: false),
        new TableColumn<SchoolManpower>("ผู้บริหารตามเกณฑ์", s => s.Requirement.Administrators, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<SchoolManpower>("ตามเกณฑ์ (ครู+ผบ.)", s => s.Required, CellKind.Number, SortKey: "required", Width: 10, InFile: false),
        new TableColumn<SchoolManpower>("ครูที่มี (จ.18)", s => s.ActualTeachers, CellKind.Number, SortKey: "actualTeachers", Width: 10, OnScreen: false),
        new TableColumn<SchoolManpower>("ผู้บริหารที่มี", s => s.ActualAdministrators, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<SchoolManpower>("ที่มี จ.18 (ครู+ผบ.)", s => s.Actual, CellKind.Number, SortKey: "actual", Width: 10, InFile: false),
        new TableColumn<SchoolManpower>("อัตราว่าง", s => s.VacantPosts, CellKind.Number, SortKey: "vacant", Width: 9),
        new TableColumn<SchoolManpower>("ต่าง (+ เกิน / − ขาด)", s => s.Difference, CellKind.Number, SortKey: "difference", Width: 11),
        new TableColumn<SchoolManpower>("สภาพ", s => T.Label(s.Status), SortKey: "status", Width: 12));

    /// <summary>The summary lines, as seed 000 writes them.</summary>
    public static IReadOnlyList<string> SummaryLines(ManpowerSummary s, int administrators, int teachers) =>
    [
        $"จำนวนโรงเรียนที่คำนวณ {s.Schools:#,0} โรงเรียน",
        $"จำนวนอัตราตาม จ.18 {s.ActualPosts:#,0} อัตรา แยกเป็นผู้บริหารและรองฯ {administrators:#,0} อัตรา ผู้สอน {teachers:#,0} อัตรา",
        s.NetSurplus == 0
            ? $"อัตราตามเกณฑ์ {s.RequiredPosts:#,0} อัตรา — อัตรากำลังครูพอดีเกณฑ์ในภาพรวม"
            : $"อัตราตามเกณฑ์ {s.RequiredPosts:#,0} อัตรา — อัตรากำลังครู{T.Net(s.NetSurplus)}ในภาพรวม {Math.Abs(s.NetSurplus):#,0} อัตรา คิดเป็นร้อยละ {Math.Abs(s.NetSurplusPercent):0.00}",
        $"โรงเรียนที่ขาดเกณฑ์ {s.ShortageSchools:#,0} โรงเรียน {s.ShortagePosts:#,0} อัตรา",
        $"โรงเรียนที่มีครูเกินเกณฑ์ {s.SurplusSchools:#,0} โรงเรียน {s.SurplusPosts:#,0} อัตรา",
        $"โรงเรียนที่มีครูพอดีเกณฑ์ {s.ExactSchools:#,0} โรงเรียน",
    ];

    /// <summary>One row per district: schools short / over / exact and the posts.</summary>
    public sealed record DistrictRow(Guid DistrictId, string District, ManpowerSummary Summary);

    public static List<DistrictRow> ByDistrict(IEnumerable<SchoolManpower> schools) =>
        schools.GroupBy(s => (s.School.DistrictId, s.School.District))
            .OrderBy(g => g.Key.District, ThaiText.Comparer)
            .Select(g => new DistrictRow(g.Key.DistrictId, g.Key.District, ManpowerSummary.Of(g.ToList())))
            .ToList();

    public static ChartSpec StatusChart(IReadOnlyList<DistrictRow> districts) =>
        new(ChartKind.StackedBar, "สภาพอัตรากำลังของโรงเรียนจำแนกตามอำเภอ", districts.Select(d => d.District).ToList(),
        [
            new ChartSeries(T.Shortage, districts.Select(d => (double)d.Summary.ShortageSchools).ToList(), "#b3261e"),
            new ChartSeries(T.Exact, districts.Select(d => (double)d.Summary.ExactSchools).ToList(), "#1e7b4f"),
            new ChartSeries(T.Surplus, districts.Select(d => (double)d.Summary.SurplusSchools).ToList(), "#d99a2b"),
        ]) { ValueAxis = "จำนวน (โรงเรียน)" };

    /// <summary>
    /// The report of <paramref name="scoped"/> (the part of the area asked for) with the schools table of
    /// <paramref name="listed"/> (that part, perhaps narrowed by status or search — the notes say so).
    /// </summary>
    public static async Task<Report> BuildAsync(HttpContext http, Area area, ManpowerResult result, IReadOnlyList<SchoolManpower> scoped,
        IReadOnlyList<SchoolManpower> listed, IReadOnlyList<string> filterNotes, CancellationToken ct = default)
    {
        var schools = scoped;
        var summary = ManpowerSummary.Of(schools);
        var districts = ByDistrict(schools);
        var summaryTable = new ReportTable("ตารางที่ ๑ สรุปอัตรากำลังตามเกณฑ์",
            [new("รายการ", CellKind.Text, 40, true), new("โรงเรียน", CellKind.Number, 14), new("อัตรา", CellKind.Number, 14)],
            [
                new ReportRow([T.Shortage, summary.ShortageSchools, summary.ShortagePosts]),
                new ReportRow([T.Surplus, summary.SurplusSchools, summary.SurplusPosts]),
                new ReportRow([T.Exact, summary.ExactSchools, 0]),
                new ReportRow(["อัตราตามเกณฑ์", null, summary.RequiredPosts]),
                new ReportRow(["อัตราที่มีตาม จ.18 (รวมอัตราว่าง)", null, summary.ActualPosts]),
                new ReportRow([T.Net(summary.NetSurplus) + "สุทธิ", null, Math.Abs(summary.NetSurplus)]),
            ])
        { Total = new ReportRow(["รวมโรงเรียน", summary.Schools, null]) };
        var districtTable = new ReportTable("ตารางที่ ๒ อัตรากำลังจำแนกตามอำเภอ",
            [new("อำเภอ", CellKind.Text, 24, true), new("โรงเรียน", CellKind.Number, 10), new("ขาด (รร.)", CellKind.Number, 10), new("ขาด (อัตรา)", CellKind.Number, 10),
             new("เกิน (รร.)", CellKind.Number, 10), new("เกิน (อัตรา)", CellKind.Number, 10), new("พอดี (รร.)", CellKind.Number, 10),
             new("ตามเกณฑ์", CellKind.Number, 10), new("ที่มี", CellKind.Number, 10), new("สุทธิ", CellKind.Number, 10), new("ร้อยละ", CellKind.Decimal, 10)],
            districts.Select(d => DistrictCells(d.District, d.Summary)).ToList())
        { Total = DistrictCells("รวม", summary) };
        List<ReportBlock> blocks =
        [
            new HeadingBlock("๑. สรุปภาพรวม"),
            .. SummaryLines(summary, schools.Sum(s => s.ActualAdministrators), schools.Sum(s => s.ActualTeachers)).Select(l => (ReportBlock)new ParagraphBlock(l, Indent: true)),
            new TableBlock(summaryTable),
            new HeadingBlock("๒. จำแนกตามอำเภอ"),
            new TableBlock(districtTable),
        ];
        if (districts.Count > 0) blocks.Add(new ChartBlock(StatusChart(districts)));
        blocks.Add(new HeadingBlock("๓. รายสถานศึกษา"));
        blocks.Add(new TableBlock(SchoolsTable.ToReport(listed, "ตารางที่ ๓ อัตรากำลังรายสถานศึกษา")));
        if (result.MissingCounts.Count > 0)
        {
            blocks.Add(new HeadingBlock("๔. สถานศึกษาที่ยังไม่มีข้อมูลนักเรียน (ไม่ได้นำมาคำนวณ)"));
            blocks.Add(new TableBlock(new ReportTable($"ตารางที่ ๔ สถานศึกษาที่ยังไม่มีข้อมูลนักเรียนปีการศึกษา {result.AcademicYear}",
                [new("รหัส", CellKind.Text, 14), new("สถานศึกษา", CellKind.Text, 40, true), new("อำเภอ", CellKind.Text, 20)],
                result.MissingCounts.Select(m => new ReportRow([m.Code, m.Name, m.District])).ToList())));
        }
        blocks.Add(new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล", Position: "ผู้อำนวยการ" + area.Name)]));

        var report = await ReportResults.StartAsync(http, T.Title, area, $"{Path}-{area.Code}-{result.AcademicYear}", ct);
        return report with
        {
            Subtitles = [$"ปีการศึกษา {result.AcademicYear} (ข้อมูลนักเรียน ณ วันที่ {ThaiDate.Long(SchoolCalendar.StudentCountSnapshot(result.AcademicYear))}; อัตราตาม จ.18 ณ วันที่ {ThaiDate.Long(DateOnly.FromDateTime(report.GeneratedAt.ToOffset(ThaiDate.ThailandOffset).DateTime))})",
                $"เกณฑ์ที่ใช้: {result.RuleSet.Name}{(result.RuleSet.Reference is { } r ? $" ({r})" : "")}", .. filterNotes],
            Orientation = PageOrientation.Landscape,
            Blocks = blocks,
        };
    }

    private static ReportRow DistrictCells(string label, ManpowerSummary s) =>
        new([label, s.Schools, s.ShortageSchools, s.ShortagePosts, s.SurplusSchools, s.SurplusPosts, s.ExactSchools, s.RequiredPosts, s.ActualPosts, s.NetSurplus, s.NetSurplusPercent]);
}
