using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// Caps a page's request at the evidence limit before anything reads the form — antiforgery reads it first — so a huge
/// upload is refused (413) rather than buffered. The limit is configuration, which an attribute's constant cannot be.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EvidenceUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -10_000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var storage = context.HttpContext.RequestServices.GetRequiredService<EvidenceStorage>();
        if (!storage.LimitRequest(context.HttpContext)) context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
