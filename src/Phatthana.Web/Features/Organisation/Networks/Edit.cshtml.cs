using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation.Schools;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Organisation.Networks;

/// <summary>
/// One network: its chair, secretary, goals and member schools. The same page creates (id "new"),
/// shows (read-only for roles that cannot edit), edits and deletes.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(AppDbContext db, RouteScope route, UserScope scope, SaveNetwork save, NetworkView view, NetworkMemberships memberships,
    NetworkParts parts) : PageModel
{
    [BindProperty] public NetworkInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public Area Area => route.Area;
    public bool IsNew { get; private set; }
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public NetworkDetailDto? Detail { get; private set; }
    [BindProperty(SupportsGet = true)] public int? OnetYear { get; set; }
    [BindProperty(SupportsGet = true)] public Onet.OnetLevel Level { get; set; } = Onet.OnetLevel.P6;

    /// <summary>The small forms of the page: a member joining, a goal, a meeting (dates typed วว/ดด/ปปปป in พ.ศ.).</summary>
    public sealed class PartForm
    {
        public string? School { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public int? AcademicYear { get; set; }
        public GoalMetric? Metric { get; set; }
        public string? Title { get; set; }
        public decimal? Target { get; set; }
        public decimal? Actual { get; set; }
        public string? Date { get; set; }
        public string? Place { get; set; }
        public string? Agenda { get; set; }
        public string? Minutes { get; set; }
        public List<string> Schools { get; set; } = [];
    }

    [BindProperty] public PartForm Part { get; set; } = new();

    /// <summary>A seat on the board: one of a person (national ID), a school (its director) or a name typed in.</summary>
    public sealed class RoleForm
    {
        public NetworkRoleKind? Role { get; set; }
        public string? Person { get; set; }
        public string? School { get; set; }
        public string? Name { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public sealed class CentreForm
    {
        public SubjectArea? Subject { get; set; }
        public string? School { get; set; }
        public string? Supervisor { get; set; }
    }

    public sealed class SupervisorForm
    {
        public string? Person { get; set; }
    }

    // Each form its own prefix, so a message goes under its own form's field only (several forms have a school or a date).
    [BindProperty] public RoleForm Board { get; set; } = new();
    [BindProperty] public CentreForm Centre { get; set; } = new();
    [BindProperty] public SupervisorForm Assign { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (id == "new")
        {
            if (!CanEdit) return Forbid();
            IsNew = true;
            return Page();
        }
        if (await Find(id, tracked: false) is not { } network) return NotFound();
        Input = NetworkInput.From(network);
        Version = network.Version;
        await LoadMembers(network.Id);
        return Page();
    }

    public Task<IActionResult> OnPostMemberAsync(string id) => WithNetwork(id, async network =>
    {
        var (from, to) = (Date(Part.From, "Part.From", true), Date(Part.To, "Part.To", false));
        if (!ModelState.IsValid) return null;
        var outcome = await memberships.AddAsync(network, new MembershipInput(Part.School, from, to));
        outcome.CopyTo(ModelState, "Part");
        return outcome.Succeeded ? "เพิ่มโรงเรียนในเครือข่ายแล้ว" : null;
    });

    public Task<IActionResult> OnPostEndMemberAsync(string id, Guid entryId) => WithNetwork(id, async network =>
    {
        var to = Date(Part.To, "Part.To", true);
        if (await db.NetworkMemberships.FirstOrDefaultAsync(m => m.Id == entryId && m.NetworkId == network.Id) is not { } m || !ModelState.IsValid) return null;
        var outcome = await memberships.UpdateAsync(m, new MembershipInput(null, m.From ?? to, to));
        outcome.CopyTo(ModelState, "Part");
        return outcome.Succeeded ? "บันทึกวันสิ้นสุดสมาชิกภาพแล้ว" : null;
    });

    public Task<IActionResult> OnPostGoalAsync(string id) => WithNetwork(id, async network =>
    {
        var outcome = await parts.SaveGoalAsync(network, null, new GoalInput(Part.AcademicYear, Part.Metric, Part.Title, Part.Target, Part.Actual));
        outcome.CopyTo(ModelState, "Part");
        return outcome.Succeeded ? "เพิ่มเป้าหมายแล้ว" : null;
    });

    public Task<IActionResult> OnPostMeetingAsync(string id) => WithNetwork(id, async network =>
    {
        var date = Date(Part.Date, "Part.Date", true);
        if (!ModelState.IsValid) return null;
        var outcome = await parts.SaveMeetingAsync(network, null, new MeetingInput(date, Part.Place, Part.Agenda, Part.Minutes, Part.Schools, []), null);
        outcome.CopyTo(ModelState, "Part");
        return outcome.Succeeded ? "บันทึกการประชุมแล้ว" : null;
    });

    public Task<IActionResult> OnPostRoleAsync(string id) => WithNetwork(id, async network =>
    {
        var (from, to) = (Date(Board.From, "Board.From", false), Date(Board.To, "Board.To", false));
        if (!ModelState.IsValid) return null;
        var outcome = await parts.AddRoleAsync(network, new RoleInput(Board.Role, Board.Person, Board.School, Board.Name, from, to));
        outcome.CopyTo(ModelState, nameof(Board));
        return outcome.Succeeded ? "เพิ่มคณะกรรมการเครือข่ายแล้ว" : null;
    });

    public Task<IActionResult> OnPostRemoveRoleAsync(string id, Guid entryId) => WithNetwork(id, async network =>
        await Entry(db.NetworkRoles, network, entryId) is { } role && (await parts.DeleteRoleAsync(network, role)).Succeeded ? $"นำ{role.Name}ออกจากคณะกรรมการแล้ว" : null);

    public Task<IActionResult> OnPostCentreAsync(string id) => WithNetwork(id, async network =>
    {
        var outcome = await parts.AddCentreAsync(network, new CentreInput(Centre.Subject, Centre.School, Centre.Supervisor));
        outcome.CopyTo(ModelState, nameof(Centre));
        return outcome.Succeeded ? "เพิ่มศูนย์วิชาการแล้ว" : null;
    });

    public Task<IActionResult> OnPostRemoveCentreAsync(string id, Guid entryId) => WithNetwork(id, async network =>
        await Entry(db.AcademicCentres, network, entryId) is { } centre && (await parts.RemoveAsync(centre)).Succeeded ? "ลบศูนย์วิชาการแล้ว" : null);

    public Task<IActionResult> OnPostSupervisorAsync(string id) => WithNetwork(id, async network =>
    {
        var outcome = await parts.AddSupervisorAsync(network, new SupervisorInput(Assign.Person));
        outcome.CopyTo(ModelState, nameof(Assign));
        return outcome.Succeeded ? "เพิ่มศึกษานิเทศก์ผู้รับผิดชอบแล้ว" : null;
    });

    public Task<IActionResult> OnPostRemoveSupervisorAsync(string id, Guid entryId) => WithNetwork(id, async network =>
        await Entry(db.NetworkSupervisors, network, entryId) is { } assigned && (await parts.RemoveAsync(assigned)).Succeeded ? "นำศึกษานิเทศก์ออกจากเครือข่ายแล้ว" : null);

    /// <summary>An entry of this network to remove; when it is gone already the page says so.</summary>
    private async Task<T?> Entry<T>(IQueryable<T> set, SchoolNetwork network, Guid entryId) where T : class
    {
        var entry = await set.FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == entryId && EF.Property<Guid>(e, "NetworkId") == network.Id);
        if (entry is null) ModelState.AddModelError("", "ไม่พบรายการนี้ในเครือข่าย (อาจถูกลบไปแล้ว) — โหลดหน้าใหม่แล้วลองอีกครั้ง");
        return entry;
    }

    /// <summary>Runs a part's form: on success back to the page with the message; otherwise the page again with the errors.</summary>
    private async Task<IActionResult> WithNetwork(string id, Func<SchoolNetwork, Task<string?>> work)
    {
        if (!CanEdit) return Forbid();
        if (await Find(id, tracked: true) is not { } network) return NotFound();
        ModelState.Remove(nameof(Input) + "." + nameof(NetworkInput.Name));
        var done = await work(network);
        if (done is not null)
        {
            TempData["Flash"] = done;
            return Redirect($"/areas/{Area.Code}/networks/{network.Id}");
        }
        db.ChangeTracker.Clear();
        var fresh = await Find(id, tracked: false);
        Input = NetworkInput.From(fresh!);
        Version = fresh!.Version;
        await LoadMembers(fresh.Id);
        return Page();
    }

    private DateOnly? Date(string? text, string key, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) ModelState.AddModelError(key, "กรุณากรอกวันที่ (วว/ดด/ปปปป)");
            return null;
        }
        if (ThaiDate.TryParse(text, out var d)) return d;
        ModelState.AddModelError(key, $"วันที่ \"{text}\" อ่านไม่ได้ — ใช้ วว/ดด/ปปปป เช่น 16/05/2568");
        return null;
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!CanEdit) return Forbid();
        IsNew = id == "new";
        SchoolNetwork? network = null;
        if (!IsNew && (network = await Find(id, tracked: true)) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = IsNew ? await save.CreateAsync(Area, Input) : await save.UpdateAsync(network!, Input, Version);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = "บันทึกเครือข่ายแล้ว";
            return Redirect($"/areas/{Area.Code}/networks/{outcome.Value!.Id}");
        }
        outcome.CopyTo(ModelState, nameof(Input));
        if (network is not null) await LoadMembers(network.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        if (!CanEdit) return Forbid();
        if (await Find(id, tracked: true) is not { } network) return NotFound();
        var outcome = await save.DeleteAsync(network);
        TempData["Flash"] = outcome.Succeeded ? $"ลบ{network.Name}แล้ว" : outcome.Conflict?.Message;
        return Redirect($"/areas/{Area.Code}/networks");
    }

    private async Task<SchoolNetwork?> Find(string id, bool tracked)
    {
        if (!Guid.TryParse(id, out var guid)) return null;
        var set = tracked ? db.SchoolNetworks : db.SchoolNetworks.AsNoTracking();
        return await set.FirstOrDefaultAsync(n => n.Id == guid && n.AreaId == Area.Id);
    }

    private async Task LoadMembers(Guid id) => Detail = await view.FindAsync(Area.Id, id, OnetYear, Level);
}
