using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Manpower.RuleSets.RuleSetsText;

namespace Phatthana.Web.Features.Manpower.RuleSets;

/// <summary>
/// /api/v1/staffing-rule-sets: install-wide, read by anyone signed in (the criteria are public circulars, and a school
/// may check the rule its staffing is measured by); written by a SystemAdmin only.
/// </summary>
public static class StaffingRuleSetsApi
{
    public static readonly TableSpec<StaffingRuleSetDto> Table = new(ManpowerText.RuleSets,
        new TableColumn<StaffingRuleSetDto>(T.Name, r => r.Name, Width: 44, Wrap: true),
        new TableColumn<StaffingRuleSetDto>(T.EffectiveYears, r => r.Years, Width: 18),
        new TableColumn<StaffingRuleSetDto>(T.Reference, r => r.Reference, Width: 30, Wrap: true),
        new TableColumn<StaffingRuleSetDto>(T.Status, Status, Width: 30, Wrap: true),
        new TableColumn<StaffingRuleSetDto>(T.UpdatedAt, r => r.UpdatedAt, CellKind.DateTime, Width: 18));

    /// <summary>"ใช้อยู่ขณะนี้" for the set of the current academic year; the shipped default says to check it.</summary>
    public static string Status(StaffingRuleSetDto r) =>
        string.Join(" · ", new[] { r.InForceNow ? T.InForceNow : null, r.IsShippedDefault ? ManpowerText.ShippedDefaultNote : null }.OfType<string>());

    public static RouteGroupBuilder MapStaffingRuleSetsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/staffing-rule-sets").WithTags("Manpower");
        g.MapGet("", async (HttpContext http, AppDbContext db, TimeProvider time) =>
                await TableResults.RespondAsync(http, Table, await StaffingRuleSetDto.ListAsync(db, StaffingRuleSetDto.CurrentYear(time)), r => r, "staffing-rule-sets", null))
            .RequireAuthorization(Policies.SignedIn).WithSummary("Staffing rule sets (ก.ค.ศ. criteria), newest first, with the years each covers (?format=xlsx for a file)")
            .Returns<List<StaffingRuleSetDto>>();
        g.MapGet("/{id:guid}", async (Guid id, AppDbContext db, TimeProvider time) =>
                await Find(db, time, id) is { } set ? TypedResults.Ok(set) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("One staffing rule set with all its parameters").Returns<StaffingRuleSetDto>();
        g.MapPost("", async (StaffingRuleSetInput input, AppDbContext db, TimeProvider time, SaveStaffingRuleSet save) =>
            {
                var outcome = await save.CreateAsync(input);
                return outcome.Succeeded
                    ? TypedResults.Created($"/api/v1/staffing-rule-sets/{outcome.Value!.Id}", await Find(db, time, outcome.Value.Id))
                    : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.SystemAdmin).WithSummary("Add a rule set (a new circular): 422 with every inconsistency, 409 when its starting year is taken")
            .Writes<StaffingRuleSetDto>(StatusCodes.Status201Created);
        g.MapPut("/{id:guid}", async (Guid id, StaffingRuleSetInput input, AppDbContext db, TimeProvider time, SaveStaffingRuleSet save) =>
            {
                if (await db.StaffingRuleSets.FirstOrDefaultAsync(r => r.Id == id) is not { } set) return ApiResults.NotFound();
                var outcome = await save.UpdateAsync(set, input);
                return outcome.Succeeded ? TypedResults.Ok(await Find(db, time, id)) : outcome.ToApi(_ => TypedResults.NoContent());
            })
            .RequireAuthorization(Policies.SystemAdmin).WithSummary("Replace a rule set; send the version you read to get a 409 instead of overwriting a newer save")
            .Writes<StaffingRuleSetDto>();
        g.MapDelete("/{id:guid}", async (Guid id, int? version, AppDbContext db, SaveStaffingRuleSet save) =>
                await db.StaffingRuleSets.FirstOrDefaultAsync(r => r.Id == id) is { } set
                    ? (await save.DeleteAsync(set, version)).ToApi(_ => TypedResults.NoContent())
                    : ApiResults.NotFound())
            .RequireAuthorization(Policies.SystemAdmin).WithSummary("Delete a rule set (?version= optional); the last one is refused with 409").WritesNothing();
        return api;
    }

    private static async Task<StaffingRuleSetDto?> Find(AppDbContext db, TimeProvider time, Guid id) =>
        (await StaffingRuleSetDto.ListAsync(db, StaffingRuleSetDto.CurrentYear(time))).FirstOrDefault(r => r.Id == id);
}
