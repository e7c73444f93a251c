using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// The demo area's self-assessment, written through the same use cases as the pages: on seed 003's standard 1 last
/// half-year's round, answered, evidenced (a signed order as a PDF, the manpower, training and data-quality reports
/// linked and frozen at submission), reviewed by the assessor and closed; this half-year's round open and half done, its
/// levels moving against the last; and this half-year's round of seed 000's strategy 5 rubric indicators.
/// </summary>
public sealed class DemoAssessment(AppDbContext db, Rounds rounds, EvidenceStore evidence, TimeProvider time)
{
    /// <summary>One item's answer: done, evidence clarity, results (ผลการดำเนินงาน) and the other narrative columns.</summary>
    private sealed record Answer(int Item, bool Done, EvidenceClarity Evidence, string Results, string? Success = null, string? Problems = null,
        string? Improvements = null, string? Approach = null, string? Used = null);

    public async Task SeedAsync(Area area, IReadOnlyList<Division> divisions, CancellationToken ct = default)
    {
        var today = ThaiDate.TodayInThailand(time);
        var now = HalfYear.Of(today);
        var last = now.Previous;
        Guid Division(string name) => divisions.First(d => d.Name == name).Id;
        var owners = new Dictionary<string, (Guid Division, string Person)>
        {
            ["1.1"] = (Division("กลุ่มนโยบายและแผน"), "นางวรรณา พึ่งทอง"),
            ["1.2"] = (Division("กลุ่มพัฒนาครูและบุคลากรทางการศึกษา"), "นางสาวพิมพ์ชนก ศรีสุข"),
            ["1.3"] = (Division("กลุ่มอำนวยการ"), "นายประวิทย์ แสงอรุณ"),
            ["1.4"] = (Division("กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"), "นายวีระพงษ์ ทองคำ"),
        };

        // Last half-year: answered in full, evidenced, submitted, reviewed and closed.
        var closed = await CreateAsync(area, "ESA2557-S1", last, ct);
        await AssignAsync(closed, owners, last.End.AddDays(-15), ct);
        await AnswerAsync(closed, LastAnswers, ct);
        var order = await UploadOrderAsync(closed, ct);
        await AttachAsync(closed, order, ("1.1", 1), ("1.1", 2), ("1.3", 1));
        var manpower = await LinkAsync(closed, "manpower", SchoolCalendar.AcademicYearOf(last.Start).ToString(), ct);
        await AttachAsync(closed, manpower, ("1.1", 5), ("1.3", 1));
        var training = await LinkAsync(closed, "training-summary", last.FiscalYear.ToString(), ct);
        await AttachAsync(closed, training, ("1.2", 1), ("1.2", 4));
        var quality = await LinkAsync(closed, "data-quality", null, ct);
        await AttachAsync(closed, quality, ("1.1", 5), ("1.4", 3));
        Must(await rounds.SubmitAsync(closed, null, ct));
        Must(await rounds.ReviewAsync(closed, "1.1", new ReviewInput("แผนปฏิบัติการและการติดตามผลเป็นระบบ ควรเผยแพร่ผลการดำเนินงานต่อสาธารณะให้มากขึ้น", null, null, null), ct));
        Must(await rounds.ReviewAsync(closed, "1.2", new ReviewInput("การจัดการความรู้เข้มแข็ง มีคลังความรู้ที่ใช้ได้จริง", null, null, null), ct));
        Must(await rounds.ReviewAsync(closed, "1.4", new ReviewInput("รายงานผลการนิเทศยังไม่ครบทั้ง ๔ ด้าน",
            2, "หลักฐานการนำผลการนิเทศไปใช้ (ประเด็นที่ ๔) ยังไม่ปรากฏ จึงเห็นชอบระดับ ๒", null), ct));
        Must(await rounds.CloseAsync(closed, ct));

        // This half-year: open, partly answered; the office's levels already differ from the last round's.
        var open = await CreateAsync(area, "ESA2557-S1", now, ct);
        await AssignAsync(open, owners, now.End.AddDays(-15), ct);
        await AnswerAsync(open, ThisAnswers, ct);
        var plan = await UploadOrderAsync(open, ct);
        await AttachAsync(open, plan, ("1.1", 1));
        var thisTraining = await LinkAsync(open, "training-summary", now.FiscalYear.ToString(), ct);
        await AttachAsync(open, thisTraining, ("1.2", 1));

        // Seed 000's strategy 5 rubric indicators (5.5 indicator 2, 5.6 indicator 1), this half-year.
        var strategy = await CreateAsync(area, "OBEC-S5-55-56", now, ct);
        await AnswerAsync(strategy, StrategyAnswers, ct);

        // The demo's own history: last round was handed in and reviewed two weeks after it ended, not today.
        // PostgreSQL takes instants in UTC only: 10:30 in Thailand.
        var handedIn = new DateTimeOffset(last.End.AddDays(15).ToDateTime(new TimeOnly(10, 30)), ThaiDate.ThailandOffset).ToUniversalTime();
        var stored = await db.AssessmentRounds.FirstAsync(r => r.Id == closed.Id, ct);
        stored.SubmittedAt = handedIn;
        stored.SubmittedBy = "นางสาวพิมพ์ชนก ศรีสุข";
        foreach (var e in await db.Evidence.Where(e => e.RoundId == closed.Id && e.Kind == EvidenceKind.Report).ToListAsync(ct)) e.SnapshotAt = handedIn;
        foreach (var i in await db.RoundIndicators.Where(i => i.RoundId == closed.Id && i.ReviewedAt != null).ToListAsync(ct))
        {
            i.ReviewedAt = handedIn.AddDays(10);
            i.ReviewedBy = "ดร.ประเสริฐ วงศ์ไทย";
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A round of every indicator of the framework for the half-year.</summary>
    private async Task<AssessmentRound> CreateAsync(Area area, string framework, HalfYear half, CancellationToken ct)
    {
        var created = Must(await rounds.CreateAsync(area, new RoundInput(framework, half.Name, half.Start, half.End, null), ct));
        return (await Rounds.FindAsync(db, created.Id, ct))!;
    }

    private async Task AssignAsync(AssessmentRound round, Dictionary<string, (Guid Division, string Person)> owners, DateOnly due, CancellationToken ct)
    {
        foreach (var (key, (division, person)) in owners)
            Must(await rounds.AssignAsync(round, key, new AssignmentInput(division.ToString(), person, due, null), ct));
    }

    private async Task AnswerAsync(AssessmentRound round, IReadOnlyDictionary<string, Answer[]> answers, CancellationToken ct)
    {
        foreach (var (key, items) in answers)
            foreach (var a in items)
                Must(await rounds.SaveItemAsync(round, key, a.Item.ToString(), new ItemInputBody(a.Done, a.Evidence.ToString(), a.Results, a.Success, a.Problems,
                    a.Improvements, a.Approach, a.Used is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(a.Used)), ct));
    }

    private async Task<Evidence> LinkAsync(AssessmentRound round, string report, string? parameter, CancellationToken ct) =>
        Must(await evidence.LinkAsync(round, report, parameter, null, ct));

    private async Task AttachAsync(AssessmentRound round, Evidence piece, params (string Indicator, int Item)[] items)
    {
        foreach (var (indicator, item) in items) Must(await evidence.AttachAsync(round, indicator, item.ToString(), piece.Id));
    }

    /// <summary>The office's order appointing the planning working group, as the signed PDF an office would scan and upload.</summary>
    private async Task<Evidence> UploadOrderAsync(AssessmentRound round, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == round.AreaId, ct);
        var year = HalfYear.Of(round.StartDate).FiscalYear;
        var pdf = PdfRenderer.Render(new Report
        {
            Title = $"คำสั่ง{area.Name}", AreaName = area.Name, GeneratedAt = time.GetUtcNow(), FileStem = "order",
            Subtitles = [$"ที่ 123/{year - 1}", $"เรื่อง แต่งตั้งคณะทำงานจัดทำแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}"],
            Blocks =
            [
                new ParagraphBlock("เพื่อให้การจัดทำแผนปฏิบัติการประจำปีงบประมาณเป็นไปด้วยความเรียบร้อย สอดคล้องกับนโยบายของสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน " +
                                   "และตอบสนองความต้องการของสถานศึกษาในสังกัด จึงแต่งตั้งคณะทำงานประกอบด้วยผู้แทนทุกกลุ่มงาน มีหน้าที่รวบรวมข้อมูล วิเคราะห์ และจัดทำร่างแผน", Indent: true),
                new SignatureBlock([new Signer("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")]),
            ],
        });
        await using var stream = new MemoryStream(pdf);
        var file = new FormFile(stream, 0, pdf.Length, "file", $"คำสั่งแต่งตั้งคณะทำงานจัดทำแผนปฏิบัติการ {year}.pdf") { Headers = new HeaderDictionary() };
        return Must(await evidence.UploadAsync(round, file, $"คำสั่งแต่งตั้งคณะทำงานจัดทำแผนปฏิบัติการประจำปี {year}", ct));
    }

    private static T Must<T>(Shared.Validation.Outcome<T> outcome) => outcome.Succeeded ? outcome.Value!
        : throw new InvalidOperationException("Demo self-assessment: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}").Append(outcome.Conflict?.Message ?? "").Append(outcome.NotFoundDetail ?? "")));

    private const EvidenceClarity None = EvidenceClarity.None, Unclear = EvidenceClarity.Unclear, Clear = EvidenceClarity.Clear, Verified = EvidenceClarity.ClearAndVerified;

    /// <summary>Last half-year: 1.1 five of six clear (level 4), 1.2 all four (5), 1.3 three (4), 1.4 two (3).</summary>
    private static readonly Dictionary<string, Answer[]> LastAnswers = new()
    {
        ["1.1"] =
        [
            new(1, true, Verified, "จัดทำแผนปฏิบัติการประจำปีโดยมีส่วนร่วมของทุกกลุ่มงานและผู้แทนสถานศึกษา ผ่านความเห็นชอบของ กพท.",
                "ผู้บริหารให้ความสำคัญและติดตามทุกเดือน", Approach: "จัดประชุมทบทวนแผนกลางปี"),
            new(2, true, Clear, "ถ่ายทอดแผนสู่การปฏิบัติผ่านการประชุมผู้บริหารสถานศึกษาและเว็บไซต์ของสำนักงาน"),
            new(3, true, Clear, "กำหนดมาตรฐานการให้บริการและเผยแพร่คู่มือการปฏิบัติงานทุกกลุ่มงาน", Problems: "บุคลากรบางส่วนยังไม่ได้ศึกษาคู่มือ"),
            new(4, true, Unclear, "นำระบบสารบรรณอิเล็กทรอนิกส์มาใช้ในการรับส่งหนังสือราชการ", Problems: "ยังไม่มีสถิติการใช้งานเป็นหลักฐาน",
                Improvements: "เก็บสถิติการใช้ระบบทุกเดือน"),
            new(5, true, Clear, "ใช้ข้อมูลอัตรากำลังและคุณภาพข้อมูลบุคลากรจากระบบในการวางแผนและตัดสินใจ"),
            new(6, true, Clear, "จัดทำรายงานผลการดำเนินงานประจำปีและนำผลมาปรับแผนปีถัดไป", "ใช้วงจร PDCA ทุกโครงการ"),
        ],
        ["1.2"] =
        [
            new(1, true, Verified, "ส่งเสริมให้บุคลากรทุกคนจัดทำแผนพัฒนาตนเองและเข้ารับการพัฒนาตามแผน", "มีระบบติดตามชั่วโมงการพัฒนารายบุคคล",
                Used: "นำผลการพัฒนาไปจัดหลักสูตรปีถัดไป"),
            new(2, true, Clear, "จัดกิจกรรมแลกเปลี่ยนเรียนรู้ระดับกลุ่มงานทุกเดือนและจัดเก็บองค์ความรู้ในคลังความรู้ของสำนักงาน"),
            new(3, true, Clear, "สื่อสารองค์ความรู้ผ่านจดหมายข่าวและกลุ่มไลน์ของสำนักงาน"),
            new(4, true, Clear, "กลุ่มงานวิจัยปฏิบัติการ ๓ เรื่องเพื่อพัฒนางาน", Improvements: "ขยายผลงานวิจัยสู่สถานศึกษา"),
        ],
        ["1.3"] =
        [
            new(1, true, Clear, "กระจายอำนาจการบริหารงบประมาณและการนิเทศสู่ประธานเครือข่าย ๑๒ เครือข่าย", "ประธานเครือข่ายมีส่วนร่วมในการตัดสินใจ"),
            new(2, true, Clear, "ประสานการประชุม กพท. อ.ก.ค.ศ. และ ก.ต.ป.น. ตามปฏิทินที่กำหนด"),
            new(3, true, Clear, "ชุมชนและองค์กรปกครองส่วนท้องถิ่นร่วมสนับสนุนโรงเรียนขนาดเล็ก"),
            new(4, true, Unclear, "สร้างเครือข่ายความร่วมมือกับมหาวิทยาลัยในพื้นที่", Problems: "ยังไม่มีบันทึกข้อตกลงความร่วมมือเป็นลายลักษณ์อักษร",
                Approach: "จัดทำ MOU กับมหาวิทยาลัยราชภัฏเพชรบุรี"),
        ],
        ["1.4"] =
        [
            new(1, true, Clear, "มีระบบและปฏิทินการนิเทศ ติดตาม ตรวจสอบ ประเมินผลทั้ง ๔ ด้าน"),
            new(2, true, Clear, "ศึกษานิเทศก์ออกนิเทศสถานศึกษาครบทุกแห่งอย่างน้อยภาคเรียนละ ๑ ครั้ง"),
            new(3, true, Unclear, "รวบรวมผลการนิเทศเป็นรายงานประจำภาคเรียน", Problems: "รายงานยังไม่ครบทั้ง ๔ ด้าน"),
            new(4, true, None, "นำผลการนิเทศไปวางแผนพัฒนาคุณภาพการศึกษา", Problems: "ยังไม่มีหลักฐานการนำผลไปใช้", Improvements: "บันทึกการนำผลไปใช้ในแผนปีถัดไป"),
        ],
    };

    /// <summary>This half-year so far: 1.1 all six clear (5, up), 1.2 three (4, down), 1.3 three (4, the same), 1.4 one (2, down).</summary>
    private static readonly Dictionary<string, Answer[]> ThisAnswers = new()
    {
        ["1.1"] =
        [
            new(1, true, Verified, "ทบทวนแผนปฏิบัติการประจำปีโดยใช้ข้อมูลจากระบบพัฒนา และผ่านความเห็นชอบของ กพท.", "ข้อมูลเป็นปัจจุบันจากระบบ"),
            new(2, true, Clear, "ถ่ายทอดแผนสู่การปฏิบัติผ่านการประชุมผู้บริหารสถานศึกษาทุกเครือข่าย"),
            new(3, true, Clear, "ปรับปรุงคู่มือการปฏิบัติงานและมาตรฐานการให้บริการ"),
            new(4, true, Clear, "ใช้ระบบสารบรรณอิเล็กทรอนิกส์และระบบพัฒนา โดยมีสถิติการใช้งานรายเดือน"),
            new(5, true, Clear, "ใช้รายงานอัตรากำลังและคุณภาพข้อมูลในการตัดสินใจเกลี่ยอัตรากำลัง"),
            new(6, true, Clear, "ติดตามผลการดำเนินงานรายไตรมาสและปรับแผน"),
        ],
        ["1.2"] =
        [
            new(1, true, Clear, "บุคลากรจัดทำแผนพัฒนาตนเองแล้วร้อยละ ๘๕"),
            new(2, true, Clear, "แลกเปลี่ยนเรียนรู้ระดับกลุ่มงานทุกเดือน"),
            new(3, true, Clear, "เผยแพร่องค์ความรู้ผ่านจดหมายข่าว"),
            new(4, false, None, "อยู่ระหว่างดำเนินการวิจัยปฏิบัติการ"),
        ],
        ["1.3"] =
        [
            new(1, true, Clear, "ประธานเครือข่ายร่วมวางแผนการใช้งบประมาณพัฒนาคุณภาพ"),
            new(2, true, Clear, "ประชุมสามองค์คณะบุคคลตามปฏิทิน"),
            new(3, true, Clear, "ชุมชนร่วมสนับสนุนโรงเรียนขนาดเล็ก ๒๐ แห่ง"),
        ],
        ["1.4"] =
        [
            new(1, true, Clear, "ปรับปฏิทินการนิเทศตามจุดเน้นของสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"),
            new(2, true, Unclear, "ออกนิเทศแล้ว ๖๐ แห่งจาก ๑๐๔ แห่ง"),
        ],
    };

    /// <summary>Strategy 5: 5.5 indicator 2 all done with one clear (rubric level 3); 5.6 indicator 1 one item not yet done (0).</summary>
    private static readonly Dictionary<string, Answer[]> StrategyAnswers = new()
    {
        ["1.2"] =
        [
            new(1, true, Clear, "มีระบบสารสนเทศการพัฒนาครูและบุคลากรทางการศึกษาที่เป็นปัจจุบัน (ระบบพัฒนา)"),
            new(2, true, Unclear, "จัดทำแผนปฏิบัติการพัฒนาครูตามความต้องการจำเป็นจากแผนพัฒนาตนเอง"),
            new(3, true, Unclear, "พัฒนาครูด้วยรูปแบบที่หลากหลาย ทั้งอบรม PLC และการนิเทศแบบโค้ช"),
            new(4, true, Unclear, "ดำเนินการตามแผนกลยุทธ์การพัฒนาครูสู่ความเป็นมืออาชีพ"),
        ],
        ["2.1"] =
        [
            new(1, true, Clear, "สร้างเครือข่ายยกระดับคุณภาพการศึกษา ๑๒ เครือข่าย มีคำสั่งแต่งตั้งคณะกรรมการ"),
            new(2, false, None, "อยู่ระหว่างจัดทำแนวทางการส่งเสริมการบริหารจัดการเครือข่าย"),
        ],
    };
}
