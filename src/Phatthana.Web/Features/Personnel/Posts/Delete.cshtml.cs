using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.Posts;

[Authorize(Policy = Policies.AreaAdmin)]
public sealed class DeleteModel(AppDbContext db, RouteScope route, SavePost save) : PageModel
{
    public School School => route.School;
    public string Number { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string positionNumber)
    {
        if (await PostsApi.FindAsync(db, School, positionNumber) is not { } post) return NotFound();
        Number = post.PositionNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string positionNumber)
    {
        if (await PostsApi.FindAsync(db, School, positionNumber) is not { } post) return NotFound();
        Number = post.PositionNumber;
        var outcome = await save.DeleteAsync(post);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = $"ลบอัตราเลขที่ {Number} แล้ว";
            return Redirect($"/schools/{School.Code}/posts");
        }
        Error = outcome.Conflict?.Message;
        return Page();
    }
}
