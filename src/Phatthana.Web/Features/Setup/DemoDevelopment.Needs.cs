using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Personnel;
using M = Phatthana.Web.Features.Training.DevelopmentMethod;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// What the demo's people ask for, after the seeds' needs analyses: Thai teachers the teaching of reading, science and
/// mathematics teachers STEM and coding, new assistant teachers classroom management and the PA agreement, everyone
/// active learning, assessment and digital tools — weighted, not fixed, so no two schools read alike.
/// </summary>
public sealed partial class DemoDevelopment
{
    /// <summary>A topic of the default catalogue found by a word of its name, who asks for it, how, and what should come of it.</summary>
    private sealed record TopicSeed(string Word, Func<Person, double> Weight, M[] Methods, string Outcome);

    private static bool Teaches(Person p, SubjectArea s) => p.Major == s || p.TeachingSubjectAreas.Contains(s);

    private static double New(Person p, double weight) => p.Position is Position.AssistantTeacher or Position.ContractTeacher ? weight : 1;

    private static readonly TopicSeed[] TeacherTopics =
    [
        new("Active Learning", p => 4, [M.Workshop, M.Coaching, M.Plc], "ออกแบบหน่วยการเรียนรู้เชิงรุกได้อย่างน้อย 1 หน่วย และนำไปใช้จริงในชั้นเรียน"),
        new("ฐานสมรรถนะ", p => 2, [M.Workshop, M.Training], "จัดทำแผนการจัดการเรียนรู้ฐานสมรรถนะที่ระบุสมรรถนะของผู้เรียนได้ชัดเจน"),
        new("ตามสภาพจริง", p => 2.5, [M.Training, M.Workshop], "สร้างเครื่องมือประเมินตามสภาพจริง (รูบริก) ใช้ในรายวิชาที่สอน"),
        new("เทคโนโลยีดิจิทัล", p => 3, [M.ETraining, M.Workshop], "ใช้สื่อและแพลตฟอร์มดิจิทัลในการจัดการเรียนรู้อย่างน้อยสัปดาห์ละครั้ง"),
        new("STEM", p => Teaches(p, SubjectArea.Science) ? 7 : Teaches(p, SubjectArea.Mathematics) ? 3 : 0.3, [M.Workshop, M.StudyVisit], "จัดกิจกรรม STEM ที่ผู้เรียนออกแบบและสร้างชิ้นงานแก้ปัญหาได้"),
        new("Coding", p => Teaches(p, SubjectArea.Science) ? 6 : Teaches(p, SubjectArea.Mathematics) ? 3 : 0.4, [M.ETraining, M.Workshop], "สอนวิทยาการคำนวณด้วยกิจกรรม Unplugged และ Coding ได้ตามตัวชี้วัด"),
        new("อ่านเขียนภาษาไทย", p => Teaches(p, SubjectArea.Thai) ? 8 : Teaches(p, SubjectArea.EarlyChildhood) ? 1.5 : 0.3, [M.Workshop, M.Plc, M.StudyVisit], "นักเรียนที่อ่านไม่คล่องในชั้นที่สอนอ่านออกเขียนได้เพิ่มขึ้นร้อยละ 20"),
        new("สื่อรูปธรรม", p => Teaches(p, SubjectArea.Mathematics) ? 7 : 0.3, [M.Workshop, M.Coaching], "ใช้สื่อรูปธรรมและ Bar Model สอนโจทย์ปัญหาได้"),
        new("CEFR", p => Teaches(p, SubjectArea.ForeignLanguages) ? 8 : 0.4, [M.ETraining, M.Training], "ผลการทดสอบภาษาอังกฤษของตนเองเพิ่มขึ้นหนึ่งระดับตาม CEFR"),
        new("ปฐมวัย", p => Teaches(p, SubjectArea.EarlyChildhood) ? 8 : 0, [M.Workshop, M.StudyVisit], "จัดประสบการณ์การเรียนรู้แบบบูรณาการตามหลักสูตรการศึกษาปฐมวัย"),
        new("ดูแลช่วยเหลือนักเรียน", p => 1.5, [M.Training, M.Plc], "คัดกรองและดูแลนักเรียนกลุ่มเสี่ยงในชั้นที่รับผิดชอบได้ครบทุกคน"),
        new("ชั้นเรียนเชิงบวก", p => New(p, 8) * 1.5, [M.Training, M.Coaching], "จัดการชั้นเรียนด้วยวินัยเชิงบวก ลดพฤติกรรมที่ไม่พึงประสงค์ในชั้นเรียน"),
        new("วิจัยในชั้นเรียน", p => 1.5, [M.Workshop, M.Coaching], "จัดทำวิจัยในชั้นเรียน 1 เรื่องเพื่อแก้ปัญหาผู้เรียน"),
        new("(PA)", p => New(p, 10) * 2, [M.Training, M.Coaching], "จัดทำข้อตกลงในการพัฒนางาน (PA) และรายงานผลได้ตามเกณฑ์"),
        new("(PLC)", p => 1.5, [M.Plc], "ร่วมกิจกรรม PLC ของโรงเรียนไม่น้อยกว่า 50 ชั่วโมงต่อปี"),
        new("จรรยาบรรณ", p => 0.6, [M.Training, M.ETraining], "ปฏิบัติตนตามจรรยาบรรณวิชาชีพและรู้แนวทางป้องกันการทุจริต"),
        new("ผู้ปกครองและชุมชน", p => 0.8, [M.Seminar, M.Plc], "จัดกิจกรรมร่วมกับผู้ปกครองอย่างน้อยภาคเรียนละ 1 ครั้ง"),
    ];

    private static readonly TopicSeed[] LeaderTopics =
    [
        new("ผู้นำทางวิชาการ", p => 3, [M.Training, M.StudyVisit], "ขับเคลื่อนการจัดการเรียนรู้เชิงรุกทั้งโรงเรียน"),
        new("นิเทศภายใน", p => 3, [M.Workshop, M.Coaching], "มีระบบนิเทศภายในที่ครูทุกคนได้รับการนิเทศอย่างน้อยภาคเรียนละครั้ง"),
        new("มีส่วนร่วม", p => 2, [M.Seminar, M.StudyVisit], "คณะกรรมการสถานศึกษาและชุมชนร่วมวางแผนพัฒนาโรงเรียน"),
        new("ประกันคุณภาพ", p => 2.5, [M.Workshop], "จัดทำรายงานการประเมินตนเอง (SAR) ที่ใช้ข้อมูลจริงและนำผลไปพัฒนา"),
        new("งบประมาณ", p => 2, [M.Training], "บริหารงบประมาณและพัสดุถูกต้องตามระเบียบ ไม่มีข้อทักท้วง"),
        new("ความเสี่ยง", p => 1.5, [M.Training, M.ETraining], "มีแผนความปลอดภัยและซ้อมแผนเผชิญเหตุปีละครั้ง"),
    ];

    private static readonly string[] TeacherGoals =
    [
        "พัฒนาการจัดการเรียนรู้เชิงรุกให้ผู้เรียนมีผลสัมฤทธิ์ทางการเรียนสูงขึ้น",
        "ใช้เทคโนโลยีดิจิทัลและการวัดผลตามสภาพจริงในการจัดการเรียนรู้",
        "แก้ปัญหาผู้เรียนด้วยการวิจัยในชั้นเรียนและการทำงานร่วมกันใน PLC",
    ];

    private static string Goal(Person p, Random random) =>
        p.Position is Position.Director or Position.DeputyDirector ? "บริหารสถานศึกษาด้วยข้อมูล และพัฒนาครูให้จัดการเรียนรู้เชิงรุกได้ทั้งโรงเรียน"
        : p.Position is Position.AssistantTeacher ? "ผ่านการประเมินครูผู้ช่วย และจัดการชั้นเรียนได้อย่างมีประสิทธิภาพ"
        : Teaches(p, SubjectArea.Thai) && random.Next(2) == 0 ? "ยกระดับการอ่านออกเขียนได้ของนักเรียนในชั้นที่สอน"
        : Teaches(p, SubjectArea.Science) && random.Next(2) == 0 ? "จัดการเรียนรู้วิทยาศาสตร์แบบ STEM และวิทยาการคำนวณได้ตามตัวชี้วัด"
        : TeacherGoals[random.Next(TeacherGoals.Length)];

    private static readonly string[] ReturnComments =
    [
        "ระบุผลที่คาดว่าจะได้รับให้วัดได้ทุกหัวข้อ",
        "ช่วงเวลาการพัฒนาหัวข้อแรกตรงกับช่วงสอบปลายภาค กรุณาปรับช่วงเวลา",
        "ควรเพิ่มหัวข้อการวัดและประเมินผลตามสภาพจริง ตามผลการนิเทศภาคเรียนที่ผ่านมา",
        "ระดับสมรรถนะที่ประเมินสูงกว่าผลการปฏิบัติงานจริง ขอให้ทบทวนอีกครั้ง",
    ];

    /// <summary>2–4 topics by weight (a topic building a competency the person put below its expected level counts double), in priority order.</summary>
    private static List<NeedInput?> Needs(Person p, IReadOnlyList<DevelopmentTopic> topics, IReadOnlyDictionary<Guid, int> gaps, int fiscalYear, int count, Random random)
    {
        var seeds = PositionGroups.Of(p.Position) == PositionGroup.Administrators ? LeaderTopics : TeacherTopics;
        var pool = topics.Where(t => t.Active).Select(t => (Topic: t, Seed: seeds.FirstOrDefault(s => t.Name.Contains(s.Word, StringComparison.Ordinal))))
            .Select(x => (x.Topic, x.Seed, Weight: (x.Seed?.Weight(p) ?? 1) * (x.Topic.CompetencyId is { } c && gaps.GetValueOrDefault(c) > 0 ? 2 : 1)))
            .Where(x => x.Weight > 0).ToList();
        var yearStart = Shared.Thai.SchoolCalendar.FiscalYearStart(fiscalYear);
        var needs = new List<NeedInput?>();
        while (needs.Count < count && pool.Count > 0)
        {
            var pick = random.NextDouble() * pool.Sum(x => x.Weight);
            var at = 0;
            while (at < pool.Count - 1 && (pick -= pool[at].Weight) > 0) at++;
            var chosen = pool[at];
            pool.RemoveAt(at);
            var methods = chosen.Seed?.Methods ?? [M.Training, M.Workshop, M.ETraining];
            // November to July, for one to three months, never past the end of the fiscal year.
            var start = yearStart.AddMonths(random.Next(1, 10));
            var end = start.AddMonths(random.Next(1, 4)).AddDays(-1);
            if (end > yearStart.AddYears(1).AddDays(-1)) end = yearStart.AddYears(1).AddDays(-1);
            needs.Add(new NeedInput(chosen.Topic.Id.ToString(), needs.Count + 1,
                [.. methods.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(2, methods.Length) + 1)).Select(m => m.ToString())],
                start, end, chosen.Seed?.Outcome ?? $"นำความรู้เรื่อง{chosen.Topic.Name}ไปใช้ในการปฏิบัติงาน"));
        }
        return needs;
    }

    /// <summary>The person's own levels around the expected one: most at it, many a level below, some above; new teachers lower.</summary>
    private static Dictionary<Guid, int> Levels(Person p, IReadOnlyList<Competency> competencies, Random random) =>
        competencies.ToDictionary(c => c.Id, c =>
        {
            var roll = random.Next(100) - (p.Position is Position.AssistantTeacher or Position.ContractTeacher ? 20 : 0);
            var delta = roll < 6 ? -2 : roll < 38 ? -1 : roll < 82 ? 0 : 1;
            return Math.Clamp(c.ExpectedLevel + delta, 1, 5);
        });
}
