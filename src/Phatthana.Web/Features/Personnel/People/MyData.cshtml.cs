using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>"ข้อมูลของฉันในระบบ": everything the system holds on the signed-in person, with a JSON download (?format=json).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyDataModel(PersonalDataExport export, UserScope scope, TimeProvider time) : PageModel
{
    public IReadOnlyList<PersonalDataSection> Sections { get; private set; } = [];
    public bool HasPerson => scope.SelfNationalId is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        Sections = await export.CollectAsync(scope.UserId!, scope.SelfNationalId, HttpContext.RequestAborted);
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return File(PersonalDataExport.ToJson(Sections, time.GetUtcNow()), "application/json", "my-data.json");
        return Page();
    }
}
