using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Shared.Web;

/// <summary>
/// Turns exceptions into answers a caller can act on. Bad JSON is a 422 naming the field, a row of another
/// area is a 404, a lost update or duplicate key is a 409; only a real fault is a 500, and it is logged.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed Request.Path at the error page; decide by the path that failed.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;
        var result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => ApiResults.Validation([FromJson(json)]),
            BadHttpRequestException bad when FromBinding(bad) is { } field => ApiResults.Validation([field]),
            BadHttpRequestException bad => ApiResults.Problem(bad.StatusCode, "คำขอไม่ถูกต้อง", Thai(bad)),
            ScopeViolationException => ApiResults.NotFound(),
            DbUpdateConcurrencyException => ApiResults.Conflict("ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดใหม่แล้วลองอีกครั้ง"),
            DbUpdateException db when DbErrors.IsUniqueViolation(db) => ApiResults.Conflict("ข้อมูลนี้มีอยู่แล้วในระบบ"),
            _ when DbErrors.IsUnavailable(exception) => Unavailable(context, exception, path),
            _ when DbErrors.IsUnstorableText(exception) => ApiResults.Validation([new("", "ข้อความมีอักขระที่บันทึกไม่ได้ (เช่น อักขระ NUL) — ลบอักขระนั้นแล้วส่งใหม่")]),
            _ => null,
        };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, path);
            result = ApiResults.Problem(500, "เกิดข้อผิดพลาดในระบบ", "กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ");
        }
        await result.ExecuteAsync(context);
        return true;
    }

    /// <summary>The database went away (restarted, failed over, the network between): 503 with Retry-After, logged as a warning.</summary>
    private IResult Unavailable(HttpContext context, Exception exception, string path)
    {
        logger.LogWarning(exception, "Database unavailable on {Method} {Path}", context.Request.Method, path);
        context.Response.Headers.RetryAfter = DbErrors.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, DbErrors.UnavailableTitle, DbErrors.UnavailableDetail);
    }

    /// <summary>
    /// A query or route value that does not bind ("?position=Wizard", "?days=abc") is a 422 naming the parameter, like a
    /// bad JSON field, rather than a bare 400.
    /// </summary>
    private static FieldError? FromBinding(BadHttpRequestException bad)
    {
        var m = BindingFailure().Match(bad.Message);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        return new FieldError(char.ToLowerInvariant(name[0]) + name[1..], $"ค่า \"{m.Groups["value"].Value}\" ของ {name} ไม่ถูกต้องหรือไม่อยู่ในรายการที่กำหนด");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"[^\"]*? (?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();

    private static FieldError FromJson(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        return new FieldError(field, field.Length == 0
            ? "รูปแบบ JSON ไม่ถูกต้อง"
            : $"ค่าของ {field} ไม่ถูกต้องหรือไม่อยู่ในรายการที่กำหนด");
    }

    /// <summary>"$.teachingSubjectAreas[1]" → "teachingSubjectAreas[1]"; "$[2].boys" → "[2].boys".</summary>
    public static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return p;
    }

    private static string Thai(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => "ต้องส่งข้อมูลแบบ application/json",
        StatusCodes.Status413PayloadTooLarge => "ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด",
        _ => "คำขอไม่ครบถ้วนหรือรูปแบบไม่ถูกต้อง",
    };
}

public static class DbErrors
{
    public const int RetryAfterSeconds = 5;
    public const string UnavailableTitle = "ฐานข้อมูลไม่พร้อมใช้งานชั่วคราว";
    public const string UnavailableDetail = "ระบบติดต่อฐานข้อมูลไม่ได้ชั่วขณะ กรุณาลองใหม่อีกครั้งในอีกสักครู่ (หากเป็นการบันทึก ให้ตรวจสอบก่อนว่าบันทึกแล้วหรือยัง)";

    /// <summary>Text PostgreSQL refuses to store (a NUL character, a byte sequence that is not UTF-8), in a value no check cleaned.</summary>
    public static bool IsUnstorableText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException p) return p.SqlState is Npgsql.PostgresErrorCodes.CharacterNotInRepertoire or Npgsql.PostgresErrorCodes.UntranslatableCharacter;
        return false;
    }

    /// <summary>
    /// Whether a failure is the database being unreachable rather than a fault of this request: a PostgreSQL server shutting
    /// down or restarting (SQLSTATE class 57P, "operator intervention"; class 08, connection), a connection broken or refused
    /// (Npgsql marks those transient). Looked for through wrapping exceptions (EF's DbUpdateException, aggregate failures
    /// of batched lookups).
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException p when p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException n when n.IsTransient:
                    return true;
                case AggregateException a when a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsUnavailable):
                    return true;
            }
        }
        return false;
    }

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        // Microsoft.Data.Sqlite does not always report extended codes, so the message tells the constraint apart.
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 &&
            (s.SqliteExtendedErrorCode is 2067 or 1555 || s.Message.Contains("UNIQUE constraint", StringComparison.Ordinal)),
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Whether the unique key that refused the write is on <paramref name="field"/> (e.g. "code" → Schools.Code).</summary>
    public static bool UniqueViolationOn(DbUpdateException exception, string field)
    {
        var column = char.ToUpperInvariant(field[0]) + field[1..];
        return exception.InnerException switch
        {
            Microsoft.Data.Sqlite.SqliteException s => s.Message.Contains("." + column + "'", StringComparison.Ordinal) ||
                                                       s.Message.Contains("." + column + ",", StringComparison.Ordinal) ||
                                                       s.Message.EndsWith("." + column, StringComparison.Ordinal),
            Npgsql.PostgresException p => p.ConstraintName?.EndsWith("_" + column, StringComparison.Ordinal) == true,
            _ => false,
        };
    }

    public static bool IsForeignKeyViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 &&
            (s.SqliteExtendedErrorCode == 787 || s.Message.Contains("FOREIGN KEY constraint", StringComparison.Ordinal)),
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };
}
