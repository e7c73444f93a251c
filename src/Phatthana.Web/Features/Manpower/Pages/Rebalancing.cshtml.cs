using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>ข้อเสนอการเกลี่ยอัตรากำลัง: proposed moves of surplus posts to schools short of teachers, as a worksheet to discuss and sign.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class RebalancingModel(AppDbContext db, RouteScope route, DisplayFormat fmt) : PageModel
{
    public Area Area => route.Area;
    [FromQuery] public string? AcademicYear { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Problem { get; private set; }
    public RebalancingPlan? Plan { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        Years = await ManpowerCalculation.YearsAsync(db, Area.Id);
        var outcome = await RebalancingPlan.ForAreaAsync(db, Area, AcademicYear, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            if (TableResults.WantsFile(Request)) return outcome.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = string.Join(" ", outcome.Errors.Select(e => e.Message));
            Response.StatusCode = Years.Count == 0 || string.IsNullOrWhiteSpace(AcademicYear) ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var plan = Plan = outcome.Value!;
        AcademicYear = plan.Result.AcademicYear.ToString();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Rebalancing.Table, plan.Moves, $"rebalancing-{Area.Code}-{AcademicYear}", Area, Subtitles(plan))).ToActionResult();
        var page = plan.Moves.ToPaged(list);
        Table = Rebalancing.Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public static string[] Subtitles(RebalancingPlan plan) =>
    [
        $"ปีการศึกษา {plan.Result.AcademicYear} · เกณฑ์: {plan.Result.RuleSet.Name}",
        $"ข้อเสนอ {plan.Covered:#,0} อัตรา จาก {plan.GivingSchools:#,0} โรงเรียนที่เกินเกณฑ์ ไปยัง {plan.ReceivingSchools:#,0} โรงเรียนที่ขาดเกณฑ์ (ขาดรวม {plan.ShortPosts:#,0} อัตรา)",
    ];
}
