using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Notifications.Pages;

/// <summary>The signed-in user's inbox: newest first, unread marked, filtered by category or unread; each leads to its page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class InboxModel(Inbox inbox) : PageModel
{
    public static readonly TableSpec<NotificationDto> Table = new("การแจ้งเตือน",
        new TableColumn<NotificationDto>("เวลา", n => n.CreatedAt, CellKind.DateTime, Width: 22),
        new TableColumn<NotificationDto>("ประเภท", n => NotificationKinds.Find(n.Kind)?.Label ?? n.Kind, Width: 26),
        new TableColumn<NotificationDto>("เรื่อง", n => n.Title, Width: 60),
        new TableColumn<NotificationDto>("กำหนด", n => n.DueOn, CellKind.Date, Width: 16),
        new TableColumn<NotificationDto>("อ่านเมื่อ", n => n.ReadAt, CellKind.DateTime, Width: 22));

    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    public PagedList<NotificationDto> Items { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public int UnreadCount { get; private set; }
    public static IReadOnlyList<string> Categories => [.. NotificationKinds.Groups.Select(g => g.Key)];

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        if (!Request.Query.ContainsKey("size")) list.Size = 25;
        if (Category is not null && !Categories.Contains(Category)) Category = null;
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Table, await inbox.List(Unread, Category).Take(10_000).ToListAsync(), "notifications", null)).ToActionResult();
        Items = await inbox.List(Unread, Category).ToPagedAsync(list);
        Pager = PagerModel.From(Items);
        UnreadCount = await inbox.UnreadCountAsync();
        return Page();
    }

    /// <summary>Marks one read (the button beside it).</summary>
    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        if (!await inbox.MarkReadAsync(id)) return NotFound();
        return RedirectToPage(new { Unread = Unread ? true : (bool?)null, Category });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var marked = await inbox.MarkAllReadAsync(Category);
        TempData["Flash"] = marked > 0 ? $"ทำเครื่องหมายว่าอ่านแล้ว {marked:#,0} รายการ" : "ไม่มีรายการที่ยังไม่อ่าน";
        return RedirectToPage(new { Category });
    }
}
