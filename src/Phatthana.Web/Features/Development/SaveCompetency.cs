using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Development.DevelopmentText;

namespace Phatthana.Web.Features.Development;

/// <summary>A competency as the API and the form send it; kind and group by code name or Thai label.</summary>
public sealed record CompetencyInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public string? Group { get; init; }
    public int? ExpectedLevel { get; init; }
    /// <summary>Where it stands among its kind; blank puts a new one last and leaves an existing one where it is.</summary>
    public int? SortOrder { get; init; }
    public string? Description { get; init; }
    /// <summary>Blank: a new one is in use, an existing one keeps its state.</summary>
    public bool? Active { get; init; }
    public int? Version { get; init; }
}

/// <summary>
/// Adds, changes, retires and deletes a competency of an area's catalogue (AreaAdmin). The code is unique within the area
/// and position group; the group never changes (plans of that group's people assessed it). One that a plan has assessed or
/// a topic builds is never deleted: it is retired (<see cref="Competency.Active"/> off), which keeps it on those plans.
/// </summary>
public sealed class SaveCompetency(AppDbContext db)
{
    public const int MaxSortOrder = 999;

    public async Task<Outcome<Competency>> CreateAsync(Area area, CompetencyInput input, CancellationToken ct = default)
    {
        var (values, errors) = Read(input);
        if (values is null) return Outcome<Competency>.Invalid(errors);
        var competency = new Competency { AreaId = area.Id, Code = values.Code, Name = values.Name, Group = values.Group };
        if (await db.Competencies.AnyAsync(c => c.AreaId == area.Id && c.Group == values.Group && c.Code == values.Code, ct))
            return Outcome<Competency>.Duplicate("code", T.DuplicateCompetencyCode(values.Code, values.Group));
        competency.SortOrder = values.SortOrder ?? 1 + (await db.Competencies.Where(c => c.AreaId == area.Id && c.Group == values.Group && c.Kind == values.Kind)
            .MaxAsync(c => (int?)c.SortOrder, ct) ?? 0);
        Apply(competency, values);
        db.Competencies.Add(competency);
        return await db.TrySaveAsync(competency, "code", T.DuplicateCompetencyCode(values.Code, values.Group), ct);
    }

    public async Task<Outcome<Competency>> UpdateAsync(Competency competency, CompetencyInput input, CancellationToken ct = default)
    {
        var (values, errors) = Read(input);
        if (values is null) return Outcome<Competency>.Invalid(errors);
        if (values.Group != competency.Group) return Outcome<Competency>.Invalid([new("group", T.GroupFixed)]);
        if (await db.Competencies.AnyAsync(c => c.AreaId == competency.AreaId && c.Group == competency.Group && c.Code == values.Code && c.Id != competency.Id, ct))
            return Outcome<Competency>.Duplicate("code", T.DuplicateCompetencyCode(values.Code, values.Group));
        Stamp(competency, input.Version);
        competency.Code = values.Code;
        competency.SortOrder = values.SortOrder ?? competency.SortOrder;
        Apply(competency, values);
        return await db.TrySaveAsync(competency, "code", T.DuplicateCompetencyCode(values.Code, values.Group), ct);
    }

    /// <summary>เลิกใช้ / ใช้อีกครั้ง: a retired competency stays on the plans that assessed it and is offered to no new one.</summary>
    public Task<Outcome<Competency>> SetActiveAsync(Competency competency, bool active, int? version, CancellationToken ct = default)
    {
        Stamp(competency, version);
        competency.Active = active;
        return db.TrySaveAsync(competency, "", "", ct);
    }

    public async Task<Outcome<Competency>> DeleteAsync(Competency competency, int? version, CancellationToken ct = default)
    {
        if (await WhyNotDeleteAsync(competency, ct) is { } why) return Outcome<Competency>.Duplicate("", why);
        if (version is { } v) db.Entry(competency).Property(c => c.Version).OriginalValue = v;
        db.Competencies.Remove(competency);
        return await db.TrySaveAsync(competency, "", "", ct);
    }

    /// <summary>Why it cannot be deleted (the plans that assessed it, the topics that build it), or null when nothing uses it.</summary>
    public async Task<string?> WhyNotDeleteAsync(Competency competency, CancellationToken ct = default)
    {
        // Counted whoever asks: the decision never depends on the caller's view of the plans.
        var plans = await db.IdPlanCompetencies.IgnoreQueryFilters().CountAsync(l => l.CompetencyId == competency.Id, ct);
        var topics = await db.DevelopmentTopics.IgnoreQueryFilters().Where(t => t.CompetencyId == competency.Id).Select(t => t.Name).ToListAsync(ct);
        if (plans == 0 && topics.Count == 0) return null;
        var uses = new List<string>();
        if (plans > 0) uses.Add($"แผนพัฒนาตนเอง {plans:#,0} แผนประเมินสมรรถนะนี้แล้ว");
        if (topics.Count > 0) uses.Add($"หัวข้อการพัฒนา {topics.Count:#,0} หัวข้อพัฒนาสมรรถนะนี้ ({string.Join(", ", topics.Order(Shared.Thai.ThaiText.Comparer).Take(3))}{(topics.Count > 3 ? " …" : "")})");
        return $"ลบสมรรถนะ \"{competency.Name}\" ไม่ได้ เพราะ{string.Join(" และ", uses)} — {T.RetireInstead}";
    }

    /// <summary>A tampered or stale version is a 409, even when nothing else changed.</summary>
    private void Stamp(Competency competency, int? version)
    {
        if (version is not { } v) return;
        db.Entry(competency).Property(c => c.Version).OriginalValue = v;
        db.Entry(competency).Property(c => c.Version).IsModified = true;
    }

    private sealed record Values(string Code, string Name, CompetencyKind Kind, PositionGroup Group, int ExpectedLevel, int? SortOrder, string? Description, bool? Active);

    private static (Values? Values, IReadOnlyList<FieldError> Errors) Read(CompetencyInput input)
    {
        var checks = new Checks()
            .Code(input.Code, "code", T.CompetencyCode, DataSchema.CodeLength)
            .Text(input.Name, "name", T.CompetencyName, DataSchema.NameLength)
            .Text(input.Description, "description", T.Description, DataSchema.TextLength, required: false);
        var kind = CatalogueChecks.Kind(input.Kind, checks);
        var group = CatalogueChecks.Group(input.Group, checks);
        if (input.ExpectedLevel is null) checks.Add("expectedLevel", $"กรุณาระบุ{T.ExpectedLevel}");
        else if (input.ExpectedLevel is not (>= 1 and <= 5)) checks.Add("expectedLevel", $"{T.ExpectedLevel}ต้องเป็น 1 ถึง 5");
        checks.Range(input.SortOrder, 0, MaxSortOrder, "sortOrder", T.SortOrder, required: false);
        if (!checks.IsValid) return (null, checks.Errors);
        return (new Values(Checks.Clean(input.Code)!, Checks.Clean(input.Name)!, kind!.Value, group!.Value, input.ExpectedLevel!.Value, input.SortOrder,
            Checks.Clean(input.Description), input.Active), []);
    }

    private static void Apply(Competency c, Values v)
    {
        c.Name = v.Name;
        c.Kind = v.Kind;
        c.ExpectedLevel = v.ExpectedLevel;
        c.Description = v.Description;
        c.Active = v.Active ?? c.Active;
    }
}
