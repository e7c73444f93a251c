using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development.Pages;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>One line of the short form: a topic by id (or name), its priority (1 first) and the methods the person prefers.</summary>
public sealed record SurveyAnswerInput(string? Topic, int? Priority, List<string?>? Methods);

/// <summary>Why a person cannot answer a survey: closed, outside its target group, or their plan of that year already answers it.</summary>
public sealed record Refusal(string Message, string? PlanLink = null);

/// <summary>
/// The survey's short form, for people without a handed-in ID Plan of its year: up to <see cref="MaxTopics"/> topics of
/// their position group, each with a priority and preferred methods. Who may answer for whom is the ID Plan's rule (oneself,
/// a director for their staff, the area's staff for anyone). Saving again replaces the person's answers.
/// </summary>
public sealed class SurveyAnswers(AppDbContext db, IdPlans plans, TimeProvider time)
{
    public const int MaxTopics = 5;

    /// <summary>The reason the person cannot answer now, or null: the window, the target group, then a plan that counts.</summary>
    public async Task<Refusal?> WhyNotAsync(NeedsSurvey survey, Person person, CancellationToken ct = default)
    {
        var today = ThaiDate.TodayInThailand(time);
        if (survey.OpensOn is { } opens && today < opens) return new($"แบบสำรวจนี้เปิดรับคำตอบตั้งแต่ {ThaiDate.Short(opens)}");
        if (survey.ClosesOn is { } closes && today > closes) return new($"แบบสำรวจนี้ปิดรับคำตอบแล้วเมื่อ {ThaiDate.Short(closes)}");
        if (!SurveyTargets.Includes(survey, person))
            return new($"{person.FullName} ({PersonnelText.Label(person.Position)}) ไม่อยู่ในกลุ่มเป้าหมายของแบบสำรวจนี้ ({SurveyTargets.Describe(survey)})");
        var plan = await db.IdPlans.AsNoTracking().Where(p => p.PersonId == person.Id && p.FiscalYear == survey.FiscalYear && SurveyTargets.CountingStatuses.Contains(p.Status))
            .Select(p => (IdPlanStatus?)p.Status).FirstOrDefaultAsync(ct);
        if (plan is { } status)
            return new($"{person.FullName} มีแผนพัฒนาตนเองปีงบประมาณ {survey.FiscalYear} ที่{DevelopmentText.Label(status)} — ความต้องการในแผนนับเป็นคำตอบของแบบสำรวจนี้แล้ว " +
                       "หากต้องการเปลี่ยนหัวข้อ ให้แก้ไขที่แผน", PlanModel.Link(person.Id, survey.FiscalYear));
        return null;
    }

    /// <summary>Replaces the person's answers with these, or refuses and saves nothing.</summary>
    public async Task<Outcome<List<NeedResponse>>> SaveAsync(NeedsSurvey survey, Person person, List<SurveyAnswerInput?>? input, CancellationToken ct = default)
    {
        if (!plans.MayWrite(person)) return Outcome<List<NeedResponse>>.Forbidden("", "คุณตอบแบบสำรวจแทนบุคลากรนี้ไม่ได้");
        if (await WhyNotAsync(survey, person, ct) is { } refusal) return Outcome<List<NeedResponse>>.Duplicate("", refusal.Message);
        var group = PositionGroups.Of(person.Position);
        var topics = await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == person.AreaId && t.Group == group).ToListAsync(ct);
        var (lines, errors) = Read(topics, group, input);
        if (errors.Count > 0) return Outcome<List<NeedResponse>>.Invalid(errors);

        // Matched by topic and changed in place: a row deleted and added again in one save would meet its own unique key.
        var existing = await db.NeedResponses.Where(r => r.SurveyId == survey.Id && r.PersonId == person.Id).ToListAsync(ct);
        db.NeedResponses.RemoveRange(existing.Where(r => lines.All(l => l.TopicId != r.TopicId)));
        var saved = new List<NeedResponse>();
        foreach (var line in lines)
        {
            var row = existing.FirstOrDefault(r => r.TopicId == line.TopicId);
            if (row is null) db.NeedResponses.Add(row = new NeedResponse { AreaId = person.AreaId, SurveyId = survey.Id, PersonId = person.Id, TopicId = line.TopicId });
            row.SchoolId = person.SchoolId;
            row.Priority = line.Priority;
            if (!row.Methods.SequenceEqual(line.Methods)) row.Methods = line.Methods;
            saved.Add(row);
        }
        return await db.TrySaveAsync(saved, "", "", ct);
    }

    /// <summary>The checks of a short form against the group's topics, with no I/O (the demo's answers go through them too).</summary>
    public static (List<NeedLine> Lines, List<FieldError> Errors) Read(IReadOnlyList<DevelopmentTopic> topics, PositionGroup group, List<SurveyAnswerInput?>? input)
    {
        var checks = new Checks();
        var given = input ?? [];
        if (given.Count == 0) checks.Add("", "กรุณาเลือกหัวข้อที่ต้องการพัฒนาอย่างน้อยหนึ่งหัวข้อ");
        if (given.Count > MaxTopics) checks.Add("", $"เลือกหัวข้อได้ไม่เกิน {MaxTopics} หัวข้อ");
        var lines = new List<NeedLine>();
        foreach (var (a, i) in given.Take(MaxTopics).Select((a, i) => (a, i)))
        {
            var path = $"[{i}]";
            var key = Checks.Clean(a?.Topic);
            var topic = key is null ? null : topics.FirstOrDefault(t => IdPlanRules.IsId(t.Id, key) || t.Name == key);
            if (topic is null) { checks.Add(path + ".topic", key is null ? "กรุณาเลือกหัวข้อการพัฒนา" : $"ไม่มีหัวข้อการพัฒนา \"{key}\" สำหรับกลุ่ม{DevelopmentText.Label(group)}"); continue; }
            if (!topic.Active) checks.Add(path + ".topic", $"หัวข้อ \"{topic.Name}\" เลิกใช้แล้ว — เลือกหัวข้ออื่น");
            if (lines.Any(l => l.TopicId == topic.Id)) checks.Add(path + ".topic", $"หัวข้อ \"{topic.Name}\" ซ้ำกัน");
            if (a!.Priority is not (>= 1 and <= MaxTopics)) checks.Add(path + ".priority", $"ลำดับความสำคัญต้องเป็น 1 ถึง {MaxTopics}");
            lines.Add(new(topic.Id, a.Priority ?? 0, IdPlanRules.Methods(a.Methods, path + ".methods", checks), null, null, null));
        }
        foreach (var dup in lines.GroupBy(l => l.Priority).Where(g => g.Key > 0 && g.Count() > 1))
            checks.Add("", $"ลำดับความสำคัญ {dup.Key} ซ้ำกัน — ให้แต่ละหัวข้อมีลำดับไม่ซ้ำกัน");
        return (lines, [.. checks.Errors]);
    }
}
