using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
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
        g.MapGet("/{areaCode}/logo", Logo).RequireAuthorization(Policies.SignedIn).WithSummary("The area's logo for report headers (404 when none)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").Produces(StatusCodes.Status404NotFound);
        g.MapPut("/{areaCode}/logo", SetLogo).RequireAuthorization(Policies.AreaAdmin).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AreaLogo.MaxBytes + 64 * 1024))
            .WithSummary("Set the area's logo: multipart/form-data field `file`, PNG or JPEG up to 512 KB").WritesNothing();
        g.MapDelete("/{areaCode}/logo", RemoveLogo).RequireAuthorization(Policies.AreaAdmin).WithSummary("Remove the area's logo").WritesNothing();
        return api;
    }

    private static async Task<IResult> Logo(RouteScope scope, AppDbContext db) =>
        await db.AreaLogos.AsNoTracking().FirstOrDefaultAsync(l => l.AreaId == scope.Area.Id) is { } logo
            ? TypedResults.File(logo.Image, logo.ContentType)
            : ApiResults.NotFound();

    private static async Task<IResult> SetLogo(HttpRequest request, RouteScope scope, SaveAreaLogo save)
    {
        if (!request.HasFormContentType)
            return ApiResults.Validation([new(SaveAreaLogo.Field, "ส่งไฟล์แบบ multipart/form-data ในช่อง file")]);
        var form = await request.ReadFormAsync();
        return (await save.SetAsync(scope.Area.Id, form.Files.GetFile(SaveAreaLogo.Field))).ToApi(_ => TypedResults.NoContent());
    }

    private static async Task<IResult> RemoveLogo(RouteScope scope, SaveAreaLogo save) =>
        await save.RemoveAsync(scope.Area.Id) ? TypedResults.NoContent() : ApiResults.NotFound();

    private static async Task<IResult> List(HttpContext http, AppDbContext db)
    {
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).ToListAsync();
        return await TableResults.RespondAsync(http, Table, areas, AreaDto.From, "areas", null);
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
