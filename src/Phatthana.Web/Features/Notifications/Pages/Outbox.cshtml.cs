using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Notifications.Pages;

/// <summary>The outbox for a SystemAdmin: every mail with its status, tries and last error; a failed one sent again; template problems.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class OutboxModel(OutboxAdmin admin, OutboxSender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public MailStatus? Status { get; set; }
    public PagedList<OutboxMailDto> Mails { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public Dictionary<MailStatus, int> Counts { get; private set; } = [];
    public List<NotificationEvent> Problems { get; private set; } = [];
    public MailOptions Mail => sender.Options;

    public async Task OnGetAsync([FromQuery] ListQuery list)
    {
        if (!Request.Query.ContainsKey("size")) list.Size = 50;
        Mails = await admin.List(Status).ToPagedAsync(list);
        Pager = PagerModel.From(Mails);
        Counts = await admin.CountsAsync();
        Problems = await admin.ProblemsAsync();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        if (!await admin.RetryAsync(id)) return NotFound();
        TempData["Flash"] = "ส่งอีเมลนี้อีกครั้งแล้ว (อยู่ในคิวรอส่ง)";
        return RedirectToPage(new { Status });
    }
}
