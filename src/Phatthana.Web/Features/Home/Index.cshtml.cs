using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Shell;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Home;

/// <summary>The front door: what the system is for a visitor; the user's area for someone signed in.</summary>
[AllowAnonymous]
public sealed class IndexModel(UserScope scope, ShellContext shell, AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.Role is null) return Page();
        // A director or teacher starts at their own school; everyone else at their area.
        if (scope.SchoolId is { } schoolId &&
            await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Code).FirstOrDefaultAsync() is { } code)
            return Redirect($"/schools/{code}");
        var model = await shell.BuildAsync();
        return model.Area is { } area ? Redirect($"/areas/{area.Code}") : Redirect("/areas");
    }
}
