using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Imports.Pages;

public sealed record JobRow(Guid Id, ImportKind Kind, string FileName, string UserName, ImportStatus Status, int Rows, int Created, int Updated, DateTimeOffset CreatedAt, string? School);

/// <summary>Upload a file to import (it runs in the background) and see the area's recent imports.</summary>
[Authorize(Policy = Policies.SchoolData)]
[RequestSizeLimit(ImportRunner.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportRunner.MaxRequestBytes)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, ImportJobs jobs, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public ImportKind? Kind { get; set; }
    [BindProperty] public int? AcademicYear { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public Area Area => route.Area;
    /// <summary>A school's director imports only their school's student counts; area staff import everything.</summary>
    public IReadOnlyList<ImportKind> Kinds => Policies.Allows(Policies.AreaAdmin, scope.Role) ? Enum.GetValues<ImportKind>() : [ImportKind.StudentCounts];
    public int ThisYear => SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time));
    public IReadOnlyList<JobRow> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        AcademicYear ??= ThisYear;
        await LoadRecentAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Kind is not { } kind || !Kinds.Contains(kind)) ModelState.AddModelError(nameof(Kind), "กรุณาเลือกประเภทข้อมูลที่นำเข้า");
        if (Kind is { } needsYear && ImportKinds.NeedsYear(needsYear) && (AcademicYear is not { } y || !SchoolCalendar.IsPlausibleBuddhistYear(y)))
            ModelState.AddModelError(nameof(AcademicYear), "กรุณาเลือกปีการศึกษา (พ.ศ.)");
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "กรุณาเลือกไฟล์ .xlsx หรือ .csv");
        else if (ImportRunner.FileProblem(Upload.FileName, Upload.Length) is { } problem) ModelState.AddModelError(nameof(Upload), problem);
        if (ModelState.IsValid)
        {
            // A director's import is their school's: the file may then leave out the school column.
            var school = scope.SchoolId is { } own
                ? await SchoolFinder.ByIdAsync(db, own)
                : null;
            var outcome = await jobs.EnqueueAsync(new ImportRequest(Kind!.Value, Area, school, ImportKinds.NeedsYear(Kind.Value) ? AcademicYear : null,
                Upload!.FileName, await ReadAsync(Upload)));
            if (outcome.Succeeded) return Redirect($"/areas/{Area.Code}/imports/{outcome.Value!.Id}");
            foreach (var e in outcome.Errors) ModelState.AddModelError(nameof(Upload), e.Message);
        }
        await LoadRecentAsync();
        return Page();
    }

    /// <summary>The upload's bytes (its size was checked first).</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task LoadRecentAsync() =>
        Recent = await db.ImportJobs.AsNoTracking().Where(j => j.AreaId == Area.Id).OrderByDescending(j => j.CreatedAt).Take(20)
            .Select(j => new JobRow(j.Id, j.Kind, j.FileName, j.UserName, j.Status, j.Rows, j.Created, j.Updated, j.CreatedAt,
                j.SchoolId == null ? null : db.Schools.Where(s => s.Id == j.SchoolId).Select(s => s.Name).FirstOrDefault()))
            .ToListAsync();
}
