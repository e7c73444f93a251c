using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Onet;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Networks;

/// <summary>
/// One network in full (<c>GET …/networks/{id}</c>) and its parts: memberships over time, board roles, goals, academic
/// centres, supervisors and meetings. Reads are for anyone signed in to the area; writes for area staff.
/// </summary>
public static class NetworkPartsApi
{
    public static RouteGroupBuilder MapNetworkPartsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/areas/{areaCode}/networks/{id:guid}").WithTags("Organisation");
        g.MapGet("", async (Guid id, int? onetYear, string? level, RouteScope scope, NetworkView view) =>
                OnetApi.ReadLevel(level, out var l) is { } bad ? bad
                : await view.FindAsync(scope.Area.Id, id, onetYear, l) is { } dto ? TypedResults.Ok(dto) : ApiResults.NotFound())
            .RequireAuthorization(Policies.SignedIn).WithSummary("A network in full: members over time, roles, goals with results, academic centres, supervisors, meetings, O-NET (?onetYear=&level=P6|M3|M6)")
            .Returns<NetworkDetailDto>();

        g.MapPost("/members", (Guid id, MembershipInput input, RouteScope scope, AppDbContext db, NetworkMemberships m) =>
                WithNetwork(id, scope, db, async n => (await m.AddAsync(n, input)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{id}", new { x.Id }))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Add a school to the network from a date (to a date); a school in another network at the same time is refused (409)").WritesNothing();
        g.MapPut("/members/{entryId:guid}", (Guid id, Guid entryId, MembershipInput input, RouteScope scope, AppDbContext db, NetworkMemberships m) =>
                WithEntry(db.NetworkMemberships, id, entryId, scope, async x => (await m.UpdateAsync(x, input)).ToApi(_ => TypedResults.NoContent())))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a membership's dates (e.g. end it)").WritesNothing();
        g.MapDelete("/members/{entryId:guid}", (Guid id, Guid entryId, RouteScope scope, AppDbContext db, NetworkMemberships m) =>
                WithEntry(db.NetworkMemberships, id, entryId, scope, async x => (await m.DeleteAsync(x)).ToApi(_ => TypedResults.NoContent())))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove a membership entered by mistake").WritesNothing();

        g.MapPost("/roles", (Guid id, RoleInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, async n => (await parts.AddRoleAsync(n, input)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{id}", new { x.Id }))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Add a chair, committee member or secretary (person, school or name) for a span of dates").WritesNothing();
        g.MapDelete("/roles/{entryId:guid}", (Guid id, Guid entryId, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, n => WithEntry(db.NetworkRoles, id, entryId, scope, async x => (await parts.DeleteRoleAsync(n, x)).ToApi(_ => TypedResults.NoContent()))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove a role").WritesNothing();

        g.MapPost("/goals", (Guid id, GoalInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, async n => (await parts.SaveGoalAsync(n, null, input)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{id}", new { x.Id }))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Add a goal of a year: metric OnetAboveNational | OnetGain (computed) | QaPassed | Other (actual entered), target").WritesNothing();
        g.MapPut("/goals/{entryId:guid}", (Guid id, Guid entryId, GoalInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, n => WithEntry(db.NetworkGoals, id, entryId, scope, async x => (await parts.SaveGoalAsync(n, x, input)).ToApi(_ => TypedResults.NoContent()))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a goal (or enter its result)").WritesNothing();
        g.MapDelete("/goals/{entryId:guid}", (Guid id, Guid entryId, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithEntry(db.NetworkGoals, id, entryId, scope, async x => (await parts.RemoveAsync(x)).ToApi(_ => TypedResults.NoContent())))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove a goal").WritesNothing();

        g.MapPost("/centres", (Guid id, CentreInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, async n => (await parts.AddCentreAsync(n, input)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{id}", new { x.Id }))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Add an academic centre: subject area, host member school, supervisor (national ID)").WritesNothing();
        g.MapDelete("/centres/{entryId:guid}", (Guid id, Guid entryId, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithEntry(db.AcademicCentres, id, entryId, scope, async x => (await parts.RemoveAsync(x)).ToApi(_ => TypedResults.NoContent())))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove an academic centre").WritesNothing();

        g.MapPost("/supervisors", (Guid id, SupervisorInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, async n => (await parts.AddSupervisorAsync(n, input)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{id}", new { x.Id }))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Assign a supervisor (ศึกษานิเทศก์, by national ID) to the network").WritesNothing();
        g.MapDelete("/supervisors/{entryId:guid}", (Guid id, Guid entryId, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithEntry(db.NetworkSupervisors, id, entryId, scope, async x => (await parts.RemoveAsync(x)).ToApi(_ => TypedResults.NoContent())))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Unassign a supervisor").WritesNothing();

        g.MapPost("/meetings", (Guid id, MeetingInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, async n => (await parts.SaveMeetingAsync(n, null, input, null)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{id}", new { x.Id }))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Record a meeting: date, place, agenda, minutes, attending member schools (codes) and people (national IDs)").WritesNothing();
        g.MapPut("/meetings/{entryId:guid}", (Guid id, Guid entryId, MeetingInput input, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithNetwork(id, scope, db, n => WithEntry(db.NetworkMeetings.Include(m => m.Attendance), id, entryId, scope,
                    async x => (await parts.SaveMeetingAsync(n, x, input, null)).ToApi(_ => TypedResults.NoContent()))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Change a meeting (its minutes and attendance are replaced)").WritesNothing();
        g.MapDelete("/meetings/{entryId:guid}", (Guid id, Guid entryId, RouteScope scope, AppDbContext db, NetworkParts parts) =>
                WithEntry(db.NetworkMeetings.Include(m => m.Attendance), id, entryId, scope, async x => (await parts.RemoveAsync(x)).ToApi(_ => TypedResults.NoContent())))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove a meeting").WritesNothing();
        return api;
    }

    private static async Task<IResult> WithNetwork(Guid id, RouteScope scope, AppDbContext db, Func<SchoolNetwork, Task<IResult>> then) =>
        await db.SchoolNetworks.FirstOrDefaultAsync(n => n.Id == id && n.AreaId == scope.Area.Id) is { } network ? await then(network) : ApiResults.NotFound();

    /// <summary>An entry of the network (of the caller's area), or 404.</summary>
    private static async Task<IResult> WithEntry<T>(IQueryable<T> set, Guid networkId, Guid entryId, RouteScope scope, Func<T, Task<IResult>> then) where T : class
    {
        var entry = await set.Where(e => EF.Property<Guid>(e, "Id") == entryId && EF.Property<Guid>(e, "NetworkId") == networkId && EF.Property<Guid>(e, "AreaId") == scope.Area.Id)
            .FirstOrDefaultAsync();
        return entry is null ? ApiResults.NotFound() : await then(entry);
    }
}
