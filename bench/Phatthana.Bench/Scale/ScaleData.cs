using Randomizer = Bogus.Randomizer;
using Phatthana.Bench.Manpower;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Bench.Scale;

/// <summary>The three sizes of issue 12: one area office, a region of 20, the country's 245.</summary>
public sealed record ScaleSize(string Name, int Areas)
{
    public static readonly ScaleSize Area = new("area", 1), Region = new("region", 20), National = new("national", 245);

    public static ScaleSize Parse(string text) => text switch
    {
        "area" => Area,
        "region" => Region,
        "national" => National,
        _ when int.TryParse(text, out var n) && n is > 0 and <= 245 => new ScaleSize($"{n} areas", n),
        _ => throw new ArgumentException($"scale '{text}': use area, region or national"),
    };
}

/// <summary>
/// One generated area office, as the app's entities, ready to be added to a context and written by the app's bulk path:
/// its divisions, districts, networks and schools, student counts for two academic years, the register of posts
/// (<see cref="NationalData.PostsFor"/>: near each school's requirement), a person for each occupied post plus the office's
/// staff and contract teachers, the courses and sessions of the last fiscal year with ~5 registrations a person
/// (attendance, hours, results), an ID Plan for most people, a few sessions open now (for the load run's writers) and the
/// area's self-assessment rounds. Tables come in the order their foreign keys need.
/// </summary>
public sealed class ScaleArea
{
    public required Area Area { get; init; }
    public List<Division> Divisions { get; } = [];
    public List<District> Districts { get; } = [];
    public List<SchoolNetwork> Networks { get; } = [];
    public List<School> Schools { get; } = [];
    public List<StudentCount> Counts { get; } = [];
    public List<Person> People { get; } = [];
    public List<Post> Posts { get; } = [];
    public List<Course> Courses { get; } = [];
    public List<TrainingSession> Sessions { get; } = [];
    public List<Registration> Registrations { get; } = [];
    public List<IdPlan> IdPlans { get; } = [];
    public List<AssessmentRound> Rounds { get; } = [];
    /// <summary>Sessions of the current fiscal year open for registration, with no one registered yet.</summary>
    public List<TrainingSession> OpenSessions => [.. Sessions.Where(s => s.Status == SessionStatus.Open)];

    /// <summary>Each table's rows, principals first.</summary>
    public IEnumerable<(string Table, IReadOnlyList<object> Rows)> Tables()
    {
        yield return ("Areas", [Area]);
        yield return ("Divisions", Divisions);
        yield return ("Districts", Districts);
        yield return ("SchoolNetworks", Networks);
        yield return ("Schools", Schools);
        yield return ("StudentCounts", Counts);
        yield return ("People", People);
        yield return ("Posts", Posts);
        yield return ("Courses", Courses);
        yield return ("TrainingSessions", Sessions);
        yield return ("Registrations", Registrations);
        yield return ("IdPlans", IdPlans);
        yield return ("AssessmentRounds", Rounds);
    }

    public int Rows => Tables().Sum(t => t.Rows.Count);
}

/// <summary>
/// The deterministic generator: area <c>i</c> of the country is always the same area (seeded Bogus randomizer per area,
/// so a region's 20 areas are the national set's first 20). Names are Thai (<see cref="SamplePeople"/>'s lists; Bogus has
/// no Thai locale), national IDs 13 digits with a valid check digit, distinct across the country (the area and a serial
/// are in the digits). One area is generated at a time, so the load streams.
/// </summary>
public static class ScaleData
{
    public const int Seed = 2569, RegistrationsPerPerson = 5, SessionSeats = 40, OpenSessionsPerArea = 8;
    /// <summary>About one area in four is a secondary area (OBEC: 183 primary, 62 secondary).</summary>
    public static bool IsSecondary(int index) => index % 4 == 3;
    public static string AreaCode(int index) => IsSecondary(index) ? $"S{index + 1:000}" : $"P{index + 1:000}";

    private static readonly (string Name, DevelopmentMethod Method, int Hours)[] CourseNames =
    [
        ("การจัดการเรียนรู้เชิงรุก (Active Learning)", DevelopmentMethod.Training, 12), ("การวัดและประเมินผลตามสภาพจริง", DevelopmentMethod.Workshop, 12),
        ("การจัดการเรียนรู้วิทยาการคำนวณ", DevelopmentMethod.Training, 18), ("ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)", DevelopmentMethod.Plc, 20),
        ("การสอนภาษาอังกฤษเพื่อการสื่อสาร", DevelopmentMethod.Training, 24), ("การพัฒนาทักษะการอ่านออกเขียนได้", DevelopmentMethod.Workshop, 12),
        ("การจัดการเรียนรู้แบบบูรณาการ STEM", DevelopmentMethod.Workshop, 18), ("การดูแลช่วยเหลือนักเรียน", DevelopmentMethod.Seminar, 6),
        ("การประกันคุณภาพการศึกษาภายในสถานศึกษา", DevelopmentMethod.Seminar, 6), ("การใช้เทคโนโลยีดิจิทัลในห้องเรียน", DevelopmentMethod.ETraining, 10),
        ("การนิเทศภายในแบบกัลยาณมิตร", DevelopmentMethod.Coaching, 12), ("การศึกษาดูงานโรงเรียนต้นแบบ", DevelopmentMethod.StudyVisit, 12),
    ];

    public static ScaleArea Generate(int index, DateOnly today, IReadOnlyDictionary<string, Guid> frameworks)
    {
        var r = new Randomizer(Seed * 1000 + index);
        var random = new Random(Seed * 1000 + index); // for the manpower set's helpers, which take a System.Random
        Guid Id() => new(r.Bytes(16));
        var now = DateTimeOffset.UtcNow;
        var secondary = IsSecondary(index);
        var province = NationalData.Provinces[index % NationalData.Provinces.Length];
        var code = AreaCode(index);
        var area = new Area
        {
            Id = Id(), Code = code, Province = province, Kind = secondary ? AreaKind.Secondary : AreaKind.Primary,
            Name = (secondary ? "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา" : "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา") + $"{province} เขต {index / NationalData.Provinces.Length + 1}",
        };
        var s = new ScaleArea { Area = area };
        s.Divisions.AddRange(BenchArea.Divisions.Select(n => new Division { Id = Id(), AreaId = area.Id, Name = n }));
        var schoolCount = secondary ? 45 + index * 13 % 30 : 120 + index * 37 % 50;
        s.Districts.AddRange(Enumerable.Range(0, Math.Max(3, schoolCount / 20)).Select(i => new District { Id = Id(), AreaId = area.Id, Name = $"อำเภอที่ {i + 1} {province}" }));
        s.Networks.AddRange(Enumerable.Range(0, Math.Max(2, schoolCount / 10)).Select(i => new SchoolNetwork { Id = Id(), AreaId = area.Id, Name = $"เครือข่ายพัฒนาคุณภาพการศึกษาที่ {i + 1}" }));

        var academicYear = SchoolCalendar.AcademicYearOf(today);
        var serial = 0;
        Person NewPerson(Position position, Guid? school, Guid? division)
        {
            var female = r.Bool(0.68f);
            var age = position switch
            {
                Position.Director => r.Number(40, 59), Position.AssistantTeacher or Position.ContractTeacher => r.Number(23, 34), _ => r.Number(25, 59),
            };
            var birth = today.AddYears(-age).AddDays(-r.Number(1, 360));
            var start = birth.AddYears(r.Number(22, Math.Max(22, Math.Min(age - 1, 30))));
            var major = PersonRules.Teaches(position) ? r.ArrayElement(Teaching) : (SubjectArea?)null;
            return new Person
            {
                Id = Id(), AreaId = area.Id, NationalId = NationalIdFor(index, ++serial),
                Title = female ? r.WeightedRandom(["นาง", "นางสาว", "ดร."], [0.55f, 0.42f, 0.03f]) : r.WeightedRandom(["นาย", "ว่าที่ร้อยตรี", "ดร."], [0.9f, 0.07f, 0.03f]),
                FirstName = r.ArrayElement(female ? SamplePeople.FemaleNames : SamplePeople.MaleNames), LastName = r.ArrayElement(SamplePeople.Surnames),
                Gender = female ? Gender.Female : Gender.Male, BirthDate = birth, Position = position,
                AcademicStanding = PersonRules.HoldsStanding(position) ? r.ArrayElement([AcademicStanding.None, AcademicStanding.Professional, AcademicStanding.SeniorProfessional]) : null,
                Major = major, TeachingSubjectAreas = major is { } m ? [m] : [], SchoolId = school, DivisionId = division,
                StartDate = start > today ? today.AddDays(-30) : start, Status = PersonStatus.Active, StatusDate = start > today ? today.AddDays(-30) : start, UpdatedAt = now,
            };
        }

        for (var i = 0; i < schoolCount; i++)
        {
            var type = secondary ? SchoolType.Secondary : r.Number(99) < 25 ? SchoolType.ExtendedOpportunity : SchoolType.Primary;
            var grades = type switch
            {
                SchoolType.Secondary => NationalData.SecondaryGrades,
                SchoolType.ExtendedOpportunity => [.. NationalData.PrimaryGrades, .. NationalData.LowerSecondary],
                _ => NationalData.PrimaryGrades,
            };
            var place = NationalData.Places[(index * 7 + i) % NationalData.Places.Length];
            var school = new School
            {
                Id = Id(), AreaId = area.Id, Code = $"{1_000_000_000L + (index + 1) * 10_000L + i + 1}", SmisCode = $"{10_000_000 + (index + 1) * 1_000 + i + 1}",
                ObecCode = $"{100_000 + index * 300 + i + 1}", Type = type, UpdatedAt = now,
                Name = (type == SchoolType.Secondary ? $"โรงเรียน{place}วิทยา" : $"โรงเรียนบ้าน{place}") + $" {i / NationalData.Places.Length + 1}",
                DistrictId = s.Districts[i * s.Districts.Count / schoolCount].Id, NetworkId = s.Networks[i * s.Networks.Count / schoolCount].Id,
            };
            s.Schools.Add(school);
            var students = NationalData.StudentsFor(random, type);
            foreach (var (year, factor) in new[] { (academicYear, 1.0), (academicYear - 1, 0.97 + random.NextDouble() * 0.06) })
                s.Counts.AddRange(NationalData.Spread(random, grades, (int)Math.Round(students * factor)).Select(g => new StudentCount
                {
                    AreaId = area.Id, SchoolId = school.Id, AcademicYear = year, Grade = g.Grade, Boys = g.Boys, Girls = g.Girls, Classrooms = g.Classrooms, UpdatedAt = now,
                }));
            var latest = s.Counts.Where(c => c.SchoolId == school.Id && c.AcademicYear == academicYear).Select(c => new GradeStudents(c.Grade, c.Boys + c.Girls)).ToList();
            foreach (var post in NationalData.PostsFor(random, latest, index * 300 + i))
            {
                var occupant = post.Occupant is null ? null : NewPerson(post.Type == PostType.Administrator
                    ? (s.Posts.Any(p => p.SchoolId == school.Id && p.PostType == PostType.Administrator) ? Position.DeputyDirector : Position.Director)
                    : r.Bool(0.15f) ? Position.AssistantTeacher : Position.Teacher, school.Id, null);
                if (occupant is not null) s.People.Add(occupant);
                s.Posts.Add(new Post { Id = Id(), AreaId = area.Id, SchoolId = school.Id, PositionNumber = post.Number, PostType = post.Type, OccupantId = occupant?.Id, UpdatedAt = now });
            }
            // Staff without a post of the register: contract teachers (ครูอัตราจ้าง) and government employees (พนักงานราชการ).
            for (var k = r.Number(1, 5); k > 0; k--) s.People.Add(NewPerson(r.Bool(0.6f) ? Position.ContractTeacher : Position.GovernmentEmployee, school.Id, null));
        }
        // The office: supervisors in the supervision group, other staff across the divisions.
        for (var i = 0; i < 12; i++) s.People.Add(NewPerson(Position.Supervisor, null, s.Divisions[4].Id));
        for (var i = 0; i < 28; i++) s.People.Add(NewPerson(Position.EducationalPersonnel, null, r.ArrayElement(s.Divisions.ToArray()).Id));

        // Training of the last fiscal year, all completed with results; a few sessions open in this one.
        var fiscalYear = SchoolCalendar.FiscalYearOf(today);
        var lastYear = SchoolCalendar.FiscalYearStart(fiscalYear - 1);
        foreach (var (c, i) in CourseNames.Select((c, i) => (c, i)))
            s.Courses.Add(new Course
            {
                Id = Id(), AreaId = area.Id, Code = $"{code}-{i + 1:00}", Name = c.Name, Method = c.Method, Hours = c.Hours, PassPercent = 60,
                Provider = "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา", CostPerPerson = r.ArrayElement<decimal?>([null, 500m, 1_000m]), UpdatedAt = now,
            });
        var sessionCount = (int)Math.Ceiling(s.People.Count * (double)RegistrationsPerPerson / (SessionSeats - 5));
        for (var i = 0; i < sessionCount; i++)
        {
            var course = s.Courses[i % s.Courses.Count];
            var first = lastYear.AddDays(r.Number(0, 340));
            s.Sessions.Add(new TrainingSession
            {
                Id = Id(), AreaId = area.Id, CourseId = course.Id, Name = $"รุ่นที่ {i / s.Courses.Count + 1}", StartDate = first, EndDate = first.AddDays((int)course.Hours / 7),
                Venue = "ห้องประชุมสำนักงานเขตพื้นที่", Capacity = SessionSeats, Status = SessionStatus.Completed, UpdatedAt = now,
            });
        }
        var seats = new int[sessionCount];
        foreach (var person in s.People)
        {
            var taken = new HashSet<int>();
            while (taken.Count < Math.Min(RegistrationsPerPerson, sessionCount)) taken.Add(r.Number(sessionCount - 1));
            foreach (var k in taken)
            {
                var session = s.Sessions[k];
                var course = s.Courses[k % s.Courses.Count];
                var cancelled = r.Bool(0.04f);
                var attended = !cancelled && r.Bool(0.92f);
                var post = attended ? r.Number(40, 100) : (decimal?)null;
                if (!cancelled) seats[k]++;
                s.Registrations.Add(new Registration
                {
                    Id = Id(), AreaId = area.Id, SessionId = session.Id, PersonId = person.Id, Status = cancelled ? RegistrationStatus.Cancelled : RegistrationStatus.Registered,
                    RequestedAt = new DateTimeOffset(session.StartDate.AddDays(-r.Number(3, 30)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), RegisteredBy = "bench",
                    Attended = cancelled ? null : attended, Hours = attended ? course.Hours : null, PreTest = attended ? r.Number(20, 70) : null, PostTest = post,
                    Passed = attended ? post >= course.PassPercent : null, UpdatedAt = now,
                });
            }
        }
        for (var k = 0; k < sessionCount; k++)
        {
            s.Sessions[k].Registered = seats[k];
            s.Sessions[k].Capacity = Math.Max(SessionSeats, seats[k]);
        }
        var thisYear = SchoolCalendar.FiscalYearStart(fiscalYear);
        for (var i = 0; i < OpenSessionsPerArea; i++)
        {
            var first = today.AddDays(30 + i * 7);
            s.Sessions.Add(new TrainingSession
            {
                Id = Id(), AreaId = area.Id, CourseId = s.Courses[i].Id, Name = $"รุ่นเปิดรับสมัคร {i + 1}", StartDate = first, EndDate = first.AddDays(1),
                Venue = "ห้องประชุมสำนักงานเขตพื้นที่", Capacity = 100_000, Status = SessionStatus.Open, RegistrationOpensOn = thisYear, UpdatedAt = now,
            });
        }

        // ID Plans of the last fiscal year: most approved, some waiting or returned, a few drafts, some people without one.
        foreach (var person in s.People)
        {
            if (r.Bool(0.05f)) continue;
            var status = r.WeightedRandom([IdPlanStatus.Approved, IdPlanStatus.Submitted, IdPlanStatus.Returned, IdPlanStatus.Draft], [0.62f, 0.18f, 0.08f, 0.12f]);
            var submitted = status == IdPlanStatus.Draft ? (DateTimeOffset?)null : new DateTimeOffset(lastYear.AddDays(r.Number(10, 60)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            s.IdPlans.Add(new IdPlan
            {
                Id = Id(), AreaId = area.Id, SchoolId = person.SchoolId, PersonId = person.Id, FiscalYear = fiscalYear - 1, Status = status,
                Goal = "พัฒนาการจัดการเรียนรู้ให้ผู้เรียนมีทักษะการคิดวิเคราะห์", SubmittedAt = submitted,
                DecidedAt = status is IdPlanStatus.Approved or IdPlanStatus.Returned ? submitted!.Value.AddDays(r.Number(1, 20)) : null,
                DecidedBy = status is IdPlanStatus.Approved or IdPlanStatus.Returned ? "ผู้อำนวยการโรงเรียน" : null,
                ReturnComment = status == IdPlanStatus.Returned ? "กรุณาระบุกิจกรรมการพัฒนาให้ชัดเจน" : null, UpdatedAt = now,
            });
        }

        // The area's self-assessment rounds (one a year) against the shipped framework for its kind, when there is one.
        if (frameworks.Count > 0)
        {
            var framework = frameworks.OrderBy(f => f.Key, StringComparer.Ordinal).First().Value;
            foreach (var year in new[] { fiscalYear - 1, fiscalYear })
                s.Rounds.Add(new AssessmentRound
                {
                    Id = Id(), AreaId = area.Id, FrameworkId = framework, Name = $"การประเมินตนเอง ปีงบประมาณ {year}", StartDate = SchoolCalendar.FiscalYearStart(year),
                    EndDate = SchoolCalendar.FiscalYearEnd(year), Status = year < fiscalYear ? RoundStatus.Closed : RoundStatus.Open, UpdatedAt = now,
                });
        }
        return s;
    }

    private static readonly SubjectArea[] Teaching =
    [
        SubjectArea.Thai, SubjectArea.Mathematics, SubjectArea.Science, SubjectArea.SocialStudies, SubjectArea.HealthPE, SubjectArea.Arts,
        SubjectArea.CareerTech, SubjectArea.ForeignLanguages, SubjectArea.EarlyChildhood,
    ];

    /// <summary>A valid, country-wide distinct national ID: 1, the area (3 digits), a serial (8 digits), the check digit.</summary>
    public static string NationalIdFor(int area, int serial)
    {
        var twelve = $"1{area + 1:000}{serial:00000000}";
        return twelve + NationalId.CheckDigit(twelve);
    }
}
