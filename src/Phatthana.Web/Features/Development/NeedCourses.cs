using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Validation;
using PT = Phatthana.Web.Features.Personnel.PersonnelText;

namespace Phatthana.Web.Features.Development;

/// <summary>One person asking for a course's topic, and their place in the course's sessions if they have one.</summary>
public sealed record CourseAsker(Asker Person, int Priority, bool FromPlan, RegistrationStatus? Status, string? Session);

/// <summary>The form's starting values for a course made from a need, and what the need is.</summary>
public sealed record CourseDraft(CourseInput Input, string Topic, int FiscalYear, int People);

/// <summary>
/// A course made from a development need (<see cref="Course.NeedTopicId"/>, <see cref="Course.NeedFiscalYear"/>): the new-course
/// form filled in from the topic and its askers, the askers shown on the course, and all of them registered into one of its
/// sessions at once ("invited": no message is sent yet). The askers are the year's, read by <see cref="YearNeeds"/> each time.
/// </summary>
public sealed class NeedCourses(AppDbContext db, Registrations registrations)
{
    public static readonly TableSpec<CourseAsker> AskersTable = new("ผู้ที่ต้องการพัฒนาหัวข้อนี้",
        new TableColumn<CourseAsker>(PT.FullName, a => a.Person.Name, Link: a => $"/people/{a.Person.Id}", Width: 28, Wrap: true),
        new TableColumn<CourseAsker>(PT.School, a => a.Person.School ?? NeedsAnalysis.NoSchool, Width: 30, Wrap: true),
        new TableColumn<CourseAsker>(PT.PositionLabel, a => PT.Label(a.Person.Position), Width: 18, Wrap: true),
        new TableColumn<CourseAsker>("ลำดับ", a => a.Priority, CellKind.Number, Width: 8),
        new TableColumn<CourseAsker>("ที่มา", a => a.FromPlan ? "แผนพัฒนาตนเอง" : "แบบสำรวจความต้องการ", Width: 18),
        new TableColumn<CourseAsker>("การลงทะเบียน", a => a.Status is { } s ? $"{TrainingText.Label(s)} · {a.Session}" : "ยังไม่ได้ลงทะเบียน", Width: 24, Wrap: true));

    /// <summary>
    /// The topic's name; as target positions those of the people asking; as target subject area the topic's own; the method
    /// most of them prefer; objectives that say whose need it is. Null when the area has no such topic.
    /// </summary>
    public async Task<CourseDraft?> DraftAsync(Guid areaId, Guid topicId, int fiscalYear, CancellationToken ct = default)
    {
        if (await db.DevelopmentTopics.AsNoTracking().FirstOrDefaultAsync(t => t.AreaId == areaId && t.Id == topicId, ct) is not { } topic) return null;
        var needs = await YearNeeds.ReadAsync(db, areaId, fiscalYear, new NeedsFilter(TopicId: topicId), ct);
        var askers = needs.Asks.Where(a => needs.People.ContainsKey(a.PersonId)).ToList();
        var method = askers.SelectMany(a => a.Methods).GroupBy(m => m).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (DevelopmentMethod?)g.Key)
            .FirstOrDefault() ?? DevelopmentMethod.Training;
        var (plans, surveys) = (askers.Count(a => a.FromPlan), askers.Count(a => !a.FromPlan));
        var objectives = $"เพื่อพัฒนาบุคลากรตามความต้องการในการพัฒนาหัวข้อ \"{topic.Name}\" ที่บุคลากร {askers.Count:#,0} คนระบุไว้ ปีงบประมาณ {fiscalYear}"
                         + $" (แผนพัฒนาตนเอง {plans:#,0} คน · แบบสำรวจความต้องการ {surveys:#,0} คน)";
        var input = new CourseInput
        {
            Name = topic.Name, Method = method.ToString(), PassPercent = 60, Objectives = objectives,
            TargetPositions = [.. askers.Select(a => needs.People[a.PersonId].Position).Distinct().Order().Select(p => p.ToString())],
            TargetSubjectAreas = topic.SubjectArea is { } subject ? [subject.ToString()] : [],
            NeedTopic = topic.Id.ToString(), NeedFiscalYear = fiscalYear,
        };
        return new CourseDraft(input, topic.Name, fiscalYear, askers.Count);
    }

    /// <summary>The people asking for the course's topic (as far as the caller sees them), first choices first, then by name.</summary>
    public async Task<IReadOnlyList<CourseAsker>> AskersAsync(Course course, CancellationToken ct = default)
    {
        if (course is not { NeedTopicId: { } topic, NeedFiscalYear: { } year }) return [];
        var needs = await YearNeeds.ReadAsync(db, course.AreaId, year, new NeedsFilter(TopicId: topic), ct);
        var ids = needs.People.Keys.ToList();
        var seats = (await db.Registrations.AsNoTracking()
                .Where(r => r.Session!.CourseId == course.Id && r.Status != RegistrationStatus.Cancelled && ids.Contains(r.PersonId))
                .OrderBy(r => r.Session!.StartDate).Select(r => new { r.PersonId, r.Status, Session = r.Session!.Name }).ToListAsync(ct))
            .DistinctBy(r => r.PersonId).ToDictionary(r => r.PersonId);
        return needs.Asks.Where(a => needs.People.ContainsKey(a.PersonId))
            .Select(a => new CourseAsker(needs.People[a.PersonId], a.Priority, a.FromPlan, seats.GetValueOrDefault(a.PersonId)?.Status,
                seats.GetValueOrDefault(a.PersonId)?.Session))
            .OrderBy(a => a.Priority).ThenBy(a => a.Person.Name, Shared.Thai.ThaiText.Comparer).ToList();
    }

    /// <summary>
    /// Registers every asker not yet in one of the course's sessions into <paramref name="sessionId"/> (a session of this
    /// course), by the rules of a single registration (<see cref="GroupRegistration"/>); those already in the course count as skipped.
    /// </summary>
    public async Task<Outcome<GroupRegistrationResult>> RegisterAsync(Course course, Guid? sessionId, string? overrideReason, CancellationToken ct = default)
    {
        if (course.NeedTopicId is null) return Outcome<GroupRegistrationResult>.NotFound("หลักสูตรนี้ไม่ได้สร้างจากความต้องการในการพัฒนา");
        if (sessionId is null) return Outcome<GroupRegistrationResult>.Invalid([new("session", "กรุณาเลือกรุ่นที่จะลงทะเบียนผู้ที่ต้องการพัฒนาหัวข้อนี้")]);
        var session = await db.TrainingSessions.Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == sessionId && s.CourseId == course.Id, ct);
        if (session is null) return Outcome<GroupRegistrationResult>.Invalid([new("session", "ไม่พบรุ่นนี้ในหลักสูตร — เลือกรุ่นของหลักสูตรนี้")]);
        var askers = await AskersAsync(course, ct);
        var waiting = askers.Where(a => a.Status is null).Select(a => a.Person.NationalId).ToList();
        var outcome = await registrations.RegisterAllAsync(session, waiting, overrideReason);
        return outcome.Succeeded
            ? Outcome<GroupRegistrationResult>.Ok(outcome.Value! with { Asked = askers.Count, Skipped = outcome.Value.Skipped + askers.Count - waiting.Count })
            : outcome;
    }
}
