using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;

namespace Phatthana.Web.Features.Setup;

/// <summary>A demo school with the students its register was sized to (this year's counts then move: <see cref="DemoManpower"/>).</summary>
internal sealed record DemoSchool(School School, int Students)
{
    public SchoolRef Ref { get; } = new(School.Id, School.Code, School.Name, School.Type);
    public bool Extended => School.Type == SchoolType.ExtendedOpportunity;
}

/// <summary>A person before they are written: their values now and, for a history, what they were when they joined.</summary>
internal sealed class Draft(PersonValues values)
{
    public PersonValues V { get; set; } = values;
    public PersonValues? Earlier { get; set; }
    public DateOnly? ChangedOn { get; set; }
    public List<Post> Posts { get; } = [];
}

/// <summary>
/// The demo area's personnel after seed 000's register (จ.18, 10 มิ.ย. 2555): 942 posts — 110 for administrators
/// (88 in primary, 22 in extended-opportunity schools) and 832 for teachers, by subject as the seed counts them — sized
/// to each school's students; ~1,000 people on them, on no post (contract staff) or in the office's divisions, with
/// work history. <see cref="DemoLegacyData"/> then spoils a few records on purpose for the data-quality page.
/// </summary>
internal sealed partial class DemoPersonnel
{
    // Seed 000, "จำนวนครูตาม จ.18 แยกตามกลุ่มสาระ": teacher posts by subject in primary / extended-opportunity schools
    // (ปฐมวัย/ประถมศึกษา as EarlyChildhood).
    private static readonly (SubjectArea Subject, int Primary, int Extended)[] TeacherPosts =
    [
        (SubjectArea.Thai, 118, 52), (SubjectArea.Mathematics, 76, 34), (SubjectArea.Science, 40, 24),
        (SubjectArea.SocialStudies, 48, 30), (SubjectArea.HealthPE, 31, 21), (SubjectArea.Arts, 16, 14),
        (SubjectArea.CareerTech, 30, 23), (SubjectArea.ForeignLanguages, 41, 19), (SubjectArea.Guidance, 10, 9),
        (SubjectArea.EarlyChildhood, 143, 53),
    ];

    /// <summary>Deputies in the largest schools so administrators are 83 + 5 = 88 in primary and 21 + 1 = 22 in extended, as in seed 000.</summary>
    public const int PrimaryDeputies = 5, ExtendedDeputies = 1;
    public const int VacantPosts = 25;

    public static readonly (string First, string Last) Director = ("สมชาย", "ใจงาม"), Teacher = ("สุดารัตน์", "แก้วมณี");

    private readonly Guid _areaId;
    private readonly DateOnly _today;
    private readonly Random _random;
    private readonly IReadOnlyList<DemoSchool> _schools;
    private readonly Dictionary<Post, SubjectArea?> _subjectOf = [];

    public DemoNames Names { get; }
    public List<Draft> Drafts { get; } = [];
    public List<Post> Posts { get; } = [];
    /// <summary>The people the demo accounts director@ and teacher@ sign in as (the first school's).</summary>
    public Draft LinkedDirector { get; private set; } = null!;
    public Draft LinkedTeacher { get; private set; } = null!;

    private DemoPersonnel(Guid areaId, IReadOnlyList<DemoSchool> schools, DateOnly today, Random random)
    {
        (_areaId, _schools, _today, _random) = (areaId, schools, today, random);
        Names = new DemoNames(random);
        // The demo accounts' names: only the linked director and teacher carry theirs.
        foreach (var (first, last) in new[] { Director, Teacher, ("พิมพ์ชนก", "ศรีสุข"), ("วีระพงษ์", "ทองคำ"), ("ประเสริฐ", "วงศ์ไทย") })
            Names.Reserve(first, last);
    }

    public static DemoPersonnel Build(Guid areaId, IReadOnlyList<DemoSchool> schools, IReadOnlyList<Division> divisions, DateOnly today, Random random)
    {
        var d = new DemoPersonnel(areaId, schools, today, random);
        d.PlanPosts();
        d.FillPosts();
        d.AddStaffWithoutPosts(divisions);
        d.AddHistory();
        return d;
    }

    /// <summary>Writes each person through <see cref="PersonRules.Apply"/>, as the app does: a "joined" line, then any later change.</summary>
    public (List<Person> People, List<PersonHistory> History) Write(DateTimeOffset now)
    {
        var (people, history) = (new List<Person>(), new List<PersonHistory>());
        foreach (var d in Drafts)
        {
            var p = new Person { AreaId = _areaId, NationalId = "", Title = "", FirstName = "", LastName = "" };
            PersonRules.Apply(p, d.Earlier ?? d.V, isNew: true, _today, now, history.Add);
            if (d.Earlier is not null) PersonRules.Apply(p, d.V with { EffectiveDate = d.ChangedOn }, isNew: false, _today, now, history.Add);
            foreach (var post in d.Posts) post.OccupantId = p.Id;
            people.Add(p);
        }
        return (people, history);
    }

    public SchoolRef OtherSchool(SchoolRef than, Func<DemoSchool, bool>? where = null)
    {
        var others = _schools.Where(s => s.School.Id != than.Id && (where?.Invoke(s) ?? true)).ToList();
        return others[_random.Next(others.Count)].Ref;
    }

    public DateOnly Between(DateOnly from, DateOnly to) => from >= to ? from : from.AddDays(_random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>A director per school, deputies in the largest, teacher posts by students (a floor, the rest in proportion), numbered in school order.</summary>
    private void PlanPosts()
    {
        var deputies = _schools.Where(s => !s.Extended).OrderByDescending(s => s.Students).Take(PrimaryDeputies)
            .Concat(_schools.Where(s => s.Extended).OrderByDescending(s => s.Students).Take(ExtendedDeputies)).ToHashSet();
        var subjectsOf = new Dictionary<DemoSchool, List<SubjectArea>>();
        foreach (var extended in new[] { false, true })
        {
            var level = _schools.Where(s => s.Extended == extended).ToList();
            var subjects = Spread(TeacherPosts.Select(t => (t.Subject, extended ? t.Extended : t.Primary)));
            var sizes = Allocate(level.Select(s => s.Students).ToList(), subjects.Count, floor: extended ? 6 : 3);
            for (int i = 0, next = 0; i < level.Count; next += sizes[i], i++) subjectsOf[level[i]] = subjects.GetRange(next, sizes[i]);
        }
        var number = 10_000;
        foreach (var school in _schools)
        {
            Add(school, PostType.Administrator, null);
            if (deputies.Contains(school)) Add(school, PostType.Administrator, null);
            foreach (var subject in subjectsOf[school]) Add(school, PostType.Teacher, subject);
        }

        void Add(DemoSchool school, PostType type, SubjectArea? subject)
        {
            number += _random.Next(1, 4);
            var post = new Post { AreaId = _areaId, SchoolId = school.School.Id, PositionNumber = number.ToString(), PostType = type };
            Posts.Add(post);
            _subjectOf[post] = subject;
        }
    }

    /// <summary>Each subject's posts evenly along the list, so consecutive schools each get a mix.</summary>
    private static List<SubjectArea> Spread(IEnumerable<(SubjectArea Subject, int Count)> counts) =>
        counts.SelectMany(c => Enumerable.Range(0, c.Count).Select(k => (c.Subject, Key: (k + 0.5) / c.Count)))
            .OrderBy(x => x.Key).ThenBy(x => x.Subject).Select(x => x.Subject).ToList();

    /// <summary><paramref name="total"/> split over schools: <paramref name="floor"/> each, the rest by students (largest remainder).</summary>
    private static int[] Allocate(List<int> students, int total, int floor)
    {
        var rest = total - floor * students.Count;
        var shares = students.Select(s => (double)s * rest / students.Sum()).ToList();
        var sizes = shares.Select(s => floor + (int)s).ToArray();
        foreach (var i in Enumerable.Range(0, students.Count).OrderByDescending(i => shares[i] - (int)shares[i]).ThenBy(i => i).Take(total - sizes.Sum()))
            sizes[i]++;
        return sizes;
    }

    private void FillPosts()
    {
        // A vacant teacher post in 25 schools (never the first school, whose people the demo accounts are).
        var vacant = _schools.Skip(1).OrderBy(_ => _random.Next()).Take(VacantPosts)
            .Select(s => Posts.Where(p => p.SchoolId == s.School.Id && p.PostType == PostType.Teacher).ToList())
            .Select(posts => posts[_random.Next(posts.Count)]).ToHashSet();
        foreach (var school in _schools)
        {
            var admin = 0;
            foreach (var post in Posts.Where(p => p.SchoolId == school.School.Id && !vacant.Contains(p)))
            {
                var position = post.PostType == PostType.Administrator
                    ? (admin++ == 0 ? Position.Director : Position.DeputyDirector)
                    : (_random.Next(100) < 8 && school != _schools[0] ? Position.AssistantTeacher : Position.Teacher);
                var d = NewPerson(position, school.Ref, null, _subjectOf[post]);
                d.Posts.Add(post);
                Drafts.Add(d);
            }
        }
        LinkedDirector = Drafts.First(d => d.V.School == _schools[0].Ref && d.V.Position == Position.Director);
        LinkedDirector.V = LinkedDirector.V with { Title = "นาย", Gender = Gender.Male, FirstName = Director.First, LastName = Director.Last };
        LinkedTeacher = Drafts.First(d => d.V.School == _schools[0].Ref && d.V.Position == Position.Teacher);
        LinkedTeacher.V = LinkedTeacher.V with { Title = "นางสาว", Gender = Gender.Female, FirstName = Teacher.First, LastName = Teacher.Last };
    }

    /// <summary>Contract teachers and government employees (no post on จ.18), the office's supervisors and staff, and people who have left.</summary>
    private void AddStaffWithoutPosts(IReadOnlyList<Division> divisions)
    {
        for (var i = 0; i < 44; i++)
            Drafts.Add(NewPerson(i < 26 ? Position.ContractTeacher : Position.GovernmentEmployee, _schools[_random.Next(_schools.Count)].Ref, null, null));
        foreach (var division in divisions)
        {
            var supervision = division.Name.StartsWith("กลุ่มนิเทศ", StringComparison.Ordinal);
            for (var i = 0; i < (supervision ? 12 : 2); i++)
                Drafts.Add(NewPerson(supervision ? Position.Supervisor : Position.EducationalPersonnel, null, new DivisionRef(division.Id, division.Name), null));
        }
        for (var i = 0; i < 10; i++)
        {
            var d = NewPerson(Position.Teacher, _schools[_random.Next(1, _schools.Count)].Ref, null, null);
            if (i < 4) d.V = AgedTo(d.V, _today.AddYears(-_random.Next(61, 65)).AddDays(-_random.Next(365)));
            d.Earlier = d.V;
            d.V = d.V with { Status = i < 4 ? PersonStatus.Retired : PersonStatus.Transferred };
            d.ChangedOn = i < 4 ? PersonRules.RetirementDate(d.V.BirthDate!.Value) : Between(_today.AddYears(-3), _today.AddDays(-30));
            Drafts.Add(d);
        }
    }

    /// <summary>~50 profiles with a later line: standing promotions, moves between schools, directors who were teachers elsewhere.</summary>
    private void AddHistory()
    {
        var teachers = Drafts.Where(d => d.V.Position == Position.Teacher && d.Earlier is null && d.Posts.Count == 1 && d != LinkedTeacher)
            .OrderBy(_ => _random.Next()).ToList();
        foreach (var d in teachers.Where(d => d.V.AcademicStanding is AcademicStanding.Professional or AcademicStanding.SeniorProfessional).Take(20))
        {
            d.Earlier = d.V with { AcademicStanding = d.V.AcademicStanding - 1 };
            d.ChangedOn = Between(Max(d.V.StartDate!.Value.AddYears(6), _today.AddYears(-5)), _today.AddDays(-60));
        }
        foreach (var d in teachers.Where(d => d.Earlier is null).Take(20))
        {
            d.Earlier = d.V with { School = OtherSchool(d.V.School!) };
            d.ChangedOn = Between(d.V.StartDate!.Value.AddYears(1), _today.AddDays(-30));
        }
        foreach (var d in Drafts.Where(d => d.V.Position == Position.Director).Take(10))
        {
            d.Earlier = d.V with { School = OtherSchool(d.V.School!), Position = Position.Teacher, AcademicStanding = AcademicStanding.Professional };
            d.ChangedOn = Between(_today.AddYears(-8), _today.AddYears(-1));
        }
    }
}
