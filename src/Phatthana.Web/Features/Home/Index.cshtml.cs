using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Features.Shell;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Home;

/// <summary>The front door: what the system is for a visitor; the user's area for someone signed in.</summary>
[AllowAnonymous]
public sealed class IndexModel(UserScope scope, ShellContext shell) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.Role is null) return Page();
        var model = await shell.BuildAsync();
        return model.Area is { } area ? Redirect($"/areas/{area.Code}") : Redirect("/areas");
    }
}
