using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Notifications.Pages;

/// <summary>Following a notification: it is marked read and the user goes to its page (a path of this site, never elsewhere).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OpenModel(Inbox inbox) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await inbox.FindAsync(id) is not { } n) return NotFound();
        await inbox.MarkReadAsync(id);
        return Url.IsLocalUrl(n.Link) ? LocalRedirect(n.Link) : Redirect("/me/notifications");
    }
}
