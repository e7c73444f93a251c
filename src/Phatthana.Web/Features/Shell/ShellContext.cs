using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Shell;

/// <summary>One entry of the main navigation; <c>{area}</c> in the path is the current area's code.</summary>
/// <param name="Under">Other paths whose pages belong to this entry (a round's pages live at /assessment-rounds/{id}, not under the area).</param>
public sealed record NavItem(string Label, string Path, string Policy, bool NeedsArea = true, bool Exact = false, Func<UserScope, bool>? When = null,
    string[]? Under = null);

public sealed record NavLink(string Label, string Href, bool Active);

public sealed record AreaChoice(string Code, string Name);

public sealed record ShellModel(
    string? UserName, string? RoleLabel, AreaChoice? Area, IReadOnlyList<AreaChoice> Areas,
    IReadOnlyList<NavLink> Nav, int Unread = 0);

/// <summary>What the layout shows around every page: who is signed in, the current area, the navigation.</summary>
public sealed class ShellContext(UserScope scope, RouteScope route, AppDbContext db, IHttpContextAccessor http)
{
    /// <summary>The navigation, by feature; later features add their entries here.</summary>
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("ภาพรวม", "/areas/{area}", Policies.SignedIn, Exact: true),
        new("สถานศึกษา", "/areas/{area}/schools", Policies.SignedIn),
        new("กลุ่มเครือข่าย", "/areas/{area}/networks", Policies.SignedIn),
        new("อำเภอ", "/areas/{area}/districts", Policies.SignedIn),
        new("กลุ่มงาน", "/areas/{area}/divisions", Policies.SignedIn),
        new("บุคลากร", "/areas/{area}/people", Policies.ReadPeople),
        new("อัตรา (จ.18)", "/areas/{area}/posts", Policies.ReadPeople),
        new("อัตรากำลัง", "/areas/{area}/manpower", Policies.ReadAreaAnalyses),
        new("การพัฒนา/อบรม", "/areas/{area}/training", Policies.SignedIn, Under: ["/sessions/", "/courses/"]),
        new("สมรรถนะและหัวข้อการพัฒนา", "/areas/{area}/development/competencies", Policies.ReadPeople),
        new("สำรวจความต้องการพัฒนา", "/areas/{area}/development/surveys", Policies.ReadPeople, Under: ["/needs-surveys/"]),
        new("ประเมินตนเอง", "/areas/{area}/assessment", Policies.ReadAssessment, Under: ["/assessment-rounds/"]),
        new("รางวัลและการเชิดชูเกียรติ", "/areas/{area}/awards", Policies.SignedIn, Under: ["/award-programmes/", "/award-selections/", "/nominations/"]),
        new("การนิเทศ", "/areas/{area}/supervision", Policies.ReadSupervision, Under: ["/supervision-visits/"]),
        new("แผนพัฒนา", "/areas/{area}/plans", Policies.ReadAreaAnalyses, Under: ["/plans/", "/projects/"]),
        new("ติดตามงบประมาณ", "/areas/{area}/budget", Policies.ReadAreaAnalyses),
        new("คุณภาพข้อมูล", "/areas/{area}/data-quality", Policies.ReadPeople),
        new("นำเข้าข้อมูล", "/areas/{area}/imports", Policies.SchoolData),
        new("ชั่วโมงการพัฒนาและคูปอง", "/areas/{area}/training/hours", Policies.ReadPeople),
        new("ความต้องการในการพัฒนา", "/areas/{area}/development/needs", Policies.ReadPeople),
        new("ความก้าวหน้าแผนพัฒนาตนเอง", "/areas/{area}/development/id-plans", Policies.ReadPeople),
        new("ประวัติของฉัน", "/me/profile", Policies.SignedIn, NeedsArea: false, When: s => s.SelfNationalId is not null),
        new("ประวัติการพัฒนาของฉัน", "/me/transcript", Policies.SignedIn, NeedsArea: false, When: s => s.SelfNationalId is not null),
        new("แผนพัฒนาตนเองของฉัน", "/me/id-plan", Policies.SignedIn, NeedsArea: false, When: s => s.SelfNationalId is not null),
        new("แบบสำรวจความต้องการของฉัน", "/me/needs-surveys", Policies.SignedIn, NeedsArea: false, When: s => s.SelfNationalId is not null),
        new("ข้อมูลของฉันในระบบ", "/me/data", Policies.SignedIn, NeedsArea: false),
        new("รายงานสรุปสถานศึกษา", "/areas/{area}/reports/schools-summary", Policies.SignedIn),
        new("ตราสัญลักษณ์ในรายงาน", "/areas/{area}/logo", Policies.AreaAdmin),
        new("เกณฑ์อัตรากำลัง", "/manpower/rule-sets", Policies.ReadAreaAnalyses, NeedsArea: false),
        new("กรอบการประเมิน", "/assessment/frameworks", Policies.ReadAssessment, NeedsArea: false),
        new("ผู้ใช้งาน", "/users", Policies.ManageUsers, NeedsArea: false),
        new("กล่องอีเมลขาออก", "/admin/outbox", Policies.SystemAdmin, NeedsArea: false),
        new("บันทึกการแก้ไข", "/audit", Policies.ReadAudit, NeedsArea: false),
        new("เขตพื้นที่ทั้งหมด", "/areas", Policies.SystemAdmin, NeedsArea: false, Exact: true),
        new("อัตรากำลังรายเขต", "/manpower", Policies.SystemAdmin, NeedsArea: false, Exact: true),
    ];

    private ShellModel? _model;

    /// <summary>
    /// The shell of this request. When the database is unreachable (the error page of a 503) the page still renders, with
    /// a bare shell, rather than failing again inside the layout.
    /// </summary>
    public async Task<ShellModel> BuildAsync()
    {
        try
        {
            return await BuildCoreAsync();
        }
        catch (Exception e) when (DbErrors.IsUnavailable(e))
        {
            return _model = new ShellModel(null, null, null, [], []);
        }
    }

    private async Task<ShellModel> BuildCoreAsync()
    {
        if (_model is not null) return _model;
        var context = http.HttpContext!;
        if (scope.Role is not { } role)
            return _model = new ShellModel(null, null, null, [], []);

        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).Take(50).Select(a => new AreaChoice(a.Code, a.Name)).ToListAsync();
        AreaChoice? current = route.HasArea ? new AreaChoice(route.Area.Code, route.Area.Name) : null;
        var remembered = context.Request.Cookies[RouteScopeMiddleware.AreaCookie];
        current ??= areas.FirstOrDefault(a => a.Code == remembered)
            ?? (remembered is null ? null : await db.Areas.AsNoTracking().Where(a => a.Code == remembered).Select(a => new AreaChoice(a.Code, a.Name)).FirstOrDefaultAsync())
            ?? areas.FirstOrDefault();
        var path = context.Request.Path.Value ?? "/";
        var nav = Items
            .Where(i => Policies.Allows(i.Policy, role) && (!i.NeedsArea || current is not null) && (i.When is null || i.When(scope)))
            .Select(i =>
            {
                var href = i.Path.Replace("{area}", current?.Code ?? "");
                var active = string.Equals(path, href, StringComparison.OrdinalIgnoreCase) ||
                             (!i.Exact && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase)) ||
                             (i.Under?.Any(u => path.StartsWith(u, StringComparison.OrdinalIgnoreCase)) ?? false);
                return new NavLink(i.Label, href, active);
            })
            .ToList();
        var name = context.User.FindFirstValue(AppClaims.DisplayName) ?? scope.UserName;
        // The inbox badge: the caller's unread notifications (their own, by the query filter and by name).
        var unread = scope.UserId is { } me ? await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == me && n.ReadAt == null) : 0;
        return _model = new ShellModel(name, AccountsText.Label(role), current, areas, nav, unread);
    }
}
