using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Setup;

/// <summary>
/// A year of the area's training, modelled on the seeds' development reports: last fiscal year in full (25 courses,
/// 34 sessions with registrations — a few over capacity, so some wait — attendance, pre/post tests and results) and the
/// first sessions of this one; UTQ online, TEPE Online and coupon-course completions for some people. Every session's
/// <see cref="TrainingSession.Registered"/> equals its registered rows. Deterministic for a given random and day.
/// </summary>
public static class DemoTraining
{
    private sealed record CourseSeed(string Code, string Name, DevelopmentMethod Method, decimal Hours, decimal Pass, int Capacity, int Sessions,
        Position[] Targets, string Provider, decimal? Cost = null, string? Objectives = null);

    private static readonly Position[] Teachers = [Position.Teacher, Position.AssistantTeacher];
    private static readonly Position[] Leaders = [Position.Director, Position.DeputyDirector];

    private static readonly CourseSeed[] Courses =
    [
        new("TR01", "การจัดการเรียนรู้เชิงรุก (Active Learning)", DevelopmentMethod.Workshop, 18, 70, 80, 3, Teachers, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
        new("TR02", "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC) สู่ห้องเรียนคุณภาพ", DevelopmentMethod.Plc, 12, 60, 100, 2, [], "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา"),
        new("TR03", "การพัฒนาก่อนแต่งตั้งให้ดำรงตำแหน่งรองผู้อำนวยการสถานศึกษา", DevelopmentMethod.Training, 104, 70, 60, 1, [Position.Teacher], "สถาบันพัฒนาครู คณาจารย์และบุคลากรทางการศึกษา", 15000,
            "พัฒนาสมรรถนะการบริหารสถานศึกษาก่อนแต่งตั้ง ภาคทฤษฎี 75 ชั่วโมง และการฝึกประสบการณ์ 20 ชั่วโมง"),
        new("TR04", "การพัฒนาครูผู้ช่วยอย่างเข้มข้น (เตรียมความพร้อมและพัฒนาอย่างเข้ม)", DevelopmentMethod.Training, 30, 60, 60, 1, [Position.AssistantTeacher], "กลุ่มบริหารงานบุคคล"),
        new("TR05", "บูรณาการสะเต็มศึกษา (STEM Education) ด้วยระบบทางไกล", DevelopmentMethod.Distance, 12, 60, 120, 2, Teachers, "ศูนย์สะเต็มศึกษา สพฐ."),
        new("TR06", "การวัดและประเมินผลการเรียนรู้ตามหลักสูตรแกนกลาง", DevelopmentMethod.Workshop, 12, 70, 80, 2, Teachers, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
        new("TR07", "การยกระดับผลสัมฤทธิ์ O-NET ภาษาไทยและคณิตศาสตร์ ป.6", DevelopmentMethod.Workshop, 12, 70, 60, 2, [Position.Teacher], "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
        new("TR08", "การอ่านออกเขียนได้ ชั้นประถมศึกษาปีที่ 1", DevelopmentMethod.Training, 6, 60, 80, 1, Teachers, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
        new("TR09", "ห้องเรียนตัวอย่างเรียนร่วมคณิตศาสตร์", DevelopmentMethod.Workshop, 12, 70, 40, 1, [Position.Teacher], "กลุ่มส่งเสริมการจัดการศึกษา"),
        new("TR10", "การจัดการเรียนรู้ภาษาอังกฤษเพื่อการสื่อสาร (Boot Camp)", DevelopmentMethod.Training, 30, 70, 40, 1, Teachers, "ศูนย์พัฒนาภาษาอังกฤษ", 4500),
        new("TR11", "การจัดทำแผนการจัดการเรียนรู้และการเขียนรายงานวิจัยในชั้นเรียน", DevelopmentMethod.Workshop, 12, 60, 80, 2, Teachers, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
        new("TR12", "การประเมินวิทยฐานะตามเกณฑ์ PA (ว 9/2564)", DevelopmentMethod.Seminar, 6, 60, 150, 2, [], "กลุ่มบริหารงานบุคคล"),
        new("TR13", "เสริมสร้างคุณธรรม จริยธรรมและจรรยาบรรณวิชาชีพ", DevelopmentMethod.Seminar, 6, 60, 150, 1, [], "กลุ่มกฎหมายและคดี"),
        new("TR14", "โรงเรียนสุจริต: หลักสูตรต้านทุจริตศึกษา", DevelopmentMethod.Training, 6, 60, 100, 1, [], "กลุ่มส่งเสริมการจัดการศึกษา"),
        new("TR15", "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ", DevelopmentMethod.Workshop, 12, 70, 60, 1,
            [Position.Director, Position.DeputyDirector, Position.Teacher, Position.EducationalPersonnel], "กลุ่มบริหารงานการเงินและสินทรัพย์"),
        new("TR16", "ผู้บริหารสถานศึกษามืออาชีพกับการนิเทศภายใน", DevelopmentMethod.Coaching, 18, 70, 60, 1, Leaders, "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"),
        new("TR17", "จิตศึกษา PBL และ PLC โรงเรียนต้นแบบที่เปลี่ยนแปลงเชิงระบบ", DevelopmentMethod.StudyVisit, 24, 60, 40, 1, [], "มูลนิธิสดศรี-สฤษดิ์วงศ์", 3500),
        new("TR18", "การจัดการศึกษาปฐมวัยตามหลักสูตรการศึกษาปฐมวัย พุทธศักราช 2560", DevelopmentMethod.Workshop, 12, 60, 60, 1, Teachers, "กลุ่มส่งเสริมการจัดการศึกษา"),
        new("TR19", "การจัดการเรียนการสอนทางไกลผ่านดาวเทียม (DLTV) อย่างมีคุณภาพ", DevelopmentMethod.Distance, 6, 60, 100, 1, Teachers, "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"),
        new("TR20", "การใช้ Google Workspace for Education และการสร้างสื่อดิจิทัล", DevelopmentMethod.ETraining, 12, 70, 120, 2, [], "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"),
        new("TR21", "Coding และวิทยาการคำนวณสำหรับครูประถมศึกษา", DevelopmentMethod.Workshop, 18, 70, 60, 1, Teachers, "สสวท.", 2500),
        new("TR22", "การดูแลช่วยเหลือนักเรียนและการคัดกรองนักเรียนที่มีความต้องการพิเศษ", DevelopmentMethod.Training, 6, 60, 80, 1, Teachers, "กลุ่มส่งเสริมการจัดการศึกษา"),
        new("TR23", "ลูกเสือสามัญ ขั้นความรู้เบื้องต้น (B.T.C.)", DevelopmentMethod.Training, 30, 60, 60, 1, Teachers, "สำนักงานลูกเสือเขตพื้นที่การศึกษา", 1500),
        new("TR24", "การประกันคุณภาพภายในสถานศึกษาและการเขียนรายงาน SAR", DevelopmentMethod.Workshop, 6, 60, 104, 1, Leaders, "หน่วยงานประกันคุณภาพการศึกษา"),
        new("TR25", "เพชรน้ำหนึ่ง: ครูดีศรีเพชรบุรี", DevelopmentMethod.Seminar, 6, 60, 120, 1, [], "สำนักงานเขตพื้นที่การศึกษา"),
    ];

    private static readonly string[] Venues =
    [
        "ห้องประชุมเพชรภูมิ สพป.เพชรบุรี เขต 1", "โรงแรมเพชรบุรีเพลส อำเภอเมืองเพชรบุรี", "หอประชุมโรงเรียนวัดคงคาราม",
        "ห้องประชุมศูนย์การเรียนรู้ ICT สพป.เพชรบุรี เขต 1", "โรงแรมบ้านแหลมรีสอร์ท อำเภอบ้านแหลม", "ห้องประชุมโรงเรียนบ้านหนองจอก",
    ];

    private static readonly string[] UtqTitles =
    [
        "การพัฒนาทักษะการคิดวิเคราะห์ (UTQ-55101)", "การวัดและประเมินผลการเรียนรู้ (UTQ-55203)", "การใช้สื่อเทคโนโลยีในการจัดการเรียนรู้ (UTQ-55118)",
        "การจัดการเรียนรู้แบบโครงงาน (UTQ-55205)", "จิตวิทยาสำหรับครู (UTQ-55102)",
    ];

    private static readonly string[] CouponTitles =
    [
        "การสร้างสื่อการสอนด้วย Canva สำหรับครู", "การสอนภาษาอังกฤษแบบ CLIL", "เทคนิคการสอนคณิตศาสตร์แบบ Bar Model", "การจัดการชั้นเรียนเชิงบวก",
    ];

    public sealed record Result(List<Course> Courses, List<TrainingSession> Sessions, List<Registration> Registrations, List<ExternalCompletion> Completions);

    /// <param name="linked">teacher@'s person: registered in a few sessions and given an external completion, so their transcript shows.</param>
    public static Result Build(Guid areaId, IReadOnlyList<Person> people, Person linked, DateOnly today, DateTimeOffset now, Random random)
    {
        var current = SchoolCalendar.FiscalYearOf(today);
        var last = current - 1;
        var lastStart = SchoolCalendar.FiscalYearStart(last);
        var thisStart = SchoolCalendar.FiscalYearStart(current);
        var active = people.Where(p => p.Status == PersonStatus.Active && TrainingLedger.Counts(p.Position)).ToList();
        var courses = new List<Course>();
        var sessions = new List<TrainingSession>();
        var registrations = new List<Registration>();

        // Last fiscal year: 34 sessions spread from November to August; this year: the first six, the later ones still open.
        var plan = Courses.SelectMany(c => Enumerable.Range(1, c.Sessions).Select(n => (Course: c, Number: n))).ToList();
        var thisYear = new[] { "TR01", "TR02", "TR12", "TR20", "TR05", "TR06" };
        var courseOf = new Dictionary<string, Course>();
        foreach (var c in Courses)
        {
            var course = new Course
            {
                AreaId = areaId, Code = c.Code, Name = c.Name, Method = c.Method, Hours = c.Hours, PassPercent = c.Pass, Provider = c.Provider,
                CostPerPerson = c.Cost, Objectives = c.Objectives ?? $"ผู้เข้ารับการพัฒนามีความรู้ ความเข้าใจ และนำ{c.Name}ไปใช้ในการปฏิบัติงานได้",
                TargetPositions = [.. c.Targets],
            };
            courses.Add(course);
            courseOf[c.Code] = course;
        }
        var n = 0;
        foreach (var (c, number) in plan)
        {
            var start = lastStart.AddDays(35 + n * 8 + random.Next(0, 5));
            if (start.DayOfWeek == DayOfWeek.Saturday) start = start.AddDays(2);
            if (start.DayOfWeek == DayOfWeek.Sunday) start = start.AddDays(1);
            n++;
            sessions.Add(Session(areaId, courseOf[c.Code], c, $"รุ่นที่ {number}", start, random));
        }
        for (var i = 0; i < thisYear.Length; i++)
        {
            var c = Courses.Single(x => x.Code == thisYear[i]);
            var start = thisStart.AddDays(20 + i * 14);
            if (start.DayOfWeek == DayOfWeek.Saturday) start = start.AddDays(2);
            if (start.DayOfWeek == DayOfWeek.Sunday) start = start.AddDays(1);
            sessions.Add(Session(areaId, courseOf[c.Code], c, $"รุ่นที่ {c.Sessions + 1} (ปีงบประมาณ {current})", start, random));
        }

        var linkedSessions = new HashSet<TrainingSession>(sessions.Where(s => s.Course!.Name.Contains("เชิงรุก") || s.Course.Code is "TR12" or "TR20")
            .Where(s => s.Name.StartsWith("รุ่นที่ 1") || s.StartDate >= thisStart));
        foreach (var (session, index) in sessions.Select((s, i) => (s, i)))
        {
            var seed = Courses.Single(x => session.Course!.Code == x.Code);
            var eligible = active.Where(p => seed.Targets.Length == 0 || seed.Targets.Contains(p.Position)).ToList();
            var past = session.EndDate < today;
            session.Status = past ? SessionStatus.Completed : session.StartDate <= today ? SessionStatus.Closed : SessionStatus.Open;
            if (past && session.StartDate < SchoolCalendar.FiscalYearStart(current))
            {
                session.ResultsApprovedAt = now;
                session.ResultsApprovedBy = "area@phatthana.demo";
            }
            // Registration for a coming session closes three days before it starts.
            if (session.Status == SessionStatus.Open) session.RegistrationClosesOn = session.StartDate.AddDays(-3);
            // About one session in six is over-subscribed: the late requests wait.
            var wanted = index % 6 == 2 ? session.Capacity + random.Next(3, 9) : session.Capacity * random.Next(70, 101) / 100;
            var chosen = eligible.OrderBy(_ => random.Next()).Take(Math.Min(wanted, eligible.Count)).ToList();
            if (linkedSessions.Contains(session) && !chosen.Contains(linked) && TrainingLedger.Counts(linked.Position)) chosen.Insert(0, linked);
            if (!past && session.StartDate > today) chosen = chosen.Take(Math.Max(1, chosen.Count * 2 / 3)).ToList();
            var asked = session.StartDate.AddDays(-30).ToDateTime(new TimeOnly(8, 30));
            for (var k = 0; k < chosen.Count; k++)
            {
                var seated = session.Registered < session.Capacity;
                var r = new Registration
                {
                    AreaId = areaId, SessionId = session.Id, PersonId = chosen[k].Id,
                    Status = seated ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted,
                    RequestedAt = new DateTimeOffset(asked.AddMinutes(k * 7), ThaiDate.ThailandOffset).ToUniversalTime(),
                    RegisteredBy = "area@phatthana.demo", UpdatedAt = now,
                };
                if (seated)
                {
                    session.Registered++;
                    if (past) Score(r, session, seed, random);
                }
                registrations.Add(r);
            }
        }

        var completions = External(areaId, active, linked, last, current, today, now, random);
        return new Result(courses, sessions, registrations, completions);
    }

    private static TrainingSession Session(Guid areaId, Course course, CourseSeed c, string name, DateOnly start, Random random)
    {
        var days = (int)Math.Ceiling(Math.Min(c.Hours, 60) / 6m);
        var end = start.AddDays(Math.Max(0, days - 1));
        return new TrainingSession
        {
            AreaId = areaId, CourseId = course.Id, Course = course, Name = name, StartDate = start, EndDate = end,
            Venue = c.Method is DevelopmentMethod.Distance or DevelopmentMethod.ETraining ? "ออนไลน์ (Google Meet / DLTV)" : Venues[random.Next(Venues.Length)],
            Capacity = c.Capacity, Trainers = "ศึกษานิเทศก์ สพป.เพชรบุรี เขต 1 และวิทยากรภายนอก",
        };
    }

    /// <summary>
    /// Attendance and tests of a finished session: most attend every day (signed in on the sheet, day by day, for sessions
    /// of up to two weeks); one in ten misses the last day and gets the hours of the days attended; post-tests rise 10–40
    /// points over the pre-test.
    /// </summary>
    private static void Score(Registration r, TrainingSession session, CourseSeed c, Random random)
    {
        var attended = random.Next(100) < 95;
        r.Attended = attended;
        var days = session.Days().ToList();
        var missedOne = attended && days.Count > 1 && random.Next(10) == 0;
        if (attended && days.Count <= 14) r.DaysAttended = missedOne ? days.SkipLast(1).ToList() : days.ToList();
        r.Hours = !attended ? 0 : missedOne ? Math.Round(c.Hours * (days.Count - 1) / days.Count, 2) : c.Hours;
        r.PreTest = random.Next(45, 77);
        r.PostTest = attended ? Math.Min(100, r.PreTest.Value + random.Next(10, 40)) : null;
        r.Passed = attended && r.PostTest >= c.Pass;
    }

    /// <summary>UTQ online for a quarter of the teachers, TEPE Online for the assistant teachers, coupon courses for some.</summary>
    private static List<ExternalCompletion> External(Guid areaId, List<Person> active, Person linked, int last, int current, DateOnly today, DateTimeOffset now, Random random)
    {
        var list = new List<ExternalCompletion>();
        var lastStart = SchoolCalendar.FiscalYearStart(last);
        var thisStart = SchoolCalendar.FiscalYearStart(current);
        DateOnly In(DateOnly from, int span) => from.AddDays(random.Next(0, span));
        void Add(Person p, string source, string title, DateOnly on, decimal hours, decimal? cost = null) =>
            list.Add(new ExternalCompletion { AreaId = areaId, PersonId = p.Id, Source = source, Title = title, CompletedOn = on, Hours = hours, Passed = true, Cost = cost, UpdatedAt = now });

        var teachers = active.Where(p => p.Position is Position.Teacher).OrderBy(_ => random.Next()).ToList();
        foreach (var p in teachers.Take(teachers.Count / 4))
            foreach (var title in UtqTitles.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
                Add(p, ExternalSources.Utq, title, In(lastStart, 360), 20);
        foreach (var p in active.Where(p => p.Position == Position.AssistantTeacher))
            Add(p, ExternalSources.Tepe, "การพัฒนาครูผู้ช่วยด้วยระบบ TEPE Online", In(lastStart, 300), 60);
        foreach (var p in teachers.Skip(teachers.Count / 4).Take(40))
            Add(p, ExternalSources.Coupon, CouponTitles[random.Next(CouponTitles.Length)], In(lastStart, 330), random.Next(2, 5) * 6, random.Next(3, 11) * 1000);
        // This year so far: a few UTQ and coupon completions.
        var sinceStart = Math.Max(1, today.DayNumber - thisStart.DayNumber);
        foreach (var p in teachers.Take(15))
            Add(p, ExternalSources.Utq, "การออกแบบการเรียนรู้ด้วย Active Learning (UTQ-69110)", In(thisStart, sinceStart), 20);
        foreach (var p in teachers.Skip(15).Take(5))
            Add(p, ExternalSources.Coupon, CouponTitles[0], In(thisStart, sinceStart), 12, 3500);
        if (!list.Any(e => e.PersonId == linked.Id && e.CompletedOn < thisStart) && TrainingLedger.Counts(linked.Position))
            Add(linked, ExternalSources.Utq, UtqTitles[0], lastStart.AddDays(120), 20);
        return list;
    }
}
