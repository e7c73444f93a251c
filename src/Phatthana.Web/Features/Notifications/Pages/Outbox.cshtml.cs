using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Notifications.Pages;

/// <summary>The outbox for a SystemAdmin: every mail with its status, tries and last error; a failed one sent again; template problems.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class OutboxModel(OutboxAdmin admin, OutboxSender sender) : PageModel
{
    public static readonly TableSpec<OutboxMailDto> Table = new("กล่องอีเมลขาออก",
        new TableColumn<OutboxMailDto>("เวลา", m => m.CreatedAt, CellKind.DateTime, Width: 22),
        new TableColumn<OutboxMailDto>("ถึง", m => m.To, Width: 30),
        new TableColumn<OutboxMailDto>("เรื่อง", m => m.Subject, Width: 50),
        new TableColumn<OutboxMailDto>("สถานะ", m => OutboxAdmin.Label(m.Status), Width: 14),
        new TableColumn<OutboxMailDto>("ครั้งที่ลอง", m => m.Attempts, CellKind.Number, Width: 10),
        new TableColumn<OutboxMailDto>("ส่งเมื่อ", m => m.SentAt, CellKind.DateTime, Width: 22),
        new TableColumn<OutboxMailDto>("ข้อผิดพลาดล่าสุด", m => m.LastError ?? m.Note, Width: 50));

    [BindProperty(SupportsGet = true)] public MailStatus? Status { get; set; }
    public PagedList<OutboxMailDto> Mails { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public Dictionary<MailStatus, int> Counts { get; private set; } = [];
    public List<NotificationEvent> Problems { get; private set; } = [];
    public MailOptions Mail => sender.Options;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        if (!Request.Query.ContainsKey("size")) list.Size = 50;
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Table, await admin.List(Status).Take(50_000).ToListAsync(), "outbox", null)).ToActionResult();
        Mails = await admin.List(Status).ToPagedAsync(list);
        Pager = PagerModel.From(Mails);
        Counts = await admin.CountsAsync();
        Problems = await admin.ProblemsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        if (!await admin.RetryAsync(id)) return NotFound();
        TempData["Flash"] = "ส่งอีเมลนี้อีกครั้งแล้ว (อยู่ในคิวรอส่ง)";
        return RedirectToPage(new { Status });
    }
}
