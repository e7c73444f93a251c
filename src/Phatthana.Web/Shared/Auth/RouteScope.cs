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

    private Area? _area;
    private School? _school;

    public Area Area => _area ?? throw new InvalidOperationException("This route has no {areaCode} or {schoolCode}.");
    public School School => _school ?? throw new InvalidOperationException("This route has no {schoolCode}.");
    public bool HasArea => _area is not null;

    internal void Set(Area area, School? school)
    {
        _area = area;
        _school = school;
    }
}

/// <summary>
/// The one place where a route's area or school is checked against the caller's scope. It runs after
/// authentication and authorisation (so 401/403 come first) and answers 404 for anything the caller's
/// grants do not reach — pages, API and exports alike.
/// </summary>
public sealed class RouteScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AppDbContext db, RouteScope scope)
    {
        var values = context.Request.RouteValues;
        var areaCode = values[RouteScope.AreaParameter] as string;
        var schoolCode = values[RouteScope.SchoolParameter] as string;
        if (schoolCode is not null)
        {
            // One round trip on this hot path; both sides pass through the caller's query filters.
            var hit = await (from s in db.Schools.AsNoTracking()
                             where s.Code == schoolCode
                             join a in db.Areas.AsNoTracking() on s.AreaId equals a.Id
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
            var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == areaCode);
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
