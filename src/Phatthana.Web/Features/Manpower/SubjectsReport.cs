using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using P = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Manpower;

/// <summary>
/// ครูตาม จ.18 จำแนกตามกลุ่มสาระ — seed 000's table (subject × level) for the whole area, the schools' requests
/// per subject against the teachers of that major they have, and every school's teachers per subject.
/// </summary>
public static class SubjectsReport
{
    public const string Title = "อัตรากำลังครูจำแนกตามกลุ่มสาระการเรียนรู้";

    /// <summary>The year asked (a 422 on academicYear when it is not a year), else the latest with student counts, else the current one.</summary>
    public static async Task<Outcome<int>> YearAsync(AppDbContext db, Area area, string? academicYear, TimeProvider time, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(academicYear))
            return SchoolCalendar.TryReadYear(academicYear, out var y)
                ? Outcome<int>.Ok(y)
                : Outcome<int>.Invalid([SchoolCalendar.BadYear("academicYear", "ปีการศึกษา", academicYear)]);
        var years = await ManpowerCalculation.YearsAsync(db, area.Id, ct);
        return Outcome<int>.Ok(years.Count > 0 ? years[0] : SchoolCalendar.AcademicYearOf(Shared.Thai.ThaiDate.TodayInThailand(time)));
    }

    public static async Task<Report> BuildAsync(HttpContext http, AppDbContext db, Area area, int year, CancellationToken ct = default)
    {
        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == area.Id)
            .Select(s => new { s.Id, s.Code, s.Name, s.Type }).ToListAsync(ct);
        schools = schools.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var types = schools.ToDictionary(s => s.Id, s => s.Type);
        var posts = await SubjectAnalysis.PostsAsync(db, area.Id, ct: ct);
        var needs = await SubjectAnalysis.NeedsAsync(db, area.Id, year, ct: ct);
        var have = SubjectAnalysis.HaveBySchool(posts);
        var administrators = posts.Count(p => p.PostType == Personnel.PostType.Administrator);

        // 2. Needs against what the requesting schools have, per subject.
        var needRows = needs.GroupBy(n => n.SubjectArea).OrderBy(g => g.Key).Select(g =>
        {
            var haveThere = g.Sum(n => have.GetValueOrDefault(n.SchoolId)?.GetValueOrDefault(g.Key) ?? 0);
            var shortfall = g.Sum(n => Math.Max(0, n.Needed - (have.GetValueOrDefault(n.SchoolId)?.GetValueOrDefault(g.Key) ?? 0)));
            return new ReportRow([P.Label(g.Key), g.Count(), g.Sum(n => n.Needed), haveThere, shortfall]);
        }).ToList();
        var needTable = new ReportTable("ตารางที่ ๒ ความต้องการครูรายกลุ่มสาระที่สถานศึกษาระบุ เทียบกับครูที่มี",
            [new("กลุ่มสาระ", CellKind.Text, 30, true), new("โรงเรียนที่ขอ", CellKind.Number, 12), new("ต้องการ", CellKind.Number, 12), new("มี (ตามวิชาเอก)", CellKind.Number, 14), new("ยังขาด", CellKind.Number, 12)],
            needRows)
        { Total = new ReportRow(["รวม", needs.Select(n => n.SchoolId).Distinct().Count(), needs.Sum(n => n.Needed), null, needRows.Sum(r => (int)r.Values[4]!)]) };

        // 3. Each school's teachers per subject.
        var teacherPosts = posts.Where(p => p.PostType == Personnel.PostType.Teacher).ToLookup(p => p.SchoolId);
        List<ReportColumn> columns = [new("รหัส", CellKind.Text, 12), new("สถานศึกษา", CellKind.Text, 28, true)];
        columns.AddRange(SubjectAnalysis.Subjects.Select(s => new ReportColumn(ShortLabel(s), CellKind.Number, 7)));
        columns.AddRange([new("ไม่ระบุเอก", CellKind.Number, 7), new("ว่าง", CellKind.Number, 7), new("รวมครู", CellKind.Number, 8)]);
        object?[] Cells(string code, string name, IEnumerable<PostFact> list)
        {
            var l = list.ToList();
            return [code, name, .. SubjectAnalysis.Subjects.Select(s => (object?)l.Count(p => p.OccupantId != null && p.Major == s)),
                l.Count(p => p.OccupantId != null && p.Major is null), l.Count(p => p.OccupantId == null), l.Count];
        }
        var perSchool = new ReportTable("ตารางที่ ๓ ครูตาม จ.18 รายสถานศึกษาจำแนกตามกลุ่มสาระ (วิชาเอก)", columns,
            schools.Select(s => new ReportRow(Cells(s.Code, s.Name, teacherPosts[s.Id]))).ToList())
        { Total = new ReportRow(Cells("", "รวม", posts.Where(p => p.PostType == Personnel.PostType.Teacher))) };

        var report = await ReportResults.StartAsync(http, Title, area, $"manpower-subjects-{area.Code}-{year}", ct);
        return report with
        {
            Subtitles = [$"ปีการศึกษา {year} · ครูนับตามวิชาเอกของผู้ครองอัตรา และระดับชั้นที่สอน"],
            Orientation = PageOrientation.Landscape,
            Blocks =
            [
                new HeadingBlock("๑. ครูตาม จ.18 จำแนกตามกลุ่มสาระและระดับ"),
                new TableBlock(SubjectTables.ByLevel("ตารางที่ ๑ ครูตาม จ.18 จำแนกตามกลุ่มสาระ (วิชาเอก) และระดับชั้นที่สอน", SubjectAnalysis.ByLevel(posts, types), administrators)),
                new ParagraphBlock("ระดับชั้นที่สอนมาจากทะเบียนบุคลากร ครูในโรงเรียนประถมศึกษาที่ไม่ได้ระบุนับเป็นระดับประถมศึกษา (ปฐมวัยสำหรับวิชาเอกปฐมวัย) " +
                                   "ส่วนโรงเรียนขยายโอกาสและมัธยมศึกษาที่ไม่ได้ระบุ แสดงในช่อง \"ไม่ระบุระดับ\"", Indent: true),
                new HeadingBlock("๒. ความต้องการครูรายกลุ่มสาระ"),
                needs.Count == 0
                    ? new ParagraphBlock($"ยังไม่มีสถานศึกษาระบุความต้องการครูรายกลุ่มสาระของปีการศึกษา {year}", Indent: true)
                    : new TableBlock(needTable),
                new HeadingBlock("๓. รายสถานศึกษา"),
                new TableBlock(perSchool),
                new SignatureBlock([new Signer("ผู้รายงาน"), new Signer("ผู้รับรองข้อมูล", Position: "ผู้อำนวยการ" + area.Name)]),
            ],
        };
    }

    /// <summary>Narrow headers for the per-school table, as offices abbreviate them.</summary>
    public static string ShortLabel(Personnel.SubjectArea s) => s switch
    {
        Personnel.SubjectArea.Thai => "ไทย",
        Personnel.SubjectArea.Mathematics => "คณิต",
        Personnel.SubjectArea.Science => "วิทย์",
        Personnel.SubjectArea.SocialStudies => "สังคม",
        Personnel.SubjectArea.HealthPE => "สุขศึกษา",
        Personnel.SubjectArea.Arts => "ศิลปะ",
        Personnel.SubjectArea.CareerTech => "การงาน",
        Personnel.SubjectArea.ForeignLanguages => "ภาษาต่างประเทศ",
        Personnel.SubjectArea.EarlyChildhood => "ปฐมวัย",
        Personnel.SubjectArea.Guidance => "แนะแนว",
        Personnel.SubjectArea.SpecialEducation => "การศึกษาพิเศษ",
        _ => P.Label(s),
    };
}
