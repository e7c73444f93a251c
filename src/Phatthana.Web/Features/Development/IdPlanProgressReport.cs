using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using PT = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Development;

/// <summary>The ID Plan progress declared once — the schools' table, its charts, the lists of people — as page, PDF, Excel and Word.</summary>
public static class IdPlanProgressReport
{
    public const string Title = "ความก้าวหน้าการจัดทำแผนพัฒนาตนเอง (ID Plan)";
    public const string NoPlan = "ยังไม่มีแผน";
    /// <summary>Up to this many schools are charted one by one; more are charted as counts of schools per stage.</summary>
    public const int ChartedSchools = 10;

    public static string Label(IdPlanStatus? status) => status is { } s ? DevelopmentText.Label(s) : NoPlan;

    public static TableSpec<SchoolProgress> SchoolsTable(int fiscalYear) => new("ความก้าวหน้าการจัดทำแผนพัฒนาตนเอง รายสถานศึกษา",
        new TableColumn<SchoolProgress>("สถานศึกษา", s => s.School, Link: s => s.SchoolCode is { } c ? $"?fiscalYear={fiscalYear}&school={c}" : null, Width: 34, Wrap: true),
        new TableColumn<SchoolProgress>("บุคลากร", s => s.Counts.People, CellKind.Number, Width: 10),
        new TableColumn<SchoolProgress>("รอพิจารณา", s => s.Counts.Submitted, CellKind.Number, Width: 10),
        new TableColumn<SchoolProgress>("อนุมัติแล้ว", s => s.Counts.Approved, CellKind.Number, Width: 10),
        new TableColumn<SchoolProgress>("ส่งคืน", s => s.Counts.Returned, CellKind.Number, Width: 10),
        new TableColumn<SchoolProgress>("ร่าง", s => s.Counts.Drafts, CellKind.Number, Width: 9),
        new TableColumn<SchoolProgress>(NoPlan, s => s.Counts.None, CellKind.Number, Width: 10),
        new TableColumn<SchoolProgress>("ร้อยละส่งแล้ว", s => s.Counts.SubmittedOrApprovedPercent, CellKind.Decimal, Width: 10),
        new TableColumn<SchoolProgress>("ร้อยละอนุมัติ", s => s.Counts.ApprovedPercent, CellKind.Decimal, Width: 10));

    public static SchoolProgress Total(IdPlanProgressDto p) => new(null, "รวมทั้งเขตพื้นที่", p.Area);

    public static TableSpec<PlanHolder> WithoutTable(int fiscalYear) => new($"บุคลากรที่ยังไม่ได้ส่งแผนพัฒนาตนเอง ปีงบประมาณ {fiscalYear}",
        new TableColumn<PlanHolder>(PT.FullName, h => h.Name, SortKey: "name", Link: h => PlanLink(h, fiscalYear), Width: 30, Wrap: true),
        new TableColumn<PlanHolder>(PT.School, h => h.School ?? NeedsAnalysis.NoSchool, SortKey: "school", Width: 32, Wrap: true),
        new TableColumn<PlanHolder>(PT.PositionLabel, h => PT.Label(h.Position), SortKey: "position", Width: 20, Wrap: true),
        new TableColumn<PlanHolder>("สถานะแผน", h => Label(h.Status), SortKey: "status", Width: 18));

    public static TableSpec<PlanHolder> WaitingTable(int fiscalYear) => new($"แผนพัฒนาตนเองที่รอพิจารณา ปีงบประมาณ {fiscalYear}",
        new TableColumn<PlanHolder>(PT.FullName, h => h.Name, SortKey: "name", Link: h => PlanLink(h, fiscalYear), Width: 30, Wrap: true),
        new TableColumn<PlanHolder>(PT.School, h => h.School ?? NeedsAnalysis.NoSchool, SortKey: "school", Width: 32, Wrap: true),
        new TableColumn<PlanHolder>(PT.PositionLabel, h => PT.Label(h.Position), SortKey: "position", Width: 20, Wrap: true),
        new TableColumn<PlanHolder>("ส่งเมื่อ", h => h.SubmittedAt, CellKind.DateTime, SortKey: "submitted", Width: 18),
        new TableColumn<PlanHolder>("การพิจารณา", _ => "พิจารณาแผน", Link: h => PlanLink(h, fiscalYear), InFile: false));

    private static string PlanLink(PlanHolder h, int fiscalYear) => Pages.PlanModel.Link(h.PersonId, fiscalYear);

    /// <summary>Where the area's (or the school's) people stand, as slices.</summary>
    public static ChartSpec StatusChart(PlanCounts c) => new(ChartKind.Pie, "สถานะแผนพัฒนาตนเองของบุคลากร",
        ["อนุมัติแล้ว", "ส่งแล้ว รอพิจารณา", "ส่งคืนให้แก้ไข", "ร่าง", NoPlan],
        [new ChartSeries("คน", [c.Approved, c.Submitted, c.Returned, c.Drafts, c.None])]);

    /// <summary>
    /// Each school's percentages when there are few; with many, how many schools are at each stage (none handed in, under
    /// half, half or more, all) — the lowest ten would be a row of zeros while an area is starting.
    /// </summary>
    public static ChartSpec? SchoolsChart(IdPlanProgressDto p)
    {
        var schools = p.Schools.Where(s => s.Counts.People > 0).ToList();
        if (schools.Count < 2) return null;
        if (schools.Count > ChartedSchools)
        {
            (string Label, Func<decimal, bool> Holds)[] bands =
                [("ยังไม่มีผู้ส่ง", x => x == 0), ("ต่ำกว่าร้อยละ 50", x => x is > 0 and < 50), ("ร้อยละ 50–99", x => x is >= 50 and < 100), ("ครบร้อยละ 100", x => x == 100)];
            return new ChartSpec(ChartKind.Bar, "จำนวนสถานศึกษา จำแนกตามร้อยละการส่งแผนพัฒนาตนเอง", [.. bands.Select(b => b.Label)],
                [new ChartSeries("สถานศึกษา (แห่ง)", bands.Select(b => (double)schools.Count(s => b.Holds(s.Counts.SubmittedOrApprovedPercent))).ToList(), "#1f5f8b")])
            { ValueAxis = "แห่ง" };
        }
        var names = schools.Select(s => s.SchoolCode is null ? "สพท." : ThaiText.Shorten(s.School.StartsWith("โรงเรียน", StringComparison.Ordinal) ? s.School[8..] : s.School, 14)).ToList();
        var width = Math.Max(720, (int)Math.Ceiling(80 + names.Count * (names.Max(n => n.Length) * 7.5 + 4)));
        return new ChartSpec(ChartKind.Bar, "ร้อยละการส่งและอนุมัติแผนพัฒนาตนเอง รายสถานศึกษา", names,
        [
            new ChartSeries("ร้อยละส่งแล้ว", schools.Select(s => (double)s.Counts.SubmittedOrApprovedPercent).ToList(), "#1f5f8b"),
            new ChartSeries("ร้อยละอนุมัติ", schools.Select(s => (double)s.Counts.ApprovedPercent).ToList(), "#3a9d5d"),
        ]) { ValueAxis = "ร้อยละ", ValueMax = 100, Width = width, Height = Math.Max(360, width / 2) };
    }

    /// <summary>The report: the schools' table with the area's total and the charts, then (from the page) the list asked for.</summary>
    public static async Task<Report> BuildAsync(HttpContext http, Area area, IdPlanProgressDto p, string subtitle, ReportTable? list = null, CancellationToken ct = default)
    {
        var spec = SchoolsTable(p.FiscalYear);
        List<ReportBlock> blocks =
        [
            new TableBlock(spec.ToReport(p.Schools) with { Total = spec.ToReport([Total(p)]).Rows[0] }),
            new ChartBlock(StatusChart(p.Area), 0.7f),
        ];
        if (SchoolsChart(p) is { } chart) blocks.Add(new ChartBlock(chart));
        if (list is not null) blocks.Add(new TableBlock(list));
        blocks.Add(new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล")]));
        var report = await ReportResults.StartAsync(http, Title, area, $"id-plan-progress-{area.Code}-{p.FiscalYear}", ct);
        return report with { Subtitles = [subtitle, IdPlanProgress.Note], Orientation = PageOrientation.Landscape, Blocks = blocks };
    }
}
