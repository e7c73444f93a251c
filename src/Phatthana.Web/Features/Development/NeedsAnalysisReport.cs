using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;
using PT = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Development;

/// <summary>The needs analysis declared once — its tables and charts — and served as the page, PDF, Excel and Word.</summary>
public static class NeedsAnalysisReport
{
    public const string Title = "การวิเคราะห์ความต้องการในการพัฒนาครูและบุคลากรทางการศึกษา";
    public const string CreateCourse = "สร้างหลักสูตรจากความต้องการนี้";
    public const string Note = "นับความต้องการจากแผนพัฒนาตนเอง (ID Plan) ที่ส่งแล้วหรืออนุมัติแล้ว และแบบสำรวจความต้องการของผู้ที่ยังไม่มีแผนที่ส่งแล้ว " +
                               "(ไม่นับแผนร่างและแผนที่ส่งคืน) หนึ่งคนนับครั้งเดียวต่อหัวข้อ · " + YearNeeds.ScoreRule;
    /// <summary>Topics in the chart; the table lists them all.</summary>
    public const int ChartedTopics = 10;

    public static string Label(NeedsBreakdown by) => by switch
    {
        NeedsBreakdown.School => "สถานศึกษา",
        NeedsBreakdown.Network => "กลุ่มเครือข่าย",
        NeedsBreakdown.Position => "ตำแหน่ง",
        NeedsBreakdown.Subject => "กลุ่มสาระที่สอน",
        _ => "วิทยฐานะ",
    };

    /// <summary>"อบรม 4, PLC 2": the methods the people asking prefer, most wanted first.</summary>
    public static string Methods(TopicNeed t) => string.Join(", ", t.Methods.Select(m => $"{TrainingText.Label(m.Method)} {m.People:#,0}"));

    /// <summary>The ranked topics; on screen, for those who run training, each line links to a new course made from it.</summary>
    public static TableSpec<TopicNeed> TopicsTable(Func<TopicNeed, string?>? courseLink = null) => new("หัวข้อที่ต้องการพัฒนา",
    [
        new TableColumn<TopicNeed>("อันดับ", t => t.Rank, CellKind.Number, Width: 8),
        new TableColumn<TopicNeed>("หัวข้อการพัฒนา", t => t.Topic, Width: 40, Wrap: true),
        new TableColumn<TopicNeed>("กลุ่มตำแหน่ง", t => DevelopmentText.Label(t.Group), Width: 16, Wrap: true, OnScreen: false),
        new TableColumn<TopicNeed>("กลุ่มสาระ", t => t.SubjectArea is { } s ? PT.Label(s) : "", Width: 18, Wrap: true, OnScreen: false),
        new TableColumn<TopicNeed>("ผู้ต้องการ (คน)", t => t.People, CellKind.Number, Width: 11),
        new TableColumn<TopicNeed>("คะแนน", t => t.Score, CellKind.Number, Width: 9),
        new TableColumn<TopicNeed>("ลำดับ 1 (คน)", t => t.FirstChoice, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<TopicNeed>("ร้อยละ", t => t.SharePercent, CellKind.Decimal, Width: 9),
        new TableColumn<TopicNeed>("วิธีที่ต้องการ (คน)", Methods, Width: 30, Wrap: true),
        new TableColumn<TopicNeed>("จากแผน (คน)", t => t.FromPlans, CellKind.Number, Width: 10, OnScreen: false),
        new TableColumn<TopicNeed>("จากแบบสำรวจ (คน)", t => t.FromSurveys, CellKind.Number, Width: 10, OnScreen: false),
        .. courseLink is null ? Array.Empty<TableColumn<TopicNeed>>() : [new TableColumn<TopicNeed>("หลักสูตร", _ => CreateCourse, Link: courseLink, Wrap: true, InFile: false)],
    ]);

    public static TableSpec<GroupNeeds> GroupsTable(NeedsBreakdown by, int fiscalYear) => new($"หัวข้อที่ต้องการพัฒนามากที่สุด จำแนกตาม{Label(by)}",
    [
        new TableColumn<GroupNeeds>(Label(by), g => g.Group, Width: 30, Wrap: true,
            Link: g => g.SchoolCode is { } c ? $"?fiscalYear={fiscalYear}&school={c}&by={NeedsBreakdown.Position}" : null),
        new TableColumn<GroupNeeds>("ผู้ตอบ (คน)", g => g.Respondents, CellKind.Number, Width: 10),
        .. Enumerable.Range(0, NeedsAnalysis.TopicsPerGroup).Select(i => new TableColumn<GroupNeeds>($"อันดับ {i + 1}",
            g => i < g.Topics.Count ? $"{g.Topics[i].Topic} ({g.Topics[i].People:#,0} คน)" : "", Width: 34, Wrap: true)),
    ]);

    public static readonly TableSpec<CompetencyGap> GapsTable = new("ช่องว่างสมรรถนะ (ระดับที่ประเมินตนเองต่ำกว่าระดับที่คาดหวัง)",
        new TableColumn<CompetencyGap>("สมรรถนะ", g => $"{g.Code} {g.Name}", Width: 40, Wrap: true),
        new TableColumn<CompetencyGap>("กลุ่มตำแหน่ง", g => DevelopmentText.Label(g.Group), Width: 18),
        new TableColumn<CompetencyGap>("ประเภท", g => DevelopmentText.Label(g.Kind), Width: 16, Wrap: true, OnScreen: false),
        new TableColumn<CompetencyGap>("คาดหวัง", g => g.ExpectedLevel, CellKind.Number, Width: 9),
        new TableColumn<CompetencyGap>("ประเมินแล้ว (คน)", g => g.Assessed, CellKind.Number, Width: 10),
        new TableColumn<CompetencyGap>("ต่ำกว่า (คน)", g => g.Below, CellKind.Number, Width: 10),
        new TableColumn<CompetencyGap>("ร้อยละต่ำกว่า", g => g.BelowPercent, CellKind.Decimal, Width: 10),
        new TableColumn<CompetencyGap>("ระดับเฉลี่ย", g => g.MeanLevel, CellKind.Decimal, Width: 10),
        new TableColumn<CompetencyGap>("ห่าง", g => g.MeanGap, CellKind.Decimal, Width: 9));

    /// <summary>
    /// The people asking for each of the top topics, by rank: the names are in the table just above, and long Thai names
    /// under the bars would have to shrink or turn (the renderer's width is shared by every category).
    /// </summary>
    public static ChartSpec? TopicsChart(NeedsAnalysis a)
    {
        var top = a.Topics.Take(ChartedTopics).ToList();
        if (top.Count == 0) return null;
        return new ChartSpec(ChartKind.Bar, $"จำนวนผู้ต้องการพัฒนา {top.Count} หัวข้อแรก (อันดับตามตาราง)", [.. top.Select(t => $"อันดับ {t.Rank}")],
            [new ChartSeries("ผู้ต้องการ (คน)", top.Select(t => (double)t.People).ToList(), "#1f5f8b")]) { ValueAxis = "คน" };
    }

    /// <summary>
    /// Per group of positions with assessments, the mean self-assessed level of each competency beside the expected one on the
    /// 0–5 scale: one chart a group, so the codes under the bars (named in the table) stay few and legible.
    /// </summary>
    public static IReadOnlyList<ChartSpec> GapsCharts(NeedsAnalysis a) =>
    [
        .. a.Gaps.Where(g => g.Assessed > 0).GroupBy(g => g.Group).Select(g => new ChartSpec(ChartKind.Bar,
            $"ระดับสมรรถนะเฉลี่ยที่ประเมินตนเองเทียบกับระดับที่คาดหวัง — {DevelopmentText.Label(g.Key)}", [.. g.Select(x => x.Code)],
            [
                new ChartSeries("ระดับเฉลี่ยของตนเอง", g.Select(x => (double)(x.MeanLevel ?? 0)).ToList(), "#1f5f8b"),
                new ChartSeries("ระดับที่คาดหวัง", g.Select(x => (double)x.ExpectedLevel).ToList(), "#7f8c8d"),
            ]) { ValueAxis = "ระดับ", ValueMax = 5 }),
    ];

    /// <summary>The headline figures as (item, value, unit): the page's cards and the files' first table.</summary>
    public static IReadOnlyList<(string Item, object Value, string Unit)> Headlines(NeedsAnalysis a) =>
    [
        ("ผู้ระบุความต้องการในการพัฒนา", a.Respondents, "คน"),
        ("จากแผนพัฒนาตนเองที่ส่งแล้ว/อนุมัติแล้ว", a.FromPlans, "คน"),
        ("จากแบบสำรวจความต้องการ", a.FromSurveys, "คน"),
        ("หัวข้อที่มีผู้ต้องการ", a.Topics.Count, "หัวข้อ"),
    ];

    public static async Task<Report> BuildAsync(HttpContext http, Area area, NeedsAnalysis a, string subtitle, CancellationToken ct = default)
    {
        List<ReportBlock> blocks =
        [
            new HeadingBlock("๑. ภาพรวม"),
            new TableBlock(new ReportTable("ตารางที่ ๑ ภาพรวม", [new("รายการ", CellKind.Text, 40, true), new("จำนวน", CellKind.Number, 12), new("หน่วย", CellKind.Text, 10)],
                Headlines(a).Select(h => new ReportRow([h.Item, h.Value, h.Unit])).ToList())),
            new HeadingBlock("๒. หัวข้อที่ต้องการพัฒนา"),
            new TableBlock(TopicsTable().ToReport(a.Topics, "ตารางที่ ๒ หัวข้อที่ต้องการพัฒนา เรียงตามจำนวนผู้ต้องการและคะแนนความสำคัญ")),
        ];
        if (TopicsChart(a) is { } topics) blocks.Add(new ChartBlock(topics));
        var groups = GroupsTable(a.By, a.FiscalYear);
        blocks.Add(new HeadingBlock($"๓. จำแนกตาม{Label(a.By)}"));
        blocks.Add(new TableBlock(groups.ToReport(a.Groups, $"ตารางที่ ๓ {groups.Title}")));
        blocks.Add(new HeadingBlock("๔. ช่องว่างสมรรถนะ"));
        blocks.Add(new TableBlock(GapsTable.ToReport(a.Gaps, $"ตารางที่ ๔ {GapsTable.Title}")));
        blocks.AddRange(GapsCharts(a).Select(c => new ChartBlock(c)));
        blocks.Add(new SignatureBlock([new Signer("ผู้วิเคราะห์"), new Signer("ผู้รับรองข้อมูล")]));
        var report = await ReportResults.StartAsync(http, Title, area, $"needs-analysis-{area.Code}-{a.FiscalYear}", ct);
        return report with { Subtitles = [subtitle, Note], Orientation = PageOrientation.Landscape, Blocks = blocks };
    }
}
