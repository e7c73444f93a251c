using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// A project's PDCA as seed 002 reports its projects (การวางแผน → ขั้นดำเนินการ → ขั้นติดตาม/ตรวจสอบ → ขั้นปรับปรุง แก้ไข), with
/// seed 004's figures — the target of the year beside what was achieved — and signature lines; declared once for the page,
/// PDF, Excel and Word. The plan's summary puts every project of a year on one row, its P, D, C and A in short.
/// </summary>
public static class PdcaReport
{
    private static readonly ReportColumn Label = new("หัวข้อ", CellKind.Text, 32, Wrap: true);
    private static readonly ReportColumn Detail = new("รายละเอียด", CellKind.Text, 118, Wrap: true);

    public static async Task<Report> ProjectAsync(HttpContext http, ProjectPdcaDto p, Area area)
    {
        var report = await ReportResults.StartAsync(http, p.Name, area, $"pdca-{p.Id:N}", http.RequestAborted);
        return report with
        {
            Subtitles = [$"{PdcaText.ProjectTitle} ปีงบประมาณ {p.FiscalYear}", $"{p.PlanName} · ยุทธศาสตร์ที่ {p.StrategyNumber} {p.Strategy}"],
            Blocks = [.. ProjectBlocks(p), new SignatureBlock([new Signer("ผู้รับผิดชอบโครงการ", p.Plan.ResponsiblePerson), new Signer("ผู้อำนวยการกลุ่ม"),
                new Signer("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")])],
        };
    }

    public static IEnumerable<ReportBlock> ProjectBlocks(ProjectPdcaDto p)
    {
        var plan = p.Plan;
        yield return new HeadingBlock(PdcaText.P);
        yield return new TableBlock(new ReportTable("รายละเอียดโครงการ", [Label, Detail],
        [
            Row("ยุทธศาสตร์", $"ยุทธศาสตร์ที่ {p.StrategyNumber} {p.Strategy}"),
            Row("ความสอดคล้อง", plan.Alignment.Count == 0 ? "—" : string.Join("\n", plan.Alignment)),
            Row("วัตถุประสงค์", plan.Objectives ?? "—"), Row("วิธีดำเนินการ", plan.Methods ?? "—"), Row("กลุ่มเป้าหมาย", plan.TargetGroup ?? "—"),
            Row("ระยะเวลาดำเนินการ", PdcaText.Period(plan.StartDate, plan.EndDate)),
            Row("ผู้รับผิดชอบ", string.Join(" · ", new[] { plan.Division, plan.ResponsiblePerson }.Where(x => x is not null)) is { Length: > 0 } who ? who : "—"),
            Row("สถานะโครงการ", PlansText.Label(p.Status)),
        ]) { ShowTitle = false });
        yield return new TableBlock(new ReportTable("งบประมาณตามหมวดรายจ่าย", [new("หมวดรายจ่าย", CellKind.Text, 60), new("งบประมาณ (บาท)", CellKind.Decimal, 40)],
            [.. plan.Budget.Select(b => new ReportRow([PlansText.Label(b.Category), b.Budget]))]) { Total = new ReportRow(["รวม", plan.TotalBudget]) });

        var d = p.Do;
        yield return new HeadingBlock(PdcaText.D);
        yield return new TableBlock(new ReportTable("กิจกรรมตามแผนและผลการดำเนินงาน",
            [new("ที่", CellKind.Number, 8), new("กิจกรรม", CellKind.Text, 52, Wrap: true), new("ช่วงเวลาตามแผน", CellKind.Text, 34, Wrap: true),
             new("แล้วเสร็จเมื่อ", CellKind.Date, 20), new("ผล", CellKind.Text, 30, Wrap: true), new("หมายเหตุ", CellKind.Text, 30, Wrap: true)],
            [.. d.Activities.Select((a, i) => new ReportRow([i + 1, a.Name, PdcaText.Period(a.StartDate, a.EndDate), a.DoneOn, PdcaText.Label(a.Progress), a.Note]))]));
        yield return new TableBlock(new ReportTable("หลักสูตรที่ดำเนินการตามโครงการ",
            [new("หลักสูตร", CellKind.Text, 50, Wrap: true), new("รุ่น", CellKind.Text, 22, Wrap: true), new("วันที่", CellKind.Text, 30, Wrap: true),
             new("รูปแบบ", CellKind.Text, 20), new("ผู้เข้ารับการพัฒนา", CellKind.Number, 18), new("ผ่าน", CellKind.Number, 12), new("ร้อยละ", CellKind.Decimal, 14)],
            [.. d.Courses.Select(c => new ReportRow([c.Course, c.Session, PdcaText.Period(c.StartDate, c.EndDate), TrainingText.Label(c.Method), c.Enrolled, c.Passed, c.PassedPercent]))])
        {
            Total = d.Courses.Count > 0 ? new ReportRow(["รวม", $"{d.Courses.Count} รุ่น", "", "", d.Enrolled, d.Passed, d.PassedPercent]) : null,
        });
        yield return new TableBlock(new ReportTable("การใช้จ่ายงบประมาณ",
            [new("หมวดรายจ่าย", CellKind.Text, 36), new("งบประมาณ", CellKind.Decimal, 24), new("ผูกพัน", CellKind.Decimal, 22), new("เบิกจ่าย", CellKind.Decimal, 22),
             new("คงเหลือ", CellKind.Decimal, 22), new("ร้อยละเบิกจ่าย", CellKind.Decimal, 18)],
            [.. d.Spending.Select(s => new ReportRow([PlansText.Label(s.Category), s.Budget, s.Committed, s.Disbursed, s.Remaining, s.DisbursedPercent]))])
        {
            Total = new ReportRow(["รวม", plan.TotalBudget, d.Committed, d.Disbursed, plan.TotalBudget - d.Committed - d.Disbursed, Percent(d.Disbursed, plan.TotalBudget)]),
        });

        yield return new HeadingBlock(PdcaText.C);
        yield return new TableBlock(new ReportTable($"ตัวชี้วัดความสำเร็จ ปีงบประมาณ {p.FiscalYear}",
            [new("ตัวชี้วัด", CellKind.Text, 64, Wrap: true), new("ค่าเป้าหมาย", CellKind.Text, 22, Wrap: true), new("ผลการดำเนินงาน", CellKind.Text, 22, Wrap: true),
             new("ร้อยละของเป้าหมาย", CellKind.Decimal, 18), new("ผลการประเมิน", CellKind.Text, 24, Wrap: true)],
            [.. p.Check.Kpis.Select(k => new ReportRow([KpiName(k), PdcaText.Value(k.Unit, k.Target), PdcaText.Value(k.Unit, k.Actual), k.Achievement, PlansText.Label(k.Light)]))]));

        // In tables, not paragraphs, so the Excel file carries them too.
        yield return new TableBlock(new ReportTable("ผลการตรวจสอบ", [Label, Detail],
            [Row("สรุปผลการดำเนินงาน", CheckSummary(p)), Row(PdcaText.CheckNotes, p.CheckNotes ?? PdcaText.NoCheckNotes)]) { ShowTitle = false });

        yield return new HeadingBlock(PdcaText.A);
        yield return new TableBlock(new ReportTable("การปรับปรุงและพัฒนา", [Label, Detail], [Row(PdcaText.ActNotes, p.Act ?? PdcaText.NoActNotes)]) { ShowTitle = false });
    }

    /// <summary>"กิจกรรมแล้วเสร็จ 4 จาก 5 (ล่าช้า 1) · …": the figures the Check step reads first.</summary>
    public static string CheckSummary(ProjectPdcaDto p)
    {
        var d = p.Do;
        var parts = new List<string>
        {
            d.Activities.Count == 0 ? "ยังไม่มีกิจกรรม" : $"กิจกรรมแล้วเสร็จ {d.ActivitiesDone} จาก {d.Activities.Count} กิจกรรม" + (d.ActivitiesLate > 0 ? $" (ล่าช้า {d.ActivitiesLate})" : ""),
            p.Check.Behind ? PdcaText.Behind : PdcaText.OnSchedule,
        };
        if (d.Courses.Count > 0) parts.Add($"ผู้เข้ารับการพัฒนา {ThaiNumber.Format(d.Enrolled)} คน ผ่าน {ThaiNumber.Format(d.Passed)} คน (ร้อยละ {ThaiNumber.Format(d.PassedPercent ?? 0, 2)})");
        parts.Add(Percent(d.Disbursed, p.Plan.TotalBudget) is { } spent
            ? $"เบิกจ่าย {ThaiNumber.Format(d.Disbursed, 2)} บาท (ร้อยละ {ThaiNumber.Format(spent, 2)} ของงบประมาณ)" : "ไม่มีงบประมาณ");
        if (p.Check.Kpis.Count > 0)
            parts.Add($"ตัวชี้วัด {p.Check.Kpis.Count} ตัว: บรรลุ {p.Check.Met} ใกล้บรรลุ {p.Check.Close} ต่ำกว่าเป้าหมาย {p.Check.Below}");
        return string.Join(" · ", parts);
    }

    public static async Task<Report> PlanAsync(HttpContext http, PlanPdcaDto plan, YearProgress progress, Area area)
    {
        var report = await ReportResults.StartAsync(http, plan.Name, area, $"pdca-plan-{plan.Id:N}-{plan.FiscalYear}", http.RequestAborted);
        var rows = plan.Projects.Select((p, i) => new ReportRow([i + 1, ReportCell.Of(p.Name, $"ยุทธศาสตร์ที่ {p.StrategyNumber}", PlansText.Label(p.Status)),
            ReportCell.Of($"งบประมาณ {ThaiNumber.Format(p.Plan.TotalBudget, 2)} บาท", PdcaText.Period(p.Plan.StartDate, p.Plan.EndDate),
                string.Join(" · ", new[] { p.Plan.Division, p.Plan.ResponsiblePerson }.Where(x => x is not null)) is { Length: > 0 } who ? who : "ไม่ระบุผู้รับผิดชอบ"),
            ReportCell.Of([.. DoShort(p)]),
            ReportCell.Of([p.Check.Behind ? PdcaText.Behind : PdcaText.OnSchedule, .. p.Check.Kpis.Select(k => $"{PlansText.Label(k.Light)}: {k.Name} ({PdcaText.Value(k.Unit, k.Actual)} / เป้า {PdcaText.Value(k.Unit, k.Target)})"),
                .. p.CheckNotes is { } found ? [found] : Array.Empty<string>()]),
            p.Act ?? "—"])).ToList();
        return report with
        {
            Subtitles = [$"{PdcaText.PlanTitle} ปีงบประมาณ {plan.FiscalYear}", YearSummary(progress)],
            Orientation = PageOrientation.Landscape,
            Blocks =
            [
                new TableBlock(new ReportTable($"โครงการปีงบประมาณ {plan.FiscalYear}",
                    [new("ที่", CellKind.Number, 8), new("โครงการ", CellKind.Text, 44, Wrap: true), new("P การวางแผน", CellKind.Text, 40, Wrap: true),
                     new("D การดำเนินงาน", CellKind.Text, 44, Wrap: true), new("C การตรวจสอบ", CellKind.Text, 64, Wrap: true), new("A การปรับปรุง", CellKind.Text, 48, Wrap: true)],
                    rows) { ShowTitle = false }),
                new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา")]),
            ],
        };
    }

    /// <summary>"โครงการ 6: เสร็จสิ้น 4 · ตามกำหนด 5 · ล่าช้า 1 — ตัวชี้วัด 8: บรรลุ 3 · ใกล้บรรลุ 2 · ต่ำกว่าเป้าหมาย 2 · ยังไม่มีผล 1".</summary>
    public static string YearSummary(YearProgress y) =>
        $"โครงการ {y.Projects.Count}: เสร็จสิ้น {y.ProjectsCompleted} · ตามกำหนด {y.ProjectsOnSchedule} · ล่าช้า {y.ProjectsBehind}" +
        $" — ตัวชี้วัด {y.Kpis.Count}: บรรลุ {y.KpisMet} · ใกล้บรรลุ {y.KpisClose} · ต่ำกว่าเป้าหมาย {y.KpisBehind} · ยังไม่มีผล {y.KpisWithoutResult}";

    private static IEnumerable<string> DoShort(ProjectPdcaDto p)
    {
        var d = p.Do;
        yield return d.Activities.Count == 0 ? "ยังไม่มีกิจกรรม" : $"กิจกรรมเสร็จ {d.ActivitiesDone}/{d.Activities.Count}" + (d.ActivitiesLate > 0 ? $" ล่าช้า {d.ActivitiesLate}" : "");
        if (d.Courses.Count > 0) yield return $"พัฒนา {d.Courses.Count} รุ่น ผ่าน {ThaiNumber.Format(d.Passed)}/{ThaiNumber.Format(d.Enrolled)} คน";
        yield return $"เบิกจ่าย {ThaiNumber.Format(d.Disbursed, 2)} บาท" + (Percent(d.Disbursed, p.Plan.TotalBudget) is { } x ? $" ({ThaiNumber.Format(x, 2)}%)" : "");
    }

    private static string KpiName(PdcaKpi k) => k.Name + (k.MetricName is not null ? " (คำนวณจากข้อมูลในระบบ)" : "") + (k.OfProject ? "" : " — ตัวชี้วัดของยุทธศาสตร์");

    private static ReportRow Row(string label, string text) => new([label, text]);

    private static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
