using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Accounts.Pages;

[AllowAnonymous]
public sealed class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, PrincipalFactory principals) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var checks = new Checks().Email(Email, nameof(Email));
        if (string.IsNullOrEmpty(Password)) checks.Add(nameof(Password), $"กรุณากรอก{AccountsText.Password}");
        if (!checks.IsValid)
        {
            foreach (var e in checks.Errors) ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!.Trim());
        var ok = user is { IsActive: true } && (await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true)).Succeeded;
        var principal = ok ? await principals.BuildAsync(user!.Id, IdentityConstants.ApplicationScheme) : null;
        if (principal is null)
        {
            ModelState.AddModelError("", AccountsText.SignInFailed);
            return Page();
        }
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
