using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>"ข้อมูลของฉันในระบบ": everything the system holds on the signed-in person, with a JSON download (?format=json).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyDataModel(PersonalDataExport export, UserScope scope, TimeProvider time) : PageModel
{
    public const string Title = "ข้อมูลของฉันในระบบ";

    public IReadOnlyList<PersonalDataSection> Sections { get; private set; } = [];
    public bool HasPerson => scope.SelfNationalId is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        Sections = await export.CollectAsync(scope.UserId!, scope.SelfNationalId, HttpContext.RequestAborted);
        var rows = Sections.Sum(s => s.Rows.Count);
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            var json = PersonalDataExport.ToJson(Sections, time.GetUtcNow());
            ExportLog.Record(HttpContext, null, "my-data.json", Title, "json", rows, json.Length);
            return File(json, "application/json", "my-data.json");
        }
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var report = await ReportResults.StartAsync(HttpContext, Title, null, "my-data", HttpContext.RequestAborted);
            report = report with
            {
                Blocks = [.. Sections.Where(s => s.Rows.Count > 0).Select(s => (ReportBlock)new TableBlock(new ReportTable(s.Title,
                    [.. s.Rows[0].Keys.Select(k => new ReportColumn(k, CellKind.Text, 24, Wrap: true))],
                    [.. s.Rows.Select(r => new ReportRow([.. r.Values.Select(v => (object?)PersonalDataExport.Show(v))]))])))],
            };
            return ReportResults.File(HttpContext, report, ReportFormat.Xlsx).ToActionResult();
        }
        return Page();
    }
}
