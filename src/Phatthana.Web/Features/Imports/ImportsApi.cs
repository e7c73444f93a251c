using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Imports;

/// <summary>The answer to a successful import (API.md): rows read, records created and updated; notes on how values were read.</summary>
public sealed record ImportSummaryDto(int Rows, int Created, int Updated, IReadOnlyList<FieldError> Notes);

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var area = api.MapGroup("/areas/{areaCode}/imports").WithTags("Imports");
        // Student counts are a school's own data: its director may import them; the rest is the area office's.
        area.MapPost("/student-counts", (HttpRequest request, RouteScope scope, ImportRunner runner, AppDbContext db) =>
                ImportAsync(request, scope, runner, db, "student-counts"))
            .RequireAuthorization(Policies.SchoolData).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportRunner.MaxRequestBytes))
            .WithSummary("Import student counts: multipart `file` (.xlsx/.csv) in our template, the OBEC EMIS table or the DMC student list; ?academicYear= (พ.ศ.); ?school= when the file has no school_id column")
            .Writes<ImportSummaryDto>();
        area.MapPost("/{kind}", ImportAsync).RequireAuthorization(Policies.AreaAdmin).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ImportRunner.MaxRequestBytes))
            .WithSummary("Import schools, people, posts, external completions (UTQ, TEPE Online, coupon courses) or O-NET results (?academicYear=): multipart `file` (.xlsx/.csv); 200 {rows, created, updated} or 422 with every bad row — nothing saved")
            .Writes<ImportSummaryDto>();
        api.MapGet("/imports/{kind}/template", Template).RequireAuthorization(Policies.SignedIn).WithTags("Imports")
            .WithSummary("The .xlsx template of an import kind (Thai headers; JSON field names are accepted as headers too)")
            .Produces(StatusCodes.Status200OK, contentType: Shared.Reporting.ExcelExporter.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, RouteScope scope, ImportRunner runner, AppDbContext db, string kind)
    {
        if (ImportKinds.FromSlug(kind) is not { } k) return ApiResults.NotFound($"ไม่มีการนำเข้าประเภท \"{kind}\" — ใช้ได้: schools, people, posts, student-counts, external-completions, onet");
        if (!request.HasFormContentType) return ApiResults.Validation([new("file", "ส่งไฟล์แบบ multipart/form-data ในช่อง file")]);
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form.Files.GetFile("file") is not { } file) return ApiResults.Validation([new("file", "กรุณาแนบไฟล์ในช่อง file (.xlsx หรือ .csv)")]);
        if (ImportRunner.FileProblem(file.FileName, file.Length) is { } problem) return ApiResults.Validation([new("file", problem)]);

        var errors = new List<FieldError>();
        int? year = null;
        if (request.Query["academicYear"].ToString() is { Length: > 0 } y)
        {
            if (int.TryParse(y, out var parsed) && Shared.Thai.SchoolCalendar.IsPlausibleBuddhistYear(parsed)) year = parsed;
            else errors.Add(new("academicYear", $"ปีการศึกษา \"{y}\" ต้องเป็นปี พ.ศ. (2500–2700)"));
        }
        SchoolRef? school = null;
        if (request.Query["school"].ToString() is { Length: > 0 } code)
        {
            school = (await SchoolFinder.ForCodesAsync(db, scope.Area.Id, [code])).Find(code, out _);
            if (school is null) errors.Add(new("school", SchoolFinder.Unknown(code)));
        }
        // A director's own school is the one their file is about, unless it names schools itself.
        if (school is null && request.HttpContext.RequestServices.GetRequiredService<UserScope>().SchoolId is { } own)
            school = await SchoolFinder.ByIdAsync(db, own);
        if (errors.Count > 0) return ApiResults.Validation(errors);

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var result = await runner.RunAsync(new ImportRequest(k, scope.Area, school, year, file.FileName, buffer.ToArray()), ct: request.HttpContext.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new ImportSummaryDto(result.Rows, result.Created, result.Updated, result.Notes))
            : ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "ข้อมูลในไฟล์ไม่ถูกต้อง ไม่มีการบันทึกข้อมูลใด",
                $"พบข้อผิดพลาด {result.Errors.Count:#,0} รายการ — แก้ไขตามรายการแล้วนำเข้าไฟล์ทั้งไฟล์อีกครั้ง", result.Errors);
    }

    private static IResult Template(string kind, ImportRunner runner) =>
        ImportKinds.FromSlug(kind) is { } k
            ? TypedResults.File(ImportTemplate.Build(runner.For(k)), Shared.Reporting.ExcelExporter.ContentType, $"template-{ImportKinds.Slug(k)}.xlsx")
            : ApiResults.NotFound($"ไม่มีแม่แบบประเภท \"{kind}\" — ใช้ได้: schools, people, posts, student-counts, external-completions, onet");
}
