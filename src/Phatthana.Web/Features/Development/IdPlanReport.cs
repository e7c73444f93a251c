using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Development;

/// <summary>
/// แผนพัฒนาตนเอง as printed and signed: who and for which fiscal year, the goal, the self-assessment against the expected
/// level of each competency, the development asked for in priority order, and signature lines for the person and the
/// director who approves it.
/// </summary>
public static class IdPlanReport
{
    public static async Task<Report> BuildAsync(HttpContext http, IdPlanDto plan, Person person)
    {
        var area = await http.RequestServices.GetRequiredService<Data.AppDbContext>().Areas.FindAsync(person.AreaId);
        var report = await ReportResults.StartAsync(http, $"แผนพัฒนาตนเอง (ID Plan) ปีงบประมาณ {plan.FiscalYear}", area, $"id-plan-{plan.FiscalYear}-{person.Id:N}");
        var competencies = new ReportTable("การประเมินสมรรถนะของตนเอง",
            [new("สมรรถนะ", CellKind.Text, 60, Wrap: true), new("ประเภท", CellKind.Text, 24, Wrap: true), new("ระดับที่คาดหวัง", CellKind.Number, 14),
             new("ระดับของตนเอง", CellKind.Number, 14), new("ต้องพัฒนา (ระดับ)", CellKind.Number, 14)],
            plan.Competencies.Select(c => new ReportRow([$"{c.Code} {c.Name}", DevelopmentText.Label(c.Kind), c.ExpectedLevel, c.Level, c.Gap])).ToList());
        var needs = new ReportTable("ความต้องการในการพัฒนา",
            [new("ลำดับ", CellKind.Number, 8), new("หัวข้อการพัฒนา", CellKind.Text, 48, Wrap: true), new("วิธีการพัฒนา", CellKind.Text, 30, Wrap: true),
             new("ช่วงเวลา", CellKind.Text, 26, Wrap: true), new("ผลที่คาดว่าจะได้รับ", CellKind.Text, 40, Wrap: true)],
            plan.Needs.Select(n => new ReportRow([n.Priority, n.Topic, string.Join(", ", n.Methods.Select(TrainingText.Label)), Period(n), n.ExpectedOutcome])).ToList());
        var decided = plan.Status == IdPlanStatus.Approved ? plan.DecidedBy : null;
        return report with
        {
            Subtitles = [$"{plan.Person} ตำแหน่ง{plan.Position}" + (plan.School is { } s ? $" {s}" : ""), $"สถานะ: {DevelopmentText.Label(plan.Status)}"],
            Orientation = PageOrientation.Landscape,
            Blocks =
            [
                new HeadingBlock("เป้าหมายการพัฒนาตนเอง"),
                new ParagraphBlock(plan.Goal ?? "—", Indent: true),
                new TableBlock(competencies),
                new TableBlock(needs),
                new SignatureBlock([new Signer("ผู้จัดทำแผน", plan.Person, plan.Position), new Signer("ผู้อนุมัติแผน", decided, "ผู้อำนวยการสถานศึกษา")]),
            ],
        };
    }

    private static string Period(NeedDto n) => (n.PlannedStart, n.PlannedEnd) switch
    {
        ({ } s, { } e) => $"{ThaiDate.Short(s)} – {ThaiDate.Short(e)}",
        ({ } s, null) => $"ตั้งแต่ {ThaiDate.Short(s)}",
        (null, { } e) => $"ภายใน {ThaiDate.Short(e)}",
        _ => "",
    };
}
