using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.DataQuality;

/// <summary>One kind of finding: its key (used in links), its Thai label and what it is about.</summary>
public sealed record IssueKind(string Key, string Label, IssueSubject Subject, string Explanation);

public enum IssueSubject { Person, Post, School }

/// <summary>A school's figures on the data-quality page.</summary>
public sealed record SchoolQuality(
    string Code, string Name, int People, int RequiredFields, int FilledFields, int PeopleWithProblems, int PostsWithProblems,
    int Posts, bool HasStudentCounts, DateTimeOffset? LastUpdate, int? DaysSinceUpdate, bool Stale)
{
    public decimal CompletenessPercent => RequiredFields == 0 ? 100m : Math.Round(FilledFields * 100m / RequiredFields, 2);
    public int Problems => PeopleWithProblems + PostsWithProblems;
}

/// <summary>The whole picture of an area's data on one day.</summary>
public sealed record QualityReport(
    DateOnly Today, int AcademicYear, int StaleDays, int People, int RequiredFields, int FilledFields,
    IReadOnlyDictionary<string, IReadOnlyCollection<Guid>> Findings, IReadOnlyList<SchoolQuality> Schools,
    int DivisionPeople, DateTimeOffset? LastUpdate)
{
    public decimal CompletenessPercent => RequiredFields == 0 ? 100m : Math.Round(FilledFields * 100m / RequiredFields, 2);
    public int Count(string issue) => Findings.TryGetValue(issue, out var ids) ? ids.Count : 0;
}

/// <summary>
/// "ข้อมูลครบถ้วน ถูกต้อง เป็นปัจจุบัน พร้อมใช้" made measurable: completeness of the fields a record should have,
/// values that are wrong or contradict another record, and how long since each school's data last changed.
/// Computed from the data as it is now, so fixing a record changes the figures at once. Rules that the write paths
/// enforce are checked here too, because rows that predate the rules (or two writes that raced) can still break them.
/// </summary>
public sealed class DataQualityChecks(AppDbContext db, TimeProvider time)
{
    public const int DefaultStaleDays = 90;

    public static readonly IReadOnlyList<IssueKind> Kinds =
    [
        new("bad-id", "เลขประจำตัวประชาชนไม่ถูกต้อง", IssueSubject.Person, "หลักตรวจสอบ (หลักที่ 13) ไม่ตรง หรือไม่ครบ 13 หลัก"),
        new("incomplete", "ข้อมูลสำคัญไม่ครบ", IssueSubject.Person, "ยังไม่มีเพศ วันเกิด วันที่เริ่มปฏิบัติงาน สังกัด วิทยฐานะ วิชาเอก หรือกลุ่มสาระที่สอน"),
        new("post-elsewhere", "อยู่สองสถานศึกษา", IssueSubject.Person, "ทะเบียนบุคลากรระบุสถานศึกษาหนึ่ง แต่ครองอัตราของอีกสถานศึกษาหนึ่งใน จ.18"),
        new("many-posts", "ครองอัตรามากกว่าหนึ่งอัตรา", IssueSubject.Person, "ชื่อเดียวกันอยู่ในอัตรามากกว่าหนึ่งเลขที่ตำแหน่ง"),
        new("no-post", "ไม่มีอัตรารองรับ", IssueSubject.Person, "ข้าราชการครูหรือผู้บริหารในสถานศึกษาที่ไม่ได้ครองอัตราใดใน จ.18"),
        new("over-age", "ครบเกษียณแล้วแต่ยังปฏิบัติงาน", IssueSubject.Person, "อายุครบ 60 ปีและพ้นวันที่ 30 กันยายนของปีงบประมาณนั้นแล้ว สถานะยังเป็นปฏิบัติงานอยู่"),
        new("duplicate-position", "อัตราเดียวมีผู้ครองหลายคน", IssueSubject.Post, "เลขที่ตำแหน่งเดียวกันอยู่ในบัญชีของมากกว่าหนึ่งสถานศึกษา"),
        new("inactive-occupant", "ผู้ครองอัตราพ้นจากเขตแล้ว", IssueSubject.Post, "ผู้ครองย้ายออกหรือเกษียณแล้ว อัตรานี้ควรเป็นอัตราว่าง"),
        new("type-mismatch", "ตำแหน่งไม่ตรงกับประเภทอัตรา", IssueSubject.Post, "เช่น ครูครองอัตราผู้บริหาร หรือพนักงานราชการครองอัตราข้าราชการ"),
        new("stale", "ไม่ได้ปรับปรุงข้อมูล", IssueSubject.School, "ไม่มีการแก้ไขข้อมูลสถานศึกษา บุคลากร อัตรา หรือจำนวนนักเรียนเกินจำนวนวันที่กำหนด"),
        new("no-counts", "ยังไม่มีจำนวนนักเรียนปีนี้", IssueSubject.School, "ยังไม่ได้บันทึกจำนวนนักเรียนของปีการศึกษาปัจจุบัน"),
    ];

    public static IEnumerable<string> PersonIssues => Kinds.Where(k => k.Subject == IssueSubject.Person).Select(k => k.Key);
    public static IEnumerable<string> PostIssues => Kinds.Where(k => k.Subject == IssueSubject.Post).Select(k => k.Key);

    public static IssueKind? Kind(string? key) => Kinds.FirstOrDefault(k => k.Key == key);

    /// <summary>The people a person finding names; null when <paramref name="issue"/> is not given or is not a person finding.</summary>
    public async Task<IReadOnlyCollection<Guid>?> PeopleWithAsync(Guid areaId, string? issue, CancellationToken ct = default)
    {
        if (Kind(issue) is not { Subject: IssueSubject.Person } kind) return null;
        return (await RunAsync(areaId, DefaultStaleDays, ct)).Findings[kind.Key];
    }

    /// <summary>The posts a post finding names; null when <paramref name="issue"/> is not a post finding.</summary>
    public async Task<IReadOnlyCollection<Guid>?> PostsWithAsync(Guid areaId, string? issue, CancellationToken ct = default)
    {
        if (Kind(issue) is not { Subject: IssueSubject.Post } kind) return null;
        return (await RunAsync(areaId, DefaultStaleDays, ct)).Findings[kind.Key];
    }

    public async Task<QualityReport> RunAsync(Guid areaId, int staleDays, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = ThaiDate.TodayInThailand(time);
        var year = SchoolCalendar.AcademicYearOf(today);
        var schools = await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId)
            .Select(s => new { s.Id, s.Code, s.Name, s.UpdatedAt }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.AreaId == areaId)
            .Select(p => new PersonFacts(p.Id, p.NationalId, p.Gender, p.BirthDate, p.Position, p.AcademicStanding, p.Major,
                p.TeachingSubjectAreas, p.SchoolId, p.DivisionId, p.StartDate, p.Status, p.UpdatedAt)).ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking().Where(p => p.AreaId == areaId)
            .Select(p => new { p.Id, p.SchoolId, p.PositionNumber, p.PostType, p.OccupantId, p.UpdatedAt }).ToListAsync(ct);
        var counts = await db.StudentCounts.AsNoTracking().Where(c => c.AreaId == areaId)
            .GroupBy(c => c.SchoolId)
            .Select(g => new { SchoolId = g.Key, HasYear = g.Any(c => c.AcademicYear == year), Last = g.Max(c => c.UpdatedAt) })
            .ToListAsync(ct);

        var findings = Kinds.ToDictionary(k => k.Key, _ => new HashSet<Guid>());
        var personById = people.ToDictionary(p => p.Id);
        var postsOf = posts.Where(p => p.OccupantId is not null).ToLookup(p => p.OccupantId!.Value);
        var active = people.Where(p => p.Status == PersonStatus.Active).ToList();
        var (required, filled) = (0, 0);
        var fieldsBySchool = new Dictionary<Guid, (int Required, int Filled)>();

        foreach (var p in people.Where(p => !NationalId.IsValid(p.NationalId))) findings["bad-id"].Add(p.Id);
        foreach (var p in active)
        {
            var (r, f) = p.Completeness();
            required += r;
            filled += f;
            if (f < r) findings["incomplete"].Add(p.Id);
            if (p.SchoolId is { } school)
            {
                var (sr, sf) = fieldsBySchool.GetValueOrDefault(school);
                fieldsBySchool[school] = (sr + r, sf + f);
            }
            var held = postsOf[p.Id].ToList();
            if (held.Count > 1) findings["many-posts"].Add(p.Id);
            if (held.Any(h => h.SchoolId != p.SchoolId)) findings["post-elsewhere"].Add(p.Id);
            if (held.Count == 0 && p.SchoolId is not null && PersonRules.NeedsPost(p.Position)) findings["no-post"].Add(p.Id);
            if (p.BirthDate is { } birth && today > PersonRules.RetirementDate(birth)) findings["over-age"].Add(p.Id);
        }
        foreach (var group in posts.GroupBy(p => p.PositionNumber).Where(g => g.Select(p => p.SchoolId).Distinct().Count() > 1))
            findings["duplicate-position"].UnionWith(group.Select(p => p.Id));
        foreach (var post in posts.Where(p => p.OccupantId is not null))
        {
            if (!personById.TryGetValue(post.OccupantId!.Value, out var occupant)) continue;
            if (occupant.Status != PersonStatus.Active) findings["inactive-occupant"].Add(post.Id);
            if (PersonRules.PostTypeFor(occupant.Position) != post.PostType) findings["type-mismatch"].Add(post.Id);
        }

        // Wrong or conflicting values; missing ones are the completeness column's business.
        var personProblems = PersonIssues.Where(k => k != "incomplete").SelectMany(k => findings[k]).ToHashSet();
        var postProblems = PostIssues.SelectMany(k => findings[k]).ToHashSet();
        var countsBySchool = counts.ToDictionary(c => c.SchoolId);
        var peopleBySchool = people.Where(p => p.SchoolId is not null).ToLookup(p => p.SchoolId!.Value);
        var postsBySchool = posts.ToLookup(p => p.SchoolId);
        var rows = new List<SchoolQuality>();
        foreach (var s in schools)
        {
            var staff = peopleBySchool[s.Id].ToList();
            var register = postsBySchool[s.Id].ToList();
            var studentCounts = countsBySchool.GetValueOrDefault(s.Id);
            var last = new[] { Known(s.UpdatedAt), Known(studentCounts?.Last) }
                .Concat(staff.Select(p => Known(p.UpdatedAt))).Concat(register.Select(p => Known(p.UpdatedAt)))
                .Where(d => d is not null).Max();
            int? days = last is { } l ? (int)Math.Floor((now - l).TotalDays) : null;
            var stale = days is null || days > staleDays;
            var hasCounts = studentCounts?.HasYear == true;
            if (stale) findings["stale"].Add(s.Id);
            if (!hasCounts) findings["no-counts"].Add(s.Id);
            var (sr, sf) = fieldsBySchool.GetValueOrDefault(s.Id);
            rows.Add(new SchoolQuality(s.Code, s.Name, staff.Count(p => p.Status == PersonStatus.Active), sr, sf,
                staff.Count(p => personProblems.Contains(p.Id)), register.Count(p => postProblems.Contains(p.Id)),
                register.Count, hasCounts, last, days, stale));
        }
        var lastAny = rows.Select(r => r.LastUpdate).Concat(people.Select(p => Known(p.UpdatedAt))).Where(d => d is not null).DefaultIfEmpty().Max();
        return new QualityReport(today, year, staleDays, active.Count, required, filled,
            findings.ToDictionary(f => f.Key, f => (IReadOnlyCollection<Guid>)f.Value), rows,
            active.Count(p => p.SchoolId is null), lastAny);
    }

    /// <summary>Rows written before timestamps were kept carry the type's minimum: "unknown", not 2,000 years old.</summary>
    private static DateTimeOffset? Known(DateTimeOffset? at) => at is { } t && t.Year > 2000 ? t : null;

    private sealed record PersonFacts(
        Guid Id, string NationalId, Gender? Gender, DateOnly? BirthDate, Position Position, AcademicStanding? Standing,
        SubjectArea? Major, List<SubjectArea> Subjects, Guid? SchoolId, Guid? DivisionId, DateOnly? StartDate,
        PersonStatus Status, DateTimeOffset UpdatedAt)
    {
        /// <summary>How many of the fields this person's record should have are filled.</summary>
        public (int Required, int Filled) Completeness()
        {
            var fields = new List<bool> { Gender is not null, BirthDate is not null, StartDate is not null, SchoolId is not null || DivisionId is not null };
            if (PersonRules.HoldsStanding(Position)) fields.Add(Standing is not null);
            if (PersonRules.Teaches(Position))
            {
                fields.Add(Major is not null);
                fields.Add(Subjects.Count > 0);
            }
            return (fields.Count, fields.Count(f => f));
        }
    }
}
