using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Export;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Areas;

public sealed record AreaDto(string Code, string Name, AreaKind Kind, string Province)
{
    public static AreaDto From(Area a) => new(a.Code, a.Name, a.Kind, a.Province);
}

public static class AreasApi
{
    public static readonly TableSpec<Area> Table = new(OrganisationText.Areas,
        new TableColumn<Area>(OrganisationText.AreaCode, a => a.Code, SortKey: "code", Link: a => $"/areas/{a.Code}", Width: 14),
        new TableColumn<Area>(OrganisationText.AreaName, a => a.Name, SortKey: "name", Width: 50, Wrap: true),
        new TableColumn<Area>(OrganisationText.AreaKindLabel, a => OrganisationText.Label(a.Kind), Width: 22),
        new TableColumn<Area>(OrganisationText.Province, a => a.Province, SortKey: "province", Width: 18));

    public static RouteGroupBuilder MapAreasApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/areas").WithTags("Organisation");
        g.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithSummary("Areas the caller may see (?format=xlsx for a file)").Returns<List<AreaDto>>();
        g.MapPost("", Create).RequireAuthorization(Policies.SystemAdmin).WithSummary("Create an area").Writes<AreaDto>(StatusCodes.Status201Created);
        g.MapGet("/{areaCode}", (RouteScope scope) => TypedResults.Ok(AreaDto.From(scope.Area)))
            .RequireAuthorization(Policies.SignedIn).WithSummary("One area").Returns<AreaDto>();
        g.MapPut("/{areaCode}", Update).RequireAuthorization(Policies.SystemAdmin).WithSummary("Update an area").Writes<AreaDto>();
        g.MapDelete("/{areaCode}", Delete).RequireAuthorization(Policies.SystemAdmin).WithSummary("Delete an area with no schools or users").WritesNothing();
        return api;
    }

    private static async Task<IResult> List(HttpContext http, AppDbContext db)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).ToListAsync();
        return TableResults.Respond(http, Table, areas, AreaDto.From, "areas", null);
    }

    private static async Task<IResult> Create(AreaInput input, SaveArea save) =>
        (await save.CreateAsync(input)).ToApi(a => TypedResults.Created($"/api/v1/areas/{a.Code}", AreaDto.From(a)));

    private static async Task<IResult> Update(AreaInput input, RouteScope scope, AppDbContext db, SaveArea save)
    {
        var area = await db.Areas.SingleAsync(a => a.Id == scope.Area.Id);
        return (await save.UpdateAsync(area, input, null)).ToApi(a => TypedResults.Ok(AreaDto.From(a)));
    }

    private static async Task<IResult> Delete(RouteScope scope, AppDbContext db, SaveArea save)
    {
        var area = await db.Areas.SingleAsync(a => a.Id == scope.Area.Id);
        return (await save.DeleteAsync(area)).ToApi(_ => TypedResults.NoContent());
    }
}
