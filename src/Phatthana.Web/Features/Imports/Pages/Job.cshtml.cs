using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Web.Features.Imports.Pages;

/// <summary>
/// One import: its progress while it runs (the page polls every second and may be left and reopened), then the outcome —
/// what was created and updated, or every bad row with a download of the file with its errors column.
/// </summary>
[Authorize(Policy = Policies.SchoolData)]
public sealed class JobModel(RouteScope route, ImportJobs jobs, ImportRunner runner) : PageModel
{
    public const int ShownErrors = 500;

    public Area Area => route.Area;
    public ImportJob Job { get; private set; } = null!;
    public ImportResult Result { get; private set; } = null!;
    /// <summary>Field → the column's header as the file (or the template) names it, for messages in the person's words.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();
    public bool Finished => Job.Status is ImportStatus.Succeeded or ImportStatus.Failed;
    /// <summary>Whether the uploaded file is still kept (for the error report).</summary>
    public bool HasFile { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The status block alone, for the page's polling.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id) => await LoadAsync(id) ? Partial("_JobStatus", this) : NotFound();

    /// <summary>The uploaded file with one more column saying what is wrong on each row.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id)
    {
        if (!await LoadAsync(id) || Job.Status != ImportStatus.Failed || await jobs.ContentAsync(id) is not { Length: > 0 } content) return NotFound();
        var sheet = SheetReader.Open(content, Job.FileName, runner.For(Job.Kind).Aliases);
        try
        {
            if (!sheet.Readable) throw new SheetReadException(sheet.Problem!);
            var bytes = ImportErrorReport.Build(content, Job.FileName, sheet.HeaderRow, Result.Errors, Labels);
            return File(bytes, ExcelExporter.ContentType, $"{Path.GetFileNameWithoutExtension(Job.FileName)}-ข้อผิดพลาด.xlsx");
        }
        catch (Exception e) when (e is SheetReadException || SheetReader.IsUnreadable(e))
        {
            TempData["Flash"] = "สร้างไฟล์พร้อมคอลัมน์ข้อผิดพลาดไม่ได้ เพราะไฟล์ที่อัปโหลดอ่านได้ไม่ครบ — ดูรายการข้อผิดพลาดในหน้านี้";
            return Redirect($"/areas/{Area.Code}/imports/{id}");
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await jobs.FindAsync(id, Area.Id) is not { } job) return false;
        Job = job;
        Result = ImportJobs.ResultOf(job);
        var importer = runner.For(job.Kind);
        var labels = importer.Columns.ToDictionary(c => c.Field, c => c.Header);
        // A failed job's messages name columns as the person's own file does; the file is read for that once, when it ended.
        if (job.Status == ImportStatus.Failed && await jobs.ContentAsync(id) is { Length: > 0 } content)
        {
            HasFile = true;
            if (SheetReader.Open(content, job.FileName, importer.Aliases) is { Readable: true } sheet)
                foreach (var (field, header) in sheet.HeaderOf) labels[field] = header;
        }
        labels["file"] = "ไฟล์";
        Labels = labels;
        return true;
    }
}
