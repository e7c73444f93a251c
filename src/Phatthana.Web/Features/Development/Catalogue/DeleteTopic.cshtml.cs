using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Development.Catalogue;

/// <summary>Asks before deleting a topic; one a plan or survey answer asked for is not deleted, and the page says why and offers to retire it.</summary>
[Authorize(Policy = Policies.AreaAdmin)]
public sealed class DeleteTopicModel(AppDbContext db, RouteScope route, SaveTopic save) : PageModel
{
    [BindProperty] public int Version { get; set; }
    public DevelopmentTopic Topic { get; private set; } = null!;
    public string? WhyNot { get; private set; }
    public string? Error { get; private set; }
    public string Back => IndexModel.Link(route.Area.Code, Topic.Group);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Topic.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (name, back) = (Topic.Name, Back);
        var outcome = await save.DeleteAsync(Topic, Version);
        return await FinishAsync(id, outcome.Conflict?.Message, $"ลบหัวข้อการพัฒนา {name} แล้ว", back);
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await save.SetActiveAsync(Topic, false, Version);
        return await FinishAsync(id, outcome.Conflict?.Message, $"เลิกใช้หัวข้อ {Topic.Name} แล้ว — แผนและคำตอบเดิมยังเห็น แต่เลือกใหม่ไม่ได้", Back);
    }

    private async Task<IActionResult> FinishAsync(Guid id, string? error, string done, string back)
    {
        if (error is null)
        {
            TempData["Flash"] = done;
            return Redirect(back);
        }
        Error = error;
        if (!await LoadAsync(id)) return NotFound();
        Version = Topic.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await db.DevelopmentTopics.FirstOrDefaultAsync(c => c.Id == id && c.AreaId == route.Area.Id) is not { } found) return false;
        Topic = found;
        WhyNot = await save.WhyNotDeleteAsync(found, HttpContext.RequestAborted);
        return true;
    }
}
