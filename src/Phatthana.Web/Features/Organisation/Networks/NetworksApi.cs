using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;
using T = Phatthana.Web.Features.Organisation.OrganisationText;

namespace Phatthana.Web.Features.Organisation.Networks;

public static class NetworksApi
{
    public static readonly TableSpec<NetworkDto> Table = new(T.Networks,
        new TableColumn<NetworkDto>(T.Network, n => n.Name, SortKey: "name", Width: 34, Wrap: true),
        new TableColumn<NetworkDto>(T.Chair, n => n.Chair, Width: 28, Wrap: true),
        new TableColumn<NetworkDto>(T.Secretary, n => n.Secretary, Width: 28, Wrap: true),
        new TableColumn<NetworkDto>("จำนวนโรงเรียน", n => n.Schools, CellKind.Number, SortKey: "schools", Width: 14));

    public static IQueryable<NetworkDto> Rows(AppDbContext db, Guid areaId) =>
        db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == areaId)
            .Select(n => new NetworkDto
            {
                Id = n.Id, Name = n.Name, Chair = n.Chair, Secretary = n.Secretary, Goals = n.Goals,
                Schools = db.Schools.Count(s => s.NetworkId == n.Id),
            });

    public static RouteGroupBuilder MapNetworksApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/areas/{areaCode}/networks").WithTags("Organisation");
        g.MapGet("", async (HttpContext http, RouteScope scope, AppDbContext db) =>
            await TableResults.RespondAsync(http, Table, await Rows(db, scope.Area.Id).OrderBy(n => n.Name).ToListAsync(), n => n, $"networks-{scope.Area.Code}", scope.Area))
            .RequireAuthorization(Policies.SignedIn).WithSummary("School networks of an area").Returns<List<NetworkDto>>();
        g.MapPost("", async (NetworkInput input, RouteScope scope, SaveNetwork save) =>
            (await save.CreateAsync(scope.Area, input)).ToApi(n => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/networks/{n.Id}", Dto(n))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Create a school network").Writes<NetworkDto>(StatusCodes.Status201Created);
        g.MapPut("/{id:guid}", async (Guid id, NetworkInput input, RouteScope scope, AppDbContext db, SaveNetwork save) =>
        {
            if (await db.SchoolNetworks.FirstOrDefaultAsync(n => n.Id == id && n.AreaId == scope.Area.Id) is not { } network)
                return ApiResults.NotFound();
            var outcome = await save.UpdateAsync(network, input, null);
            return outcome.Succeeded
                ? TypedResults.Ok(await Rows(db, scope.Area.Id).SingleAsync(n => n.Id == id))
                : outcome.ToApi(_ => TypedResults.NoContent());
        })
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Update a school network").Writes<NetworkDto>();
        g.MapDelete("/{id:guid}", async (Guid id, RouteScope scope, AppDbContext db, SaveNetwork save) =>
            await db.SchoolNetworks.FirstOrDefaultAsync(n => n.Id == id && n.AreaId == scope.Area.Id) is { } network
                ? (await save.DeleteAsync(network)).ToApi(_ => TypedResults.NoContent())
                : ApiResults.NotFound())
            .RequireAuthorization(Policies.AreaAdmin).WithSummary("Delete a school network (its schools stay, without a network)").WritesNothing();
        return api;
    }

    private static NetworkDto Dto(SchoolNetwork n) => new() { Id = n.Id, Name = n.Name, Chair = n.Chair, Secretary = n.Secretary, Goals = n.Goals };
}
