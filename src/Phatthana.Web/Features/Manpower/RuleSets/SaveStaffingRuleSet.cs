using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Data.Configurations;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;
using T = Phatthana.Web.Features.Manpower.RuleSets.RuleSetsText;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>A rule set as the API takes it; <see cref="Version"/> is the one the caller read (a newer one is a 409).</summary>
public sealed class StaffingRuleSetInput
{
    public string? Name { get; set; }
    public int? EffectiveFromYear { get; set; }
    public string? Reference { get; set; }
    public StaffingCriteria? Criteria { get; set; }
    public int? Version { get; set; }
}

/// <summary>A rule set with the years it covers: until the year before the next set starts (open-ended for the latest).</summary>
public sealed record StaffingRuleSetDto(
    Guid Id, string Name, int EffectiveFromYear, int? EffectiveUntilYear, string? Reference, bool IsShippedDefault,
    bool InForceNow, int Version, DateTimeOffset UpdatedAt, StaffingCriteria Criteria)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Years => T.Years(EffectiveFromYear, EffectiveUntilYear);

    /// <summary>Every set, newest first, each knowing its years and whether it applies to <paramref name="currentYear"/>.</summary>
    public static async Task<List<StaffingRuleSetDto>> ListAsync(AppDbContext db, int currentYear, CancellationToken ct = default)
    {
        var sets = await db.StaffingRuleSets.AsNoTracking().OrderBy(r => r.EffectiveFromYear).ToListAsync(ct);
        return sets.Select((s, i) =>
        {
            int? until = i + 1 < sets.Count ? sets[i + 1].EffectiveFromYear - 1 : null;
            var inForce = s.EffectiveFromYear <= currentYear && (until is null || currentYear <= until);
            return new StaffingRuleSetDto(s.Id, s.Name, s.EffectiveFromYear, until, s.Reference, s.IsShippedDefault, inForce, s.Version, s.UpdatedAt, s.Criteria);
        }).Reverse().ToList();
    }

    /// <summary>The academic year (พ.ศ.) under way today in Thailand: the year "in force now" refers to.</summary>
    public static int CurrentYear(TimeProvider time) => SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time));
}

/// <summary>
/// Create, update and delete a staffing rule set (install-wide, SystemAdmin). An inconsistent set is refused with every
/// error (StaffingCriteriaRules); one set per starting year; the last set cannot be deleted, since the analysis needs one.
/// </summary>
public sealed class SaveStaffingRuleSet(AppDbContext db)
{
    public static IReadOnlyList<FieldError> Validate(StaffingRuleSetInput input)
    {
        var checks = new Checks()
            .Text(input.Name, "name", T.Name, DataSchema.NameLength)
            .Text(input.Reference, "reference", T.Reference, DataSchema.NameLength, required: false);
        if (input.EffectiveFromYear is not { } year)
            checks.Add("effectiveFromYear", $"กรุณากรอก{T.EffectiveFromYear}");
        else if (!SchoolCalendar.IsPlausibleBuddhistYear(year))
            checks.Add("effectiveFromYear", SchoolCalendar.IsPlausibleBuddhistYear(ThaiDate.ToBuddhistYear(year))
                ? $"{year} เป็นปี ค.ศ. — ใช้ปีการศึกษาเป็น พ.ศ. ({ThaiDate.ToBuddhistYear(year)})"
                : "ปีการศึกษาที่เริ่มใช้ต้องเป็นปี พ.ศ. ระหว่าง 2500 ถึง 2700 เช่น 2568");
        var criteria = StaffingCriteriaRules.Validate(input.Criteria);
        checks.AddRange(criteria);
        // The criteria are one JSON column of bounded length; a set within the band limits normally fits with room to spare.
        if (criteria.Count == 0 && JsonSerializer.Serialize(Normalise(input.Criteria!), StaffingRuleSetConfiguration.Json).Length > DataSchema.TextLength)
            checks.Add("criteria", T.TooLarge);
        return checks.Errors;
    }

    public Task<Outcome<StaffingRuleSet>> CreateAsync(StaffingRuleSetInput input, CancellationToken ct = default) =>
        ApplyAsync(new StaffingRuleSet { Name = "" }, input, add: true, ct);

    /// <summary>Saving a shipped default through here makes it the office's own: it is no longer labelled "ค่าเริ่มต้น".</summary>
    public Task<Outcome<StaffingRuleSet>> UpdateAsync(StaffingRuleSet set, StaffingRuleSetInput input, CancellationToken ct = default) =>
        ApplyAsync(set, input, add: false, ct);

    public async Task<Outcome<StaffingRuleSet>> DeleteAsync(StaffingRuleSet set, int? version, CancellationToken ct = default)
    {
        var others = await db.StaffingRuleSets.Where(r => r.Id != set.Id).OrderBy(r => r.EffectiveFromYear).ToListAsync(ct);
        if (others.Count == 0) return Outcome<StaffingRuleSet>.Duplicate("", T.LastSet);
        if (version is { } v) db.Entry(set).Property(r => r.Version).OriginalValue = v;
        // The set that takes over these years is touched too (its version moves on), so two deletions racing to remove
        // the last two sets conflict on each other's row: one wins, the other is a 409, and one set always remains.
        var heir = others.LastOrDefault(r => r.EffectiveFromYear < set.EffectiveFromYear) ?? others[0];
        db.Entry(heir).Property(r => r.Version).IsModified = true;
        db.StaffingRuleSets.Remove(set);
        return await SaveAsync(set, ct);
    }

    private async Task<Outcome<StaffingRuleSet>> ApplyAsync(StaffingRuleSet set, StaffingRuleSetInput input, bool add, CancellationToken ct)
    {
        if (Validate(input) is { Count: > 0 } errors) return Outcome<StaffingRuleSet>.Invalid(errors);
        var year = input.EffectiveFromYear!.Value;
        if (await db.StaffingRuleSets.AnyAsync(r => r.EffectiveFromYear == year && r.Id != set.Id, ct))
            return Outcome<StaffingRuleSet>.Duplicate("effectiveFromYear", T.DuplicateYear);
        if (!add && input.Version is { } v)
        {
            // Checked even when nothing else changed: a form read before someone else's save is stale either way.
            db.Entry(set).Property(r => r.Version).OriginalValue = v;
            db.Entry(set).Property(r => r.Version).IsModified = true;
        }
        set.Name = Checks.Clean(input.Name)!;
        set.EffectiveFromYear = year;
        set.Reference = Checks.Clean(input.Reference);
        set.Criteria = Normalise(input.Criteria!);
        set.IsShippedDefault = false;
        if (add) db.StaffingRuleSets.Add(set);
        return await SaveAsync(set, ct);
    }

    private async Task<Outcome<StaffingRuleSet>> SaveAsync(StaffingRuleSet set, CancellationToken ct)
    {
        try
        {
            return await db.TrySaveAsync(set, "effectiveFromYear", T.DuplicateYear, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: "40P01" or "40001" })
        {
            // Two deletions touching each other's rows in opposite order: PostgreSQL gives up one of them.
            db.ChangeTracker.Clear();
            return Outcome<StaffingRuleSet>.Duplicate("", SaveOutcome.SimultaneousMessage);
        }
    }

    /// <summary>Fresh lists (never null) in the stored document, whatever the caller sent.</summary>
    private static StaffingCriteria Normalise(StaffingCriteria c) => c with
    {
        SmallSchoolBands = [.. c.SmallSchoolBands ?? []],
        Levels = [.. c.Levels ?? []],
        DeputyBands = [.. c.DeputyBands ?? []],
    };
}
