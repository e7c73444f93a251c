using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Audit;

/// <summary>Who changed what, when, with the values before and after. An AreaAdmin sees their own areas' entries only.</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public static readonly TableSpec<AuditDto> Table = new("บันทึกการแก้ไขข้อมูล",
        new TableColumn<AuditDto>("เวลา", a => a.At, CellKind.DateTime, Width: 22),
        new TableColumn<AuditDto>("ผู้แก้ไข", a => Who(a.User), Width: 28),
        new TableColumn<AuditDto>("การกระทำ", a => Label(a.Action), Width: 10),
        new TableColumn<AuditDto>("ข้อมูล", a => EntityLabel(a.Entity), Width: 16),
        new TableColumn<AuditDto>("รหัสรายการ", a => a.EntityKey, Width: 38),
        new TableColumn<AuditDto>("ก่อนแก้ไข", a => a.Before, Width: 50),
        new TableColumn<AuditDto>("หลังแก้ไข", a => a.After, Width: 50));

    /// <summary>Bound from the query string only: Razor Pages keeps a route value named "page" too.</summary>
    public ListQuery List { get; private set; } = new();
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public PagedList<AuditDto> Page_ { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        List = list;
        if (!Request.Query.ContainsKey("size")) List.Size = 50;
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From)) { if (ThaiDate.TryParse(From, out var f)) from = f; else ModelState.AddModelError(nameof(From), "วันที่ไม่ถูกต้อง ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.)"); }
        if (!string.IsNullOrWhiteSpace(To)) { if (ThaiDate.TryParse(To, out var t)) to = t; else ModelState.AddModelError(nameof(To), "วันที่ไม่ถูกต้อง ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.)"); }
        var query = AuditQuery.Filter(db.AuditEntries.AsNoTracking(), Entity, null, List.Search, from, to);
        var rows = AuditQuery.Newest(query).Select(a => new AuditDto(a.Id, a.At, a.UserName, a.Entity, a.EntityKey, a.Action, a.Before, a.After));
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, Table, await rows.Take(50_000).ToListAsync(), "audit", null)).ToActionResult();
        Page_ = await rows.ToPagedAsync(List);
        Pager = PagerModel.From(Page_);
        Entities = await db.AuditEntries.AsNoTracking().Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync();
        return Page();
    }

    /// <summary>The Thai name of a kind of row; features add theirs here as they land.</summary>
    public static string EntityLabel(string entity) => entity switch
    {
        "Area" => "เขตพื้นที่",
        "School" => "สถานศึกษา",
        "StudentCount" => "จำนวนนักเรียน",
        "SchoolNetwork" => "กลุ่มเครือข่าย",
        "District" => "อำเภอ",
        "Division" => "กลุ่มงาน",
        "AppUser" => "ผู้ใช้งาน",
        "UserAreaGrant" => "สิทธิ์เขตพื้นที่ของผู้ใช้",
        "Person" => "บุคลากร",
        "PersonHistory" => "ประวัติการทำงาน",
        "Post" => "อัตรา (จ.18)",
        "AreaLogo" => "ตราสัญลักษณ์",
        Shared.Reporting.ExportLog.Entity => "การส่งออกไฟล์",
        _ => entity,
    };

    public static string Who(string? user) => user is null or "system" ? "ระบบ" : user;

    public static string Label(AuditAction action) => action switch
    {
        AuditAction.Create => "เพิ่ม",
        AuditAction.Update => "แก้ไข",
        AuditAction.Delete => "ลบ",
        AuditAction.Export => "ส่งออก",
        AuditAction.Anonymise => "ทำให้ไม่ระบุตัวตน",
        _ => action.ToString(),
    };

    /// <summary>"ชื่อ: เก่า → ใหม่" lines for one entry, so a reader sees the change without reading JSON.</summary>
    public static IEnumerable<(string Field, string? Before, string? After)> Changes(AuditDto entry)
    {
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        foreach (var key in before.Keys.Union(after.Keys))
            yield return (key, before.GetValueOrDefault(key), after.GetValueOrDefault(key));
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());
    }
}
