using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Shared.Web;

/// <summary>The API's error answers, all RFC 9457 problem+json with Thai titles.</summary>
public static class ApiResults
{
    public static IResult Validation(IReadOnlyList<FieldError> errors) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "ข้อมูลไม่ถูกต้อง", "กรุณาตรวจสอบข้อมูลตามรายการ", errors);

    public static IResult NotFound(string? detail = null) =>
        Problem(StatusCodes.Status404NotFound, "ไม่พบข้อมูล", detail);

    public static IResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "ข้อมูลซ้ำหรือขัดแย้ง", detail);

    public static IResult Forbidden(string? detail = null) =>
        Problem(StatusCodes.Status403Forbidden, "ไม่มีสิทธิ์", detail);

    public static IResult Problem(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    public static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
