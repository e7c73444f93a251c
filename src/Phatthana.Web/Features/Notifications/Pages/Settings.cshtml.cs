using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Notifications.Pages;

/// <summary>How the user hears of notifications by e-mail: not at all (the inbox only), each as it happens, or a daily digest.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SettingsModel(Inbox inbox) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public string? Address { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await inbox.SettingsAsync() is not { } s) return NotFound();
        (Email, Address) = (s.Email.ToString(), s.Address);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var saved = await inbox.SaveSettingsAsync(new NotificationSettingsInput(Email));
        if (!saved.Succeeded)
        {
            saved.CopyTo(ModelState, "");
            Address = (await inbox.SettingsAsync())?.Address;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData["Flash"] = "บันทึกการตั้งค่าการแจ้งเตือนแล้ว: " + Inbox.Label(saved.Value!.Email);
        return RedirectToPage();
    }
}
