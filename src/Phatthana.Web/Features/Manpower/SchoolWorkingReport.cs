using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using O = Phatthana.Web.Features.Organisation.OrganisationText;
using P = Phatthana.Web.Features.Personnel.PersonnelText;
using T = Phatthana.Web.Features.Manpower.ManpowerText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>
/// One school's requirement with its working — which rule, which band, rooms per grade, teachers per level before
/// rounding — so a director or an assessor can check every figure; then the register, subjects and out-of-major
/// teachers. The page shows this report and prints it as the PDF.
/// </summary>
public static class SchoolWorkingReport
{
    public static async Task<Report> BuildAsync(HttpContext http, Area area, ManpowerResult result, SchoolManpower s,
        IReadOnlyList<PostFact> posts, IReadOnlyList<SubjectNeedRow> needs, IReadOnlyList<OutOfMajorRow> outOfMajor, CancellationToken ct = default)
    {
        var r = s.Requirement;
        var c = result.RuleSet.Criteria;
        List<ReportBlock> blocks =
        [
            new HeadingBlock("๑. ผลการคำนวณ"),
            new ParagraphBlock($"นักเรียน {r.Students:#,0} คน ห้องเรียนตามเกณฑ์ {r.Classrooms:#,0} ห้อง — ต้องมีครู {r.Teachers:#,0} คน ผู้บริหาร {r.Administrators:#,0} คน รวม {r.Total:#,0} อัตรา; " +
                               $"มีตาม จ.18 ครู {s.ActualTeachers:#,0} ผู้บริหาร {s.ActualAdministrators:#,0} รวม {s.Actual:#,0} อัตรา (ว่าง {s.VacantPosts:#,0}) — " +
                               (s.Difference == 0 ? T.Exact : $"{T.Label(s.Status)} {Math.Abs(s.Difference):#,0} อัตรา"), Indent: true),
            new TableBlock(new ReportTable("ตารางที่ ๑ อัตราตามเกณฑ์เทียบกับที่มี",
                [new("รายการ", CellKind.Text, 30), new("ตามเกณฑ์", CellKind.Number, 14), new("ที่มี (จ.18)", CellKind.Number, 14), new("ต่าง", CellKind.Number, 12)],
                [
                    new ReportRow(["ครูผู้สอน", r.Teachers, s.ActualTeachers, s.ActualTeachers - r.Teachers]),
                    new ReportRow(["ผู้บริหาร (ผู้อำนวยการและรองฯ)", r.Administrators, s.ActualAdministrators, s.ActualAdministrators - r.Administrators]),
                ]) { Total = new ReportRow(["รวม", r.Total, s.Actual, s.Difference]) }),
            new HeadingBlock("๒. วิธีคิด"),
            new ParagraphBlock($"เกณฑ์ที่ใช้: {result.RuleSet.Name}{(result.RuleSet.Reference is { } refText ? $" ({refText})" : "")} — {T.Label(r.Rule)}", Indent: true),
        ];
        if (r.Grades.Count > 0)
            blocks.Add(new TableBlock(new ReportTable("ตารางที่ ๒ ห้องเรียนมาตรฐานรายชั้น",
                [new("ชั้น", CellKind.Text, 12), new("ระดับ", CellKind.Text, 26), new("นักเรียน", CellKind.Number, 12), new("ขนาดห้อง", CellKind.Number, 12), new("ห้องตามเกณฑ์", CellKind.Number, 14)],
                r.Grades.Select(g => new ReportRow([O.Label(g.Grade), T.Label(g.Level), g.Students, g.ClassSize, g.Rooms])).ToList())
            { Total = new ReportRow(["รวม", null, r.Students, null, r.Classrooms]) }));
        switch (r.Rule)
        {
            case StaffingRule.SmallSchool when r.Band is { } band:
                blocks.Add(new ParagraphBlock($"นักเรียนทั้งโรงเรียน {r.Students:#,0} คน ไม่เกิน {c.SmallSchoolMax:#,0} คน จึงใช้เกณฑ์โรงเรียนขนาดเล็ก: {T.Band(band)}; ผู้บริหาร {c.SmallSchoolAdministrators} คน", Indent: true));
                break;
            case StaffingRule.PerLevel:
                blocks.Add(new TableBlock(new ReportTable("ตารางที่ ๓ ครูตามเกณฑ์รายระดับ (ก่อนปัดเศษ)",
                    [new("ระดับ", CellKind.Text, 26), new("นักเรียน", CellKind.Number, 12), new("ห้อง", CellKind.Number, 10), new("สูตร", CellKind.Text, 44, true), new("ครู", CellKind.Decimal, 12)],
                    r.Levels.Select(l => new ReportRow([T.Label(l.Level), l.Students, l.Rooms, l.Formula, Math.Round(l.Teachers, 2, MidpointRounding.AwayFromZero)])).ToList())
                { Total = new ReportRow(["รวม", r.Students, r.Classrooms, $"{T.Label(c.Rounding)} → {r.Teachers:#,0} คน", Math.Round(r.UnroundedTeachers, 2, MidpointRounding.AwayFromZero)]) }));
                blocks.Add(new ParagraphBlock($"ผู้บริหาร: ผู้อำนวยการ {r.Directors} คน และ{(r.DeputyBand is { } db ? T.Band(db) : "ไม่มีช่วงรองผู้อำนวยการที่ตรงกับจำนวนนักเรียน")} รวม {r.Administrators} คน", Indent: true));
                break;
            default:
                blocks.Add(new ParagraphBlock("โรงเรียนไม่มีนักเรียนในปีการศึกษานี้ จึงไม่มีอัตราตามเกณฑ์ ทุกอัตราที่มีนับเป็นอัตราเกินเกณฑ์", Indent: true));
                break;
        }

        var types = new Dictionary<Guid, SchoolType> { [s.School.Id] = s.School.Type };
        var levels = SubjectAnalysis.ByLevel(posts, types);
        blocks.Add(new HeadingBlock("๓. ครูตาม จ.18 จำแนกตามกลุ่มสาระ (วิชาเอก) และระดับ"));
        blocks.Add(new TableBlock(SubjectTables.ByLevel("ตารางที่ ๔ ครูตาม จ.18 จำแนกตามกลุ่มสาระและระดับชั้นที่สอน", levels, s.ActualAdministrators)));
        blocks.Add(new HeadingBlock("๔. ความต้องการครูรายกลุ่มสาระ"));
        blocks.Add(needs.Count == 0
            ? new ParagraphBlock("โรงเรียนยังไม่ได้ระบุความต้องการครูรายกลุ่มสาระของปีการศึกษานี้", Indent: true)
            : new TableBlock(SubjectTables.Needs("ตารางที่ ๕ ความต้องการครูรายกลุ่มสาระเทียบกับที่มี", needs)));
        blocks.Add(new HeadingBlock("๕. ครูสอนไม่ตรงวิชาเอก"));
        blocks.Add(outOfMajor.Count == 0
            ? new ParagraphBlock("ไม่มีครูที่สอนไม่ตรงวิชาเอก (ตามข้อมูลวิชาเอกและกลุ่มสาระที่สอนในทะเบียน)", Indent: true)
            : new TableBlock(new ReportTable("ตารางที่ ๖ ครูสอนไม่ตรงวิชาเอก",
                [new(P.FullName, CellKind.Text, 30, true), new(P.Major, CellKind.Text, 24, true), new(P.TeachingSubjectAreas, CellKind.Text, 36, true)],
                outOfMajor.Select(o => new ReportRow([o.Name, P.Label(o.Major), P.Subjects(o.TeachingSubjectAreas)])).ToList())));
        blocks.Add(new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล", Position: "ผู้อำนวยการ" + s.School.Name)]));

        var report = await ReportResults.StartAsync(http, $"อัตรากำลังตามเกณฑ์ ก.ค.ศ. — {s.School.Name}", area, $"manpower-{s.School.Code}-{result.AcademicYear}", ct);
        return report with
        {
            Subtitles = [$"ปีการศึกษา {result.AcademicYear} (ข้อมูลนักเรียน ณ วันที่ {ThaiDate.Long(SchoolCalendar.StudentCountSnapshot(result.AcademicYear))}; อัตราตาม จ.18 ณ วันที่ {ThaiDate.Long(DateOnly.FromDateTime(report.GeneratedAt.ToOffset(ThaiDate.ThailandOffset).DateTime))})",
                $"รหัสสถานศึกษา {s.School.Code} · {O.Label(s.School.Type)} · อำเภอ{s.School.District}{(s.School.Network is { } n ? $" · เครือข่าย {n}" : "")}"],
            Blocks = blocks,
        };
    }
}

/// <summary>The subject tables shared by a school's working and the area's subject page.</summary>
public static class SubjectTables
{
    public static ReportTable ByLevel(string title, IReadOnlyList<SubjectLevelRow> rows, int administrators)
    {
        List<ReportColumn> columns = [new("กลุ่มสาระ (วิชาเอก)", CellKind.Text, 30, true)];
        columns.AddRange(SubjectAnalysis.Levels.Select(l => new ReportColumn(P.Label(l), CellKind.Number, 12)));
        columns.Add(new("ไม่ระบุระดับ", CellKind.Number, 11));
        columns.Add(new("รวม", CellKind.Number, 10));
        object?[] Cells(SubjectLevelRow r) => [r.Label, .. SubjectAnalysis.Levels.Select(l => (object?)r.ByLevel[l]), r.Unspecified, r.Total];
        var body = rows.Where(r => r.Subject is not null || r.Total > 0).Select(r => new ReportRow(Cells(r))).ToList();
        body.Add(new ReportRow(["ผู้บริหาร (ผู้อำนวยการและรองฯ)", .. SubjectAnalysis.Levels.Select(_ => (object?)null), null, administrators]));
        return new ReportTable(title, columns, body)
        {
            Total = new ReportRow(["รวม", .. SubjectAnalysis.Levels.Select(l => (object?)rows.Sum(r => r.ByLevel[l])), rows.Sum(r => r.Unspecified), rows.Sum(r => r.Total) + administrators]),
        };
    }

    public static ReportTable Needs(string title, IReadOnlyList<SubjectNeedRow> needs) =>
        new(title,
            [new("กลุ่มสาระ", CellKind.Text, 30, true), new("ต้องการ", CellKind.Number, 12), new("มี (ตามวิชาเอก)", CellKind.Number, 14), new("ยังขาด", CellKind.Number, 12), new("หมายเหตุ", CellKind.Text, 30, true)],
            needs.Select(n => new ReportRow([P.Label(n.Subject), n.Needed, n.Have, n.Shortfall, n.Note])).ToList())
        { Total = new ReportRow(["รวม", needs.Sum(n => n.Needed), needs.Sum(n => n.Have), needs.Sum(n => n.Shortfall), null]) };
}
