using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Imports.Pages;

/// <summary>A school's student counts from the EMIS table or the DMC student list of that school (no school column needed).</summary>
[Authorize(Policy = Policies.SchoolData)]
[RequestSizeLimit(ImportRunner.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportRunner.MaxRequestBytes)]
public sealed class SchoolCountsModel(RouteScope route, ImportJobs jobs, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? AcademicYear { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public School School => route.School;
    public int ThisYear => SchoolCalendar.AcademicYearOf(ThaiDate.TodayInThailand(time));

    public void OnGet() => AcademicYear ??= ThisYear;

    public async Task<IActionResult> OnPostAsync()
    {
        if (AcademicYear is not { } year || !SchoolCalendar.IsPlausibleBuddhistYear(year)) ModelState.AddModelError(nameof(AcademicYear), "กรุณาเลือกปีการศึกษา (พ.ศ.)");
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "กรุณาเลือกไฟล์ .xlsx หรือ .csv");
        else if (ImportRunner.FileProblem(Upload.FileName, Upload.Length) is { } problem) ModelState.AddModelError(nameof(Upload), problem);
        if (!ModelState.IsValid) return Page();
        var outcome = await jobs.EnqueueAsync(new ImportRequest(ImportKind.StudentCounts, route.Area, new SchoolRef(School.Id, School.Code, School.Name, School.Type),
            AcademicYear, Upload!.FileName, await IndexModel.ReadAsync(Upload)));
        if (outcome.Succeeded) return Redirect($"/areas/{route.Area.Code}/imports/{outcome.Value!.Id}");
        foreach (var e in outcome.Errors) ModelState.AddModelError(nameof(Upload), e.Message);
        return Page();
    }
}
