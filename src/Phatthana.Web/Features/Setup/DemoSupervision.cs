using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Supervision;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// Two academic years of supervision by the demo ศึกษานิเทศก์ (supervisor@), after seed 003: every school visited in each first
/// semester and about two in three in each second semester (this one up to yesterday), results improving year on year as
/// seed 003's summary reports them (mostly ดีเยี่ยม/ดีมาก, some ดี, a few พอใช้ and ปรับปรุง); weaker results get a follow-up, most done,
/// some past their date. Deterministic for a given day.
/// </summary>
public sealed class DemoSupervision(AppDbContext db)
{
    public const string SupervisorEmail = "supervisor@phatthana.demo";

    private static readonly (SubjectArea? Subject, string Topic)[] Focus =
    [
        (SubjectArea.Thai, "การจัดการเรียนรู้ภาษาไทย อ่านออก เขียนได้ อ่านคล่อง เขียนคล่อง"),
        (SubjectArea.Mathematics, "การจัดการเรียนรู้คณิตศาสตร์ การคิดเลขเป็น"),
        (SubjectArea.Science, "การจัดการเรียนรู้โดยใช้โครงงานวิทยาศาสตร์"),
        (SubjectArea.ForeignLanguages, "การสอนภาษาอังกฤษเพื่อการสื่อสาร"),
        (SubjectArea.EarlyChildhood, "การจัดประสบการณ์การเรียนรู้ระดับปฐมวัย"),
        (null, "ระบบประกันคุณภาพภายในสถานศึกษา"),
        (null, "การนิเทศภายในสถานศึกษา"),
        (null, "การบริหารจัดการ ๔ งาน (วิชาการ งบประมาณ บุคคล บริหารทั่วไป)"),
        (SubjectArea.SocialStudies, "การจัดการเรียนรู้ตามหลักปรัชญาของเศรษฐกิจพอเพียง"),
    ];

    private static readonly Dictionary<SupervisionLevel, (string Findings, string Recommendations)> Notes = new()
    {
        [SupervisionLevel.Excellent] = ("ครูจัดกิจกรรมการเรียนรู้หลากหลาย เน้นผู้เรียนเป็นสำคัญ มีร่องรอยหลักฐานการดำเนินงานครบถ้วนชัดเจน",
            "ควรถอดบทเรียนเป็นแนวปฏิบัติที่ดี (Best Practice) และขยายผลให้โรงเรียนในกลุ่มเครือข่าย"),
        [SupervisionLevel.VeryGood] = ("ดำเนินงานตามแผนครบทุกขั้นตอน มีหลักฐานชัดเจนเกือบทุกประเด็น",
            "ควรนำผลการประเมินมาใช้ปรับปรุงการจัดการเรียนรู้อย่างต่อเนื่อง"),
        [SupervisionLevel.Good] = ("ดำเนินงานตามแผน แต่ร่องรอยหลักฐานบางประเด็นยังไม่ชัดเจน",
            "ควรจัดทำเอกสารหลักฐานให้ครบถ้วน และนิเทศภายในอย่างสม่ำเสมอ"),
        [SupervisionLevel.Fair] = ("ครูบางส่วนยังไม่ได้จัดทำแผนการจัดการเรียนรู้ให้เป็นปัจจุบัน การวัดผลยังไม่หลากหลาย",
            "ควรจัดทำแผนการนิเทศภายในรายเดือน และให้ครูพี่เลี้ยงช่วยเหลือครูที่ยังไม่พร้อม"),
        [SupervisionLevel.NeedsImprovement] = ("ยังไม่มีการดำเนินงานตามแผนอย่างเป็นระบบ ขาดร่องรอยหลักฐาน",
            "ศึกษานิเทศก์จะติดตามช่วยเหลืออย่างใกล้ชิด โรงเรียนควรจัดทำแผนพัฒนาเร่งด่วนภายใน ๓๐ วัน"),
    };

    public async Task SeedAsync(Area area, DateOnly today, Random random)
    {
        var supervisor = await db.Users.Where(u => u.Email == SupervisorEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var schools = await db.Schools.Where(s => s.AreaId == area.Id).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync();
        // Each school's standing; the year's gain moves it up the levels.
        var standing = schools.ToDictionary(s => s, _ => random.NextDouble());
        var thisYear = SchoolCalendar.AcademicYearOf(today);
        var visits = new List<SupervisionVisit>();
        foreach (var year in new[] { thisYear - 1, thisYear })
        {
            foreach (var semester in new[] { 1, 2 })
            {
                var (from, to) = Window(year, semester);
                if (to >= today) to = today.AddDays(-1);
                if (from > to) continue;
                var gain = (year - thisYear + 1) * 0.12 + (semester - 1) * 0.05;
                foreach (var school in schools.Where(_ => semester == 1 || random.NextDouble() < 0.65))
                {
                    var on = Weekday(from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1)));
                    if (on > to) continue;
                    var level = LevelOf(standing[school] + gain + (random.NextDouble() - 0.5) * 0.25);
                    var (subject, topic) = Focus[random.Next(Focus.Length)];
                    visits.Add(Visit(area, school, supervisor.Id, supervisor.DisplayName, on, subject, topic, level, today, random));
                }
            }
        }
        db.SupervisionVisits.AddRange(visits);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The weeks of a semester a supervisor visits in (not the first weeks, not the exams).</summary>
    private static (DateOnly From, DateOnly To) Window(int academicYear, int semester)
    {
        var start = SchoolCalendar.AcademicYearStart(academicYear);
        return semester == 1
            ? (new DateOnly(start.Year, 6, 2), new DateOnly(start.Year, 9, 26))
            : (new DateOnly(start.Year, 11, 10), new DateOnly(start.Year + 1, 2, 27));
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static SupervisionLevel LevelOf(double score) => score switch
    {
        >= 0.72 => SupervisionLevel.Excellent,
        >= 0.38 => SupervisionLevel.VeryGood,
        >= 0.12 => SupervisionLevel.Good,
        >= 0.03 => SupervisionLevel.Fair,
        _ => SupervisionLevel.NeedsImprovement,
    };

    private static SupervisionVisit Visit(Area area, Guid school, string supervisorId, string supervisorName, DateOnly on, SubjectArea? subject,
        string topic, SupervisionLevel level, DateOnly today, Random random)
    {
        var (findings, recommendations) = Notes[level];
        var visit = new SupervisionVisit
        {
            AreaId = area.Id, SchoolId = school, SupervisorUserId = supervisorId, SupervisorName = supervisorName, VisitedOn = on,
            AcademicYear = SchoolCalendar.AcademicYearOf(on), Semester = SchoolCalendar.SemesterOf(on), SubjectArea = subject, Topic = topic, Level = level,
            Findings = findings, Recommendations = recommendations, RecordedBy = supervisorName,
        };
        if (level > SupervisionLevel.Good) return visit;
        visit.FollowUpStatus = FollowUpStatus.Open;
        visit.FollowUpDue = on.AddDays(level == SupervisionLevel.Good ? 45 : 30);
        visit.FollowUpNote = "ติดตามการปรับปรุงตามข้อเสนอแนะ";
        // Most follow-ups past their date were done; about one in six is still open (overdue).
        if (visit.FollowUpDue < today && random.NextDouble() < 0.83)
        {
            visit.FollowUpStatus = FollowUpStatus.Done;
            visit.FollowUpDoneOn = visit.FollowUpDue.Value.AddDays(-random.Next(0, 10));
            visit.FollowUpNote = "โรงเรียนปรับปรุงตามข้อเสนอแนะแล้ว มีหลักฐานการดำเนินงาน";
        }
        return visit;
    }
}
