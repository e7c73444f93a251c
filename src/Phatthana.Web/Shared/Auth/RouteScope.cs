using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// The area and school named by the route (<c>{areaCode}</c>, <c>{schoolCode}</c>), already resolved through
/// the scoped query filters. Pages and endpoints read them from here instead of looking them up again.
/// </summary>
public sealed class RouteScope
{
    public const string AreaParameter = "areaCode";
    public const string SchoolParameter = "schoolCode";
    /// <summary>A person of the registry: their 13-digit national ID (the API's natural key) or their id (page links).</summary>
    public const string PersonParameter = "person";

    private Area? _area;
    private School? _school;
    private Features.Personnel.Person? _person;

    public Area Area => _area ?? throw new InvalidOperationException("This route has no {areaCode} or {schoolCode}.");
    public School School => _school ?? throw new InvalidOperationException("This route has no {schoolCode}.");
    public Features.Personnel.Person Person => _person ?? throw new InvalidOperationException("This route has no {person}.");
    public bool HasArea => _area is not null;

    internal void Set(Area area, School? school, Features.Personnel.Person? person = null)
    {
        _area = area;
        _school = school;
        _person = person;
    }
}

/// <summary>
/// The one place where a route's area or school is checked against the caller's scope. It runs after
/// authentication and authorisation (so 401/403 come first) and answers 404 for anything the caller's
/// grants do not reach — pages, API and exports alike.
/// </summary>
public sealed class RouteScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, RouteScope scope)
    {
        var values = context.Request.RouteValues;
        var areaCode = values[RouteScope.AreaParameter] as string;
        var schoolCode = values[RouteScope.SchoolParameter] as string;
        var personKey = values[RouteScope.PersonParameter] as string;
        // Resolved only for a route that names an area, school or person: other requests make no context here.
        var db = context.RequestServices.GetRequiredService<AppDbContext>;
        if (personKey is not null)
        {
            var hit = await FindPersonAsync(db(), personKey);
            if (hit is null)
            {
                await NotFound(context);
                return;
            }
            scope.Set(hit.Value.Area, null, hit.Value.Person);
        }
        else if (schoolCode is not null)
        {
            // One round trip on this hot path; both sides pass through the caller's query filters.
            var hit = await (from s in db().Schools.AsNoTracking()
                             where s.Code == schoolCode
                             join a in db().Areas.AsNoTracking() on s.AreaId equals a.Id
                             select new { School = s, Area = a }).FirstOrDefaultAsync();
            if (hit is null || (areaCode is not null && hit.Area.Code != areaCode))
            {
                await NotFound(context);
                return;
            }
            scope.Set(hit.Area, hit.School);
        }
        else if (areaCode is not null)
        {
            var area = await db().Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == areaCode);
            if (area is null)
            {
                await NotFound(context);
                return;
            }
            scope.Set(area, null);
        }
        if (scope.HasArea && !context.Request.IsApi() && HttpMethods.IsGet(context.Request.Method))
            RememberArea(context, scope.Area.Code);
        await next(context);
    }

    /// <summary>
    /// A person by id, or by national ID. An ID may be on file in two areas (a transfer between them); the active
    /// record wins, then the most recently changed.
    /// </summary>
    private static async Task<(Area Area, Features.Personnel.Person Person)?> FindPersonAsync(AppDbContext db, string key)
    {
        var people = db.People.AsNoTracking();
        if (Guid.TryParse(key, out var id)) people = people.Where(p => p.Id == id);
        else
        {
            var nationalId = Features.Personnel.NationalId.Normalise(key);
            if (nationalId.Length != Features.Personnel.NationalId.Length) return null;
            people = people.Where(p => p.NationalId == nationalId);
        }
        var hit = await (from p in people
                         join a in db.Areas.AsNoTracking() on p.AreaId equals a.Id
                         orderby p.Status == Features.Personnel.PersonStatus.Active descending, p.UpdatedAt descending
                         select new { Person = p, Area = a }).FirstOrDefaultAsync();
        return hit is null ? null : (hit.Area, hit.Person);
    }

    /// <summary>The last area a person worked in becomes their start page and the navigation's area elsewhere.</summary>
    private static void RememberArea(HttpContext context, string code)
    {
        if (context.Request.Cookies[AreaCookie] == code) return;
        context.Response.Cookies.Append(AreaCookie, code, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(180),
            Secure = context.Request.IsHttps,
        });
    }

    public const string AreaCookie = "phatthana.area";

    private static Task NotFound(HttpContext context)
    {
        if (context.Request.IsApi()) return ApiResults.NotFound().ExecuteAsync(context);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
