using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Development.DevelopmentText;

namespace Phatthana.Web.Features.Development;

/// <summary>A development topic as sent: the competency it builds by code (or id) within the same group; a subject area by code or label.</summary>
public sealed record TopicInput
{
    public string? Name { get; init; }
    public string? Group { get; init; }
    public string? Competency { get; init; }
    public string? SubjectArea { get; init; }
    public bool? Active { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Adds, changes, retires and deletes a development topic (AreaAdmin). Names are unique within the area and group; the
/// competency it builds is one of the same group's. One that a plan or a survey answer asked for is retired, never deleted.
/// </summary>
public sealed class SaveTopic(AppDbContext db)
{
    public async Task<Outcome<DevelopmentTopic>> CreateAsync(Area area, TopicInput input, CancellationToken ct = default)
    {
        var (values, errors) = await ReadAsync(area.Id, input, ct);
        if (values is null) return Outcome<DevelopmentTopic>.Invalid(errors);
        if (await db.DevelopmentTopics.AnyAsync(t => t.AreaId == area.Id && t.Group == values.Group && t.Name == values.Name, ct))
            return Outcome<DevelopmentTopic>.Duplicate("name", T.DuplicateTopicName(values.Group));
        var topic = new DevelopmentTopic { AreaId = area.Id, Name = values.Name, Group = values.Group };
        Apply(topic, values);
        db.DevelopmentTopics.Add(topic);
        return await db.TrySaveAsync(topic, "name", T.DuplicateTopicName(values.Group), ct);
    }

    public async Task<Outcome<DevelopmentTopic>> UpdateAsync(DevelopmentTopic topic, TopicInput input, CancellationToken ct = default)
    {
        var (values, errors) = await ReadAsync(topic.AreaId, input, ct);
        if (values is null) return Outcome<DevelopmentTopic>.Invalid(errors);
        if (values.Group != topic.Group) return Outcome<DevelopmentTopic>.Invalid([new("group", T.GroupFixed)]);
        if (await db.DevelopmentTopics.AnyAsync(t => t.AreaId == topic.AreaId && t.Group == topic.Group && t.Name == values.Name && t.Id != topic.Id, ct))
            return Outcome<DevelopmentTopic>.Duplicate("name", T.DuplicateTopicName(values.Group));
        Stamp(topic, input.Version);
        topic.Name = values.Name;
        Apply(topic, values);
        return await db.TrySaveAsync(topic, "name", T.DuplicateTopicName(values.Group), ct);
    }

    /// <summary>เลิกใช้ / ใช้อีกครั้ง: a retired topic stays on the plans and answers that asked for it and is offered to no new one.</summary>
    public Task<Outcome<DevelopmentTopic>> SetActiveAsync(DevelopmentTopic topic, bool active, int? version, CancellationToken ct = default)
    {
        Stamp(topic, version);
        topic.Active = active;
        return db.TrySaveAsync(topic, "", "", ct);
    }

    public async Task<Outcome<DevelopmentTopic>> DeleteAsync(DevelopmentTopic topic, int? version, CancellationToken ct = default)
    {
        if (await WhyNotDeleteAsync(topic, ct) is { } why) return Outcome<DevelopmentTopic>.Duplicate("", why);
        if (version is { } v) db.Entry(topic).Property(t => t.Version).OriginalValue = v;
        db.DevelopmentTopics.Remove(topic);
        return await db.TrySaveAsync(topic, "", "", ct);
    }

    /// <summary>Why it cannot be deleted (the plans and survey answers that asked for it), or null when nothing uses it.</summary>
    public async Task<string?> WhyNotDeleteAsync(DevelopmentTopic topic, CancellationToken ct = default)
    {
        // Counted whoever asks: the decision never depends on the caller's view of the plans.
        var plans = await db.IdPlanNeeds.IgnoreQueryFilters().CountAsync(n => n.TopicId == topic.Id, ct);
        var answers = await db.NeedResponses.IgnoreQueryFilters().Where(r => r.TopicId == topic.Id).Select(r => r.PersonId).Distinct().CountAsync(ct);
        if (plans == 0 && answers == 0) return null;
        var uses = new List<string>();
        if (plans > 0) uses.Add($"แผนพัฒนาตนเอง {plans:#,0} แผนขอพัฒนาหัวข้อนี้");
        if (answers > 0) uses.Add($"ผู้ตอบแบบสำรวจความต้องการ {answers:#,0} คนเลือกหัวข้อนี้");
        return $"ลบหัวข้อ \"{topic.Name}\" ไม่ได้ เพราะ{string.Join(" และ", uses)} — {T.RetireInstead}";
    }

    private void Stamp(DevelopmentTopic topic, int? version)
    {
        if (version is not { } v) return;
        db.Entry(topic).Property(t => t.Version).OriginalValue = v;
        db.Entry(topic).Property(t => t.Version).IsModified = true;
    }

    private sealed record Values(string Name, PositionGroup Group, Guid? CompetencyId, SubjectArea? Subject, bool? Active);

    private async Task<(Values? Values, IReadOnlyList<FieldError> Errors)> ReadAsync(Guid areaId, TopicInput input, CancellationToken ct)
    {
        var checks = new Checks().Text(input.Name, "name", T.TopicName, DataSchema.NameLength);
        var group = CatalogueChecks.Group(input.Group, checks);
        var subject = CatalogueChecks.Subject(input.SubjectArea, checks);
        Guid? competencyId = null;
        if (Checks.Clean(input.Competency) is { } key && group is { } g)
        {
            var id = Guid.TryParse(key, out var parsed) ? parsed : (Guid?)null;
            competencyId = await db.Competencies.Where(c => c.AreaId == areaId && c.Group == g && (c.Code == key || c.Id == id)).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (competencyId is null) checks.Add("competency", $"ไม่มีสมรรถนะ \"{key}\" ในรายการของกลุ่ม{T.Label(g)}");
        }
        if (!checks.IsValid) return (null, checks.Errors);
        return (new Values(Checks.Clean(input.Name)!, group!.Value, competencyId, subject, input.Active), []);
    }

    private static void Apply(DevelopmentTopic t, Values v)
    {
        t.CompetencyId = v.CompetencyId;
        t.SubjectArea = v.Subject;
        t.Active = v.Active ?? t.Active;
    }
}
