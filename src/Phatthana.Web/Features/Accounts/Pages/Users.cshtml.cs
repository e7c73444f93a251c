using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Accounts.Pages;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class UsersModel(SaveUser save, DisplayFormat fmt) : PageModel
{
    public static readonly TableSpec<UserDto> Table = new(AccountsText.Users,
        new TableColumn<UserDto>(AccountsText.DisplayName, u => u.DisplayName, SortKey: "name", Link: u => $"/users/{u.Id}", Width: 30, Wrap: true),
        new TableColumn<UserDto>(AccountsText.Email, u => u.Email, SortKey: "email", Width: 30),
        new TableColumn<UserDto>(AccountsText.RoleLabel, u => AccountsText.Label(u.Role), SortKey: "role", Width: 22),
        new TableColumn<UserDto>("เขตพื้นที่", u => string.Join(", ", u.Areas), Width: 20),
        new TableColumn<UserDto>("สถานศึกษา", u => u.School, Width: 14),
        new TableColumn<UserDto>("สถานะ", u => u.IsActive ? "ใช้งาน" : "ระงับ", Width: 10));

    private static readonly SortMap<AppUser> Sorts = new SortMap<AppUser>("name")
        .Add("name", u => u.DisplayName).Add("email", u => u.Email).Add("role", u => u.Role);

    /// <summary>Bound from the query string only: Razor Pages keeps a route value named "page" too.</summary>
    public ListQuery List { get; private set; } = new();
    [BindProperty(SupportsGet = true)] public Role? Role { get; set; }
    public TableView View { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        List = list;
        var users = save.Manageable();
        if (List.Search is { } q) users = users.Where(u => u.DisplayName.Contains(q) || u.Email!.Contains(q));
        if (Role is { } role) users = users.Where(u => u.Role == role);
        var sorted = Sorts.Apply(users, List);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Table, await SaveUser.Dtos(sorted).ToListAsync(), "users", null)).ToActionResult();
        var page = await SaveUser.Dtos(sorted).ToPagedAsync(List);
        View = Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
