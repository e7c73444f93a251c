using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// A session (รุ่น): its details and seats, who registered with their results, and the ways in — a national ID (anyone
/// who registers people; their scope decides whom), a group of a school's or a position's active staff (AreaAdmin), or
/// a teacher registering self.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SessionModel(AppDbContext db, UserScope user, Registrations registrations, Certificates certificates, TimeProvider time) : PageModel
{
    public sealed record Line(Guid Id, RegistrationStatus Status, string Name, string? School, bool? Attended, decimal? Hours, decimal? PreTest, decimal? PostTest,
        bool? Passed, bool Mine, string? CertificateNumber = null, string? CertificateCode = null, bool Revoked = false, string? OverrideReason = null);

    public sealed class GroupForm
    {
        public string? School { get; set; }
        public Position? Position { get; set; }
        /// <summary>When given, people outside the course's target group are registered too, with this reason.</summary>
        public string? OverrideReason { get; set; }
    }

    public sealed class RegisterForm
    {
        public string? NationalId { get; set; }
        public string? OverrideReason { get; set; }
    }

    [BindProperty] public RegisterForm Register { get; set; } = new();
    [BindProperty] public GroupForm Group { get; set; } = new();
    /// <summary>Which form was sent, so its messages show with it.</summary>
    public string? Sent { get; private set; }
    public TrainingSession Session { get; private set; } = null!;
    public Course Course => Session.Course!;
    public Area Area { get; private set; } = null!;
    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public bool AnyCertificate { get; private set; }
    /// <summary>Results columns show once any result is recorded; before that they would be a row of dashes.</summary>
    public bool AnyResult { get; private set; }
    /// <summary>Cancelling is offered while results are not approved (approved results refuse it).</summary>
    public bool ShowCancel => CanCancel && Session.ResultsApprovedAt is null;
    /// <summary>Why registration is shut today, or null while it is open.</summary>
    public string? Shut { get; private set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Waiting { get; private set; }
    public Line? Own { get; private set; }
    public IReadOnlyList<SchoolRef> Schools { get; private set; } = [];
    public bool SeesList => Policies.Allows(Policies.ReadPeople, user.Role);
    public bool CanRegister => Policies.Allows(Policies.RegisterTraining, user.Role) && user.Role != Role.Teacher;
    public bool CanAddGroup => Policies.Allows(Policies.AreaAdmin, user.Role);
    public bool CanRun => Policies.Allows(Policies.RunTraining, user.Role);
    public bool CanCancel => Policies.Allows(Policies.RegisterTraining, user.Role);
    public bool IsTeacher => user.Role == Role.Teacher && user.SelfNationalId is not null;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(Guid id)
    {
        Sent = "register";
        if (!Policies.Allows(Policies.RegisterTraining, user.Role)) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await registrations.RegisterAsync(Session, Register.NationalId, Register.OverrideReason);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Register));
            return Page();
        }
        var name = await db.People.AsNoTracking().Where(p => p.Id == outcome.Value!.PersonId).Select(p => p.Title + p.FirstName + " " + p.LastName).FirstAsync();
        TempData["Flash"] = outcome.Value!.Status == RegistrationStatus.Registered ? $"ลงทะเบียน{name}แล้ว" : $"รุ่นนี้เต็มแล้ว — {name}อยู่ในรายชื่อรอที่ว่าง";
        return Redirect($"/sessions/{id}");
    }

    /// <summary>Numbers a certificate for every passed attendee who has none yet (the PDFs come from the certificates API).</summary>
    public async Task<IActionResult> OnPostCertificatesAsync(Guid id)
    {
        Sent = "certificates";
        if (!CanRun) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await certificates.IssueAsync(Session, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, "");
            return Page();
        }
        TempData["Flash"] = outcome.Value!.Count == 0 ? "ผู้ผ่านทุกคนได้รับเกียรติบัตรแล้ว ไม่มีฉบับใหม่" : $"ออกเกียรติบัตร {outcome.Value.Count:#,0} ฉบับแล้ว";
        return Redirect($"/sessions/{id}#certificates");
    }

    public async Task<IActionResult> OnPostSelfAsync(Guid id)
    {
        Sent = "self";
        if (!Policies.Allows(Policies.RegisterTraining, user.Role) || user.SelfNationalId is not { } self) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        var outcome = await registrations.RegisterAsync(Session, self);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, "");
            return Page();
        }
        TempData["Flash"] = outcome.Value!.Status == RegistrationStatus.Registered ? "ลงทะเบียนแล้ว" : "รุ่นนี้เต็มแล้ว — คุณอยู่ในรายชื่อรอที่ว่าง จะได้ที่นั่งเมื่อมีผู้ยกเลิก";
        return Redirect($"/sessions/{id}");
    }

    /// <summary>Registers every active person of the school and/or position and says how many of each result.</summary>
    public async Task<IActionResult> OnPostGroupAsync(Guid id)
    {
        Sent = "group";
        if (!CanAddGroup) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (string.IsNullOrWhiteSpace(Group.School) && Group.Position is null)
        {
            ModelState.AddModelError("Group.School", "กรุณาเลือกสถานศึกษาหรือตำแหน่งอย่างน้อยหนึ่งอย่าง");
            return Page();
        }
        var people = db.People.AsNoTracking().Where(p => p.AreaId == Session.AreaId && p.Status == PersonStatus.Active);
        if (!string.IsNullOrWhiteSpace(Group.School))
        {
            if (Schools.FirstOrDefault(s => s.Code == Group.School) is not { } school)
            {
                ModelState.AddModelError("Group.School", "ไม่พบสถานศึกษานี้ในเขตพื้นที่");
                return Page();
            }
            people = people.Where(p => p.SchoolId == school.Id);
        }
        if (Group.Position is { } position) people = people.Where(p => p.Position == position);
        var ids = await people.OrderBy(p => p.FirstName).ThenBy(p => p.LastName).Select(p => p.NationalId).Take(SaveCourse.MaxCapacity).ToListAsync();
        // Asked all at once, they are answered together (RegistrationBatches), seats and waitlist in the order of the list.
        var outcomes = await Task.WhenAll(ids.Select(nationalId => registrations.RegisterAsync(Session, nationalId, Group.OverrideReason)).ToList());
        // A closed session refuses everyone alike: say so once instead of counting the whole group as skipped.
        if (outcomes.FirstOrDefault(o => o.Conflict is { Field: "" }) is { Conflict: { } closed })
        {
            ModelState.AddModelError("", closed.Message);
            await LoadAsync(id);
            return Page();
        }
        var outside = outcomes.Count(o => !o.Succeeded && o.Errors.Any(e => e.Field == "overrideReason"));
        var skipped = outcomes.Count(o => !o.Succeeded) - outside;
        var registered = outcomes.Count(o => o.Succeeded && o.Value!.Status == RegistrationStatus.Registered);
        var waitlisted = outcomes.Count(o => o.Succeeded && o.Value!.Status == RegistrationStatus.Waitlisted);
        TempData["Flash"] = ids.Count == 0
            ? "ไม่พบบุคลากรที่ปฏิบัติงานอยู่ตามที่เลือก จึงไม่ได้ลงทะเบียนใคร"
            : $"เพิ่มกลุ่ม {ids.Count:#,0} คน: ลงทะเบียน {registered:#,0} คน · รอที่ว่าง {waitlisted:#,0} คน · ข้าม {skipped:#,0} คน (ลงทะเบียนไว้แล้วหรือลงทะเบียนไม่ได้)"
              + (outside > 0 ? $" · ไม่อยู่ในกลุ่มเป้าหมายของหลักสูตร {outside:#,0} คน (ระบุเหตุผลเพื่อลงทะเบียนผู้ที่อยู่นอกกลุ่มเป้าหมาย)" : "");
        return Redirect($"/sessions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } session) return false;
        Session = session;
        Area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == session.AreaId);
        var self = user.SelfNationalId;
        // People outside the caller's scope drop out of the join (a director sees their own staff's registrations).
        var lines = await db.Registrations.AsNoTracking().Where(r => r.SessionId == id)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r, p })
            .OrderBy(x => x.r.Status).ThenBy(x => x.r.RequestedAt)
            .Select(x => new Line(x.r.Id, x.r.Status, x.p.Title + x.p.FirstName + " " + x.p.LastName, x.p.School != null ? x.p.School.Name : null,
                x.r.Attended, x.r.Hours, x.r.PreTest, x.r.PostTest, x.r.Passed, self != null && x.p.NationalId == self,
                x.r.CertificateNumber, x.r.CertificateCode, x.r.CertificateRevokedAt != null, x.r.OverrideReason))
            .ToListAsync();
        Own = lines.FirstOrDefault(l => l.Mine);
        AnyCertificate = lines.Any(l => l.CertificateCode is not null);
        AnyResult = lines.Any(l => l.Attended is not null);
        IReadOnlyList<Line> seen = SeesList ? lines : Own is null ? [] : [Own];
        if (Search is { Length: > 0 } q)
            seen = seen.Where(l => l.Name.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase) || (l.School ?? "").Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var page = seen.ToPaged(new ListQuery { Page = PageNumber, Size = 50 });
        Lines = page.Items;
        Pager = PagerModel.From(page);
        Shut = Registrations.WindowProblem(session, ThaiDate.TodayInThailand(time));
        Waiting = await db.Registrations.CountAsync(r => r.SessionId == id && r.Status == RegistrationStatus.Waitlisted);
        if (CanAddGroup) Schools = (await SchoolFinder.ForAreaAsync(db, session.AreaId)).All.OrderBy(s => s.Name, ThaiText.Comparer).ToList();
        return true;
    }
}
