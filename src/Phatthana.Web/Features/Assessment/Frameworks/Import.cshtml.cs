using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Data.Configurations;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Frameworks;

/// <summary>One thing wrong with an imported file: where (in Thai, and the document's path) and what.</summary>
public sealed record ImportProblem(string Where, string Path, string Message);

/// <summary>
/// A framework from a .json file in the pinned shape (what "ส่งออก JSON" gives): a new code is added, an existing one
/// revised like any edit (a new revision when a round uses it; a file exported from an older revision is refused). A file
/// that is not JSON, or a document with mistakes, lists every problem and saves nothing.
/// </summary>
[Authorize(Policy = Policies.SystemAdmin)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, SaveFramework save) : PageModel
{
    /// <summary>The shipped frameworks are under 20 KB; a megabyte is room for the largest standard set.</summary>
    public const int MaxBytes = 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is not { Length: > 0 }) return Refuse("กรุณาเลือกไฟล์ .json ของกรอบการประเมิน");
        if (Upload.Length > MaxBytes) return Refuse($"ไฟล์ใหญ่เกิน {MaxBytes / 1024 / 1024} MB");
        FrameworkInput? input;
        try
        {
            await using var stream = Upload.OpenReadStream();
            input = await JsonSerializer.DeserializeAsync<FrameworkInput>(stream, FrameworkConfiguration.Json, HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $"บรรทัดที่ {line + 1}" : "ไฟล์";
            return Refuse($"อ่านไฟล์ไม่ได้ที่{at} — ไฟล์ต้องเป็น JSON ตามรูปแบบของกรอบการประเมิน (ตรวจเครื่องหมาย , : {{ }} [ ] และเครื่องหมายคำพูด และลำดับต้องเป็นตัวเลข)",
                e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "");
        }
        var current = Checks.Clean(input?.Code) is { } code ? await SaveFramework.CurrentAsync(db, code, HttpContext.RequestAborted) : null;
        var version = current?.Version;
        var outcome = current is null
            ? await save.CreateAsync(input, ct: HttpContext.RequestAborted)
            : await save.ReviseAsync(current, input, ct: HttpContext.RequestAborted);
        if (outcome is { Succeeded: true, Value: { } saved })
        {
            TempData["Flash"] = current is null ? $"นำเข้ากรอบการประเมินใหม่ {saved.Code} แล้ว"
                : saved.Id != current.Id ? $"นำเข้า {saved.Code} แล้ว เป็นฉบับที่ {saved.Revision} — รอบการประเมินที่เริ่มแล้วยังใช้ฉบับที่ {current.Revision}"
                : saved.Version == version ? $"ไฟล์ตรงกับ {saved.Code} ฉบับที่ {saved.Revision} ทุกประการ — ไม่มีอะไรเปลี่ยน"
                : $"นำเข้า {saved.Code} แล้ว (แก้ฉบับที่ {saved.Revision})";
            return Redirect(DetailsModel.Link(saved.Code));
        }
        Problems = [.. (outcome.Conflict is { } c ? [.. outcome.Errors, c] : outcome.Errors)
            .Select(e => new ImportProblem(FrameworksText.Where(e.Field, input), e.Field, e.Message))];
        return Page();
    }

    private PageResult Refuse(string message, string path = "")
    {
        Problems = [new ImportProblem("", path, message)];
        return Page();
    }
}
