using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Lookups;

/// <summary>Districts and divisions of an area: the same four calls for each.</summary>
public static class LookupsApi
{
    public static RouteGroupBuilder MapLookupsApi(this RouteGroupBuilder api)
    {
        Map<District>(api, "districts", OrganisationText.Districts);
        Map<Division>(api, "divisions", OrganisationText.Divisions);
        return api;
    }

    private static void Map<TItem>(RouteGroupBuilder api, string path, string title) where TItem : class, INamedAreaItem, new()
    {
        var table = new TableSpec<NamedItemDto>(title, new TableColumn<NamedItemDto>(OrganisationText.Name, x => x.Name, Width: 40));
        var g = api.MapGroup($"/areas/{{areaCode}}/{path}").WithTags("Organisation");
        g.MapGet("", async (HttpContext http, RouteScope scope, AppDbContext db) =>
        {
            var rows = await db.Set<TItem>().AsNoTracking().Where(x => x.AreaId == scope.Area.Id)
                .OrderBy(x => x.Name).Select(x => new NamedItemDto(x.Id, x.Name)).ToListAsync();
            return await TableResults.RespondAsync(http, table, rows, x => x, $"{path}-{scope.Area.Code}", scope.Area);
        }).RequireAuthorization(Policies.SignedIn).WithSummary($"List {path}").Returns<List<NamedItemDto>>();
        g.MapPost("", async (NamedItemInput input, RouteScope scope, SaveNamedItem<TItem> save) =>
            (await save.CreateAsync(scope.Area, input)).ToApi(x => TypedResults.Created($"/api/v1/areas/{scope.Area.Code}/{path}/{x.Id}", new NamedItemDto(x.Id, x.Name))))
            .RequireAuthorization(Policies.AreaAdmin).WithSummary($"Add to {path}").Writes<NamedItemDto>(StatusCodes.Status201Created);
        g.MapPut("/{id:guid}", async (Guid id, NamedItemInput input, RouteScope scope, AppDbContext db, SaveNamedItem<TItem> save) =>
            await db.Set<TItem>().FirstOrDefaultAsync(x => x.Id == id && x.AreaId == scope.Area.Id) is { } item
                ? (await save.UpdateAsync(item, input, null)).ToApi(x => TypedResults.Ok(new NamedItemDto(x.Id, x.Name)))
                : ApiResults.NotFound())
            .RequireAuthorization(Policies.AreaAdmin).WithSummary($"Rename one of {path}").Writes<NamedItemDto>();
        g.MapDelete("/{id:guid}", async (Guid id, RouteScope scope, AppDbContext db, SaveNamedItem<TItem> save) =>
            await db.Set<TItem>().FirstOrDefaultAsync(x => x.Id == id && x.AreaId == scope.Area.Id) is { } item
                ? (await save.DeleteAsync(item)).ToApi(_ => TypedResults.NoContent())
                : ApiResults.NotFound())
            .RequireAuthorization(Policies.AreaAdmin).WithSummary($"Delete one of {path}").WritesNothing();
    }
}
