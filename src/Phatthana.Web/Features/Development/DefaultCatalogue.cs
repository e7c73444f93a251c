using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Development;

/// <summary>
/// The default catalogue an area starts from: for teachers the ก.ค.ศ. teacher competencies — five core (สมรรถนะหลัก) and six
/// functional (สมรรถนะประจำสายงาน) — with the development topics the offices' plans name most (active learning, assessment,
/// digital tools, classroom research, PLC, the PA agreement …); for school administrators their four core and four functional
/// competencies with the topics of school leadership. The area's staff edit it from there.
/// </summary>
public static class DefaultCatalogue
{
    public static readonly IReadOnlyList<(string Code, CompetencyKind Kind, string Name, int Expected)> TeacherCompetencies =
    [
        ("C1", CompetencyKind.Core, "การมุ่งผลสัมฤทธิ์ของงาน", 3),
        ("C2", CompetencyKind.Core, "การบริการที่ดี", 3),
        ("C3", CompetencyKind.Core, "การพัฒนาตนเอง", 3),
        ("C4", CompetencyKind.Core, "การทำงานเป็นทีม", 3),
        ("C5", CompetencyKind.Core, "จริยธรรมและจรรยาบรรณวิชาชีพครู", 4),
        ("F1", CompetencyKind.Functional, "การบริหารหลักสูตรและการจัดการเรียนรู้", 3),
        ("F2", CompetencyKind.Functional, "การพัฒนาผู้เรียน", 3),
        ("F3", CompetencyKind.Functional, "การบริหารจัดการชั้นเรียน", 3),
        ("F4", CompetencyKind.Functional, "การวิเคราะห์ สังเคราะห์ และการวิจัยเพื่อพัฒนาผู้เรียน", 3),
        ("F5", CompetencyKind.Functional, "ภาวะผู้นำครู", 3),
        ("F6", CompetencyKind.Functional, "การสร้างความสัมพันธ์และความร่วมมือกับชุมชนเพื่อการจัดการเรียนรู้", 3),
    ];

    /// <summary>Topics with the competency they build (by code) and, for subject teaching, the subject area.</summary>
    public static readonly IReadOnlyList<(string Name, string Competency, SubjectArea? Subject)> TeacherTopics =
    [
        ("การออกแบบการจัดการเรียนรู้เชิงรุก (Active Learning)", "F1", null),
        ("การจัดการเรียนรู้ฐานสมรรถนะ", "F1", null),
        ("การวัดและประเมินผลตามสภาพจริง", "F1", null),
        ("การใช้เทคโนโลยีดิจิทัลในการจัดการเรียนรู้", "F1", null),
        ("การจัดการเรียนรู้แบบ STEM", "F1", SubjectArea.Science),
        ("วิทยาการคำนวณและการสอน Coding", "F1", SubjectArea.Science),
        ("การสอนอ่านเขียนภาษาไทยสำหรับนักเรียนที่อ่านไม่คล่อง", "F1", SubjectArea.Thai),
        ("การจัดการเรียนรู้คณิตศาสตร์ด้วยสื่อรูปธรรม", "F1", SubjectArea.Mathematics),
        ("ภาษาอังกฤษเพื่อการสื่อสารสำหรับครู (CEFR)", "F1", SubjectArea.ForeignLanguages),
        ("การจัดประสบการณ์การเรียนรู้ปฐมวัย", "F1", SubjectArea.EarlyChildhood),
        ("ระบบการดูแลช่วยเหลือนักเรียนและจิตวิทยาสำหรับครู", "F2", null),
        ("การจัดการชั้นเรียนเชิงบวก", "F3", null),
        ("การวิจัยในชั้นเรียน", "F4", null),
        ("การจัดทำข้อตกลงในการพัฒนางาน (PA) และการเลื่อนวิทยฐานะ", "C3", null),
        ("ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)", "C4", null),
        ("วินัย จรรยาบรรณ และการป้องกันการทุจริตสำหรับครู", "C5", null),
        ("การสร้างเครือข่ายความร่วมมือกับผู้ปกครองและชุมชน", "F6", null),
    ];

    public static readonly IReadOnlyList<(string Code, CompetencyKind Kind, string Name, int Expected)> AdministratorCompetencies =
    [
        ("C1", CompetencyKind.Core, "การมุ่งผลสัมฤทธิ์ของงาน", 4),
        ("C2", CompetencyKind.Core, "การบริการที่ดี", 4),
        ("C3", CompetencyKind.Core, "การพัฒนาตนเอง", 4),
        ("C4", CompetencyKind.Core, "การทำงานเป็นทีม", 4),
        ("F1", CompetencyKind.Functional, "การวิเคราะห์และการสังเคราะห์", 4),
        ("F2", CompetencyKind.Functional, "การสื่อสารและการจูงใจ", 4),
        ("F3", CompetencyKind.Functional, "การพัฒนาศักยภาพบุคลากร", 4),
        ("F4", CompetencyKind.Functional, "การมีวิสัยทัศน์", 4),
    ];

    public static readonly IReadOnlyList<(string Name, string Competency, SubjectArea? Subject)> AdministratorTopics =
    [
        ("ภาวะผู้นำทางวิชาการ", "F4", null),
        ("การนิเทศภายในสถานศึกษา", "F3", null),
        ("การบริหารสถานศึกษาแบบมีส่วนร่วม", "C4", null),
        ("การประกันคุณภาพการศึกษาภายในสถานศึกษา", "F1", null),
        ("การบริหารงบประมาณ การเงิน และพัสดุ", "C1", null),
        ("การบริหารความเสี่ยงและความปลอดภัยในสถานศึกษา", "F1", null),
    ];

    /// <summary>The groups a default set ships for.</summary>
    public static readonly IReadOnlyList<PositionGroup> Groups = [PositionGroup.Teachers, PositionGroup.Administrators];

    /// <summary>
    /// Adds the default set of each group (or of <paramref name="only"/> that group) that has no competencies in the area yet;
    /// returns how many rows it added.
    /// </summary>
    public static async Task<int> EnsureAsync(AppDbContext db, Guid areaId, CancellationToken ct = default, PositionGroup? only = null)
    {
        var added = 0;
        foreach (var (group, competencySet, topicSet) in new[]
                 {
                     (PositionGroup.Teachers, TeacherCompetencies, TeacherTopics), (PositionGroup.Administrators, AdministratorCompetencies, AdministratorTopics),
                 })
        {
            if (only is { } o && o != group) continue;
            if (await db.Competencies.AnyAsync(c => c.AreaId == areaId && c.Group == group, ct)) continue;
            var competencies = competencySet.Select((c, i) => new Competency
            {
                AreaId = areaId, Code = c.Code, Kind = c.Kind, Name = c.Name, ExpectedLevel = c.Expected, Group = group, SortOrder = i + 1,
            }).ToList();
            db.Competencies.AddRange(competencies);
            var existing = (await db.DevelopmentTopics.Where(t => t.AreaId == areaId && t.Group == group).Select(t => t.Name).ToListAsync(ct)).ToHashSet();
            var topics = topicSet.Where(t => !existing.Contains(t.Name)).Select(t => new DevelopmentTopic
            {
                AreaId = areaId, Name = t.Name, Group = group, SubjectArea = t.Subject, CompetencyId = competencies.Single(c => c.Code == t.Competency).Id,
            }).ToList();
            db.DevelopmentTopics.AddRange(topics);
            added += competencies.Count + topics.Count;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
