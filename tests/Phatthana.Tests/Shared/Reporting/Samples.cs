using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Tests.Shared.Reporting;

/// <summary>Reports built for the kit's tests, with the Thai that breaks naive renderers.</summary>
internal static class Samples
{
    public static readonly string[] Phrases =
    [
        "ผู้อำนวยการสถานศึกษา",
        "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา",
        "ปีงบประมาณ พ.ศ. ๒๕๖๘",
        "ศึกษานิเทศก์ชำนาญการพิเศษ ผู้ช่วยผู้อำนวยการ",
        "น้ำใจไมตรี ฤๅษี ญี่ปุ่น กรุ๊ป",
    ];

    public const string LongParagraph =
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑ ได้ดำเนินการพัฒนาข้าราชการครูและบุคลากรทางการศึกษาให้มีสมรรถนะตามมาตรฐานตำแหน่ง" +
        "และมาตรฐานวิชาชีพ โดยจัดอบรมเชิงปฏิบัติการให้ผู้อำนวยการสถานศึกษาและครูผู้สอนทุกกลุ่มสาระการเรียนรู้ ส่งเสริมการสร้างชุมชนการเรียนรู้ทางวิชาชีพ" +
        "อย่างต่อเนื่อง ติดตามผลการนำความรู้ไปใช้ในการจัดการเรียนการสอน และรายงานผลการดำเนินงานต่อคณะกรรมการติดตามตรวจสอบและประเมินผลการจัดการศึกษา" +
        "ทุกภาคเรียน เพื่อยกระดับคุณภาพผู้เรียนอย่างยั่งยืน";

    public static Report Report(params ReportBlock[] blocks) => new()
    {
        Title = "รายงานทดสอบชุดรายงาน",
        Subtitles = ["ปีงบประมาณ พ.ศ. ๒๕๖๘"],
        AreaName = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต ๑",
        GeneratedAt = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero),
        FileStem = "test",
        Blocks = blocks,
    };

    public static ReportTable People(int rows) => new("รายชื่อผู้เข้ารับการอบรม",
        [new("ลำดับ", CellKind.Number, 8), new("ชื่อ - สกุล", CellKind.Text, 40, true), new("ตำแหน่ง", CellKind.Text, 30, true), new("ชั่วโมง", CellKind.Decimal, 12)],
        Enumerable.Range(1, rows).Select(i => new ReportRow([i, $"นางสาวสมใจ ใฝ่เรียน {i}", "ผู้อำนวยการสถานศึกษา", 12.5m])).ToList())
    {
        Total = new ReportRow(["รวม", null, null, 12.5m * rows]),
    };

    public static ChartSpec Chart(ChartKind kind) => new(kind, "จำนวนครูจำแนกตามกลุ่มสาระการเรียนรู้",
        ["ภาษาไทย", "คณิตศาสตร์", "วิทยาศาสตร์", "สังคมศึกษา"],
        [new("ชาย", [3, 4, 5, 2]), new("หญิง", [6, 7, 3, 5])]) { ValueAxis = "จำนวน (คน)" };
}
