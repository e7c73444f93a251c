using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Notifications;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Development;

/// <summary>An ID Plan as the API and the form send it; lines are replaced whole on every save.</summary>
public sealed record IdPlanInput(string? Goal, List<CompetencyLevelInput?>? Competencies, List<NeedInput?>? Needs, int? Version);

/// <summary>A competency by its code (or id) and the person's own level, 1–5.</summary>
public sealed record CompetencyLevelInput(string? Competency, int? Level);

/// <summary>A topic by its id (or name), its priority (1 first), methods by code name, the planned months and the outcome.</summary>
public sealed record NeedInput(string? Topic, int? Priority, List<string?>? Methods, DateOnly? PlannedStart, DateOnly? PlannedEnd, string? ExpectedOutcome);

/// <summary>
/// The ID Plan's workflow. A person writes their own plan (so do their school's director and the area's staff for them);
/// it is saved as a draft, submitted (never empty), then approved or returned with a comment by the person's director — an
/// AreaAdmin for those without a school and for directors themselves — and never by the person it belongs to. A returned
/// plan is changed and submitted again. Who the person is, and so whether the caller sees them, is the registry's query filter.
/// </summary>
public sealed class IdPlans(AppDbContext db, UserScope scope, TimeProvider time, Notifier notifier)
{
    public const string NotEditable = "แผนนี้ส่งแล้ว จึงแก้ไขไม่ได้ — รอผู้บริหารพิจารณา หรือให้ส่งคืนเพื่อแก้ไข";
    public const string Approved = "แผนนี้อนุมัติแล้ว จึงแก้ไขไม่ได้";

    /// <summary>The person by national ID or internal id, as the caller's scope shows them (a teacher: only themself).</summary>
    public Task<Person?> FindPersonAsync(string key, CancellationToken ct = default) =>
        Guid.TryParse(key, out var id)
            ? db.People.FirstOrDefaultAsync(p => p.Id == id, ct)
            : db.People.FirstOrDefaultAsync(p => p.NationalId == key, ct);

    public Task<IdPlan?> FindAsync(Guid personId, int fiscalYear, CancellationToken ct = default) =>
        db.IdPlans.Include(p => p.Competencies).Include(p => p.Needs).AsSplitQuery().FirstOrDefaultAsync(p => p.PersonId == personId && p.FiscalYear == fiscalYear, ct);

    /// <summary>Whether the caller may write this person's plan: themself, their school's director, the area's staff.</summary>
    public bool MayWrite(Person person) => scope.Role switch
    {
        Role.SystemAdmin or Role.AreaAdmin => true,
        Role.SchoolAdmin => person.SchoolId is { } s && s == scope.SchoolId,
        Role.Teacher => scope.SelfNationalId == person.NationalId,
        _ => false,
    };

    /// <summary>Whether the caller may approve or return it: the director of the person's school, or the area's staff — never the person.</summary>
    public string? WhyNotDecide(Person person, IdPlan plan)
    {
        if (scope.SelfNationalId is { } self && self == person.NationalId) return "อนุมัติหรือส่งคืนแผนพัฒนาตนเองของตนเองไม่ได้ — ผู้บังคับบัญชาเป็นผู้พิจารณา";
        return scope.Role switch
        {
            Role.SystemAdmin or Role.AreaAdmin => null,
            Role.SchoolAdmin when plan.SchoolId is { } s && s == scope.SchoolId => null,
            _ => "ผู้อำนวยการสถานศึกษาของบุคลากร (หรือเจ้าหน้าที่เขตพื้นที่) เป็นผู้พิจารณาแผนนี้",
        };
    }

    public async Task<Outcome<IdPlan>> SaveAsync(Person person, int fiscalYear, IdPlanInput? input, CancellationToken ct = default)
    {
        if (!MayWrite(person)) return Outcome<IdPlan>.Forbidden("", "คุณแก้ไขแผนพัฒนาตนเองของบุคลากรนี้ไม่ได้");
        if (input is null) return Outcome<IdPlan>.Invalid([new("", "กรุณาส่งแผนพัฒนาตนเอง")]);
        var plan = await FindAsync(person.Id, fiscalYear, ct);
        if (plan?.Status == IdPlanStatus.Submitted) return Outcome<IdPlan>.Duplicate("", NotEditable);
        if (plan?.Status == IdPlanStatus.Approved) return Outcome<IdPlan>.Duplicate("", Approved);
        var (competencies, needs, errors) = await ReadAsync(person, fiscalYear, input, ct);
        if (errors.Count > 0) return Outcome<IdPlan>.Invalid(errors);

        if (plan is null)
        {
            plan = new IdPlan { AreaId = person.AreaId, PersonId = person.Id, FiscalYear = fiscalYear, Status = IdPlanStatus.Draft };
            db.IdPlans.Add(plan);
        }
        else if (input.Version is { } v) db.Entry(plan).Property(p => p.Version).OriginalValue = v;
        plan.SchoolId = person.SchoolId;
        plan.Goal = Checks.Clean(input.Goal);
        // Lines are matched by competency and by topic and changed in place (a line deleted and added again in one save
        // would meet its own unique key), so the audit shows what changed.
        Merge(plan.Competencies, competencies, c => c.CompetencyId, c => c.Id,
            c => new IdPlanCompetency { AreaId = person.AreaId, PlanId = plan.Id, CompetencyId = c.Id }, (line, c) => line.Level = c.Level);
        Merge(plan.Needs, needs, n => n.TopicId, n => n.TopicId, n => new IdPlanNeed { AreaId = person.AreaId, PlanId = plan.Id, TopicId = n.TopicId }, (line, n) =>
        {
            line.Priority = n.Priority;
            if (!line.Methods.SequenceEqual(n.Methods)) line.Methods = n.Methods;
            (line.PlannedStart, line.PlannedEnd, line.ExpectedOutcome) = (n.Start, n.End, n.Outcome);
        });
        // A changed plan is a changed row: its version moves even when only its lines changed, so a stale form is refused.
        if (db.Entry(plan).State == EntityState.Unchanged) db.Entry(plan).State = EntityState.Modified;
        return await db.TrySaveAsync(plan, "", SaveOutcome.SimultaneousMessage, ct);
    }

    private void Merge<TLine, TInput>(List<TLine> lines, IReadOnlyList<TInput> inputs, Func<TLine, Guid> lineKey, Func<TInput, Guid> inputKey,
        Func<TInput, TLine> create, Action<TLine, TInput> apply) where TLine : class
    {
        foreach (var gone in lines.Where(l => inputs.All(i => inputKey(i) != lineKey(l))).ToList())
        {
            lines.Remove(gone);
            db.Remove(gone);
        }
        foreach (var input in inputs)
        {
            var line = lines.FirstOrDefault(l => lineKey(l) == inputKey(input));
            if (line is null)
            {
                // Added explicitly: a new line found through the navigation with its key already set would be taken for an existing row.
                lines.Add(line = create(input));
                db.Add(line);
            }
            apply(line, input);
        }
    }

    private async Task<(List<(Guid Id, int Level)>, List<NeedLine>, List<FieldError>)> ReadAsync(Person person, int fiscalYear, IdPlanInput input, CancellationToken ct)
    {
        var group = PositionGroups.Of(person.Position);
        var catalogue = await db.Competencies.AsNoTracking().Where(c => c.AreaId == person.AreaId && c.Group == group).ToListAsync(ct);
        var topics = await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == person.AreaId && t.Group == group).ToListAsync(ct);
        return IdPlanRules.Read(catalogue, topics, group, fiscalYear, input);
    }

    /// <summary>Hands the plan to the director: it must assess every active competency of the person's group and ask for something.</summary>
    public async Task<Outcome<IdPlan>> SubmitAsync(Person person, IdPlan plan, int? version, CancellationToken ct = default)
    {
        if (!MayWrite(person)) return Outcome<IdPlan>.Forbidden("", "คุณส่งแผนพัฒนาตนเองของบุคลากรนี้ไม่ได้");
        if (plan.Status is IdPlanStatus.Submitted or IdPlanStatus.Approved) return Outcome<IdPlan>.Duplicate("", plan.Status == IdPlanStatus.Approved ? Approved : "แผนนี้ส่งแล้ว");
        var group = PositionGroups.Of(person.Position);
        var required = await db.Competencies.AsNoTracking().Where(c => c.AreaId == person.AreaId && c.Group == group && c.Active).ToListAsync(ct);
        if (IdPlanRules.WhyNotSubmit(plan, required) is { Count: > 0 } errors) return Outcome<IdPlan>.Invalid(errors);
        if (version is { } v) db.Entry(plan).Property(p => p.Version).OriginalValue = v;
        plan.Status = IdPlanStatus.Submitted;
        plan.SubmittedAt = time.GetUtcNow();
        await notifier.RaiseAsync(new(NotificationKinds.IdPlanSubmitted, Deciders(person, plan), Link(plan), Values(person, plan), person.AreaId), ct);
        return await db.TrySaveAsync(plan, "", SaveOutcome.SimultaneousMessage, ct);
    }

    public Task<Outcome<IdPlan>> ApproveAsync(Person person, IdPlan plan, int? version, CancellationToken ct = default) =>
        DecideAsync(person, plan, IdPlanStatus.Approved, null, version, ct);

    public Task<Outcome<IdPlan>> ReturnAsync(Person person, IdPlan plan, string? comment, int? version, CancellationToken ct = default) =>
        DecideAsync(person, plan, IdPlanStatus.Returned, comment, version, ct);

    private async Task<Outcome<IdPlan>> DecideAsync(Person person, IdPlan plan, IdPlanStatus decision, string? comment, int? version, CancellationToken ct)
    {
        if (WhyNotDecide(person, plan) is { } why) return Outcome<IdPlan>.Forbidden("", why);
        if (plan.Status != IdPlanStatus.Submitted)
            return Outcome<IdPlan>.Duplicate("", plan.Status == IdPlanStatus.Approved ? "แผนนี้อนุมัติแล้ว" : "แผนนี้ยังไม่ได้ส่ง จึงยังพิจารณาไม่ได้");
        if (decision == IdPlanStatus.Returned)
        {
            var checks = new Checks().Text(comment, "comment", "ความเห็นที่ส่งคืน", DataSchema.TextLength);
            if (!checks.IsValid) return Outcome<IdPlan>.Invalid([.. checks.Errors]);
            plan.ReturnComment = Checks.Clean(comment);
        }
        if (version is { } v) db.Entry(plan).Property(p => p.Version).OriginalValue = v;
        plan.Status = decision;
        plan.DecidedAt = time.GetUtcNow();
        plan.DecidedBy = scope.DisplayName;
        var values = Values(person, plan);
        values["decider"] = plan.DecidedBy;
        values["comment"] = plan.ReturnComment;
        await notifier.RaiseAsync(new(decision == IdPlanStatus.Approved ? NotificationKinds.IdPlanApproved : NotificationKinds.IdPlanReturned,
            Audience.Person(person.AreaId, person.NationalId), Link(plan), values, person.AreaId), ct);
        return await db.TrySaveAsync(plan, "", SaveOutcome.SimultaneousMessage, ct);
    }

    /// <summary>Who decides a submitted plan, as <see cref="WhyNotDecide"/> has it: the school's director, else the area's staff.</summary>
    private static Audience Deciders(Person person, IdPlan plan) =>
        plan.SchoolId is { } school && PositionGroups.Of(person.Position) != PositionGroup.Administrators
            ? Audience.SchoolDirectors(school)
            : Audience.AreaRoles(person.AreaId, Role.AreaAdmin);

    /// <summary>The plan's page, by the person's id (a national ID never travels in a mail).</summary>
    private static string Link(IdPlan plan) => $"/people/{plan.PersonId}/id-plans/{plan.FiscalYear}";

    private static Dictionary<string, string?> Values(Person person, IdPlan plan) => new() { ["person"] = person.FullName, ["year"] = plan.FiscalYear.ToString() };

    /// <summary>Starts this year's plan from last year's: the same competency levels and topics (the months moved a year on), as a draft.</summary>
    public async Task<Outcome<IdPlan>> CopyPreviousAsync(Person person, int fiscalYear, CancellationToken ct = default)
    {
        if (!MayWrite(person)) return Outcome<IdPlan>.Forbidden("", "คุณแก้ไขแผนพัฒนาตนเองของบุคลากรนี้ไม่ได้");
        if (await FindAsync(person.Id, fiscalYear, ct) is { } existing && (existing.Needs.Count > 0 || existing.Competencies.Count > 0))
            return Outcome<IdPlan>.Duplicate("", $"มีแผนปีงบประมาณ {fiscalYear} แล้ว — แก้ไขแผนนั้นแทนการคัดลอก");
        if (await FindAsync(person.Id, fiscalYear - 1, ct) is not { } last)
            return Outcome<IdPlan>.NotFound($"ไม่มีแผนพัฒนาตนเองปีงบประมาณ {fiscalYear - 1} ให้คัดลอก");
        var input = new IdPlanInput(last.Goal,
            [.. last.Competencies.Select(c => new CompetencyLevelInput(c.CompetencyId.ToString(), c.Level))],
            [.. last.Needs.OrderBy(n => n.Priority).Select(n => new NeedInput(n.TopicId.ToString(), n.Priority, [.. n.Methods.Select(m => m.ToString())],
                n.PlannedStart?.AddYears(1), n.PlannedEnd?.AddYears(1), n.ExpectedOutcome))], null);
        // Retired competencies and topics of last year fall out here, with the rest kept.
        var group = PositionGroups.Of(person.Position);
        var active = (await db.Competencies.AsNoTracking().Where(c => c.AreaId == person.AreaId && c.Group == group && c.Active).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var topics = (await db.DevelopmentTopics.AsNoTracking().Where(t => t.AreaId == person.AreaId && t.Group == group && t.Active).Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        input = input with
        {
            Competencies = [.. input.Competencies!.Where(c => active.Contains(Guid.Parse(c!.Competency!)))],
            Needs = [.. input.Needs!.Where(n => topics.Contains(Guid.Parse(n!.Topic!)))],
        };
        return await SaveAsync(person, fiscalYear, input, ct);
    }
}
