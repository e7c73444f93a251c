using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>
/// The results grid: one row per registered person (attended, hours, pre-test, post-test). Rows are keyed by registration,
/// not national ID, so the form never carries an ID to someone whose role may not see it; every row is checked before any
/// is saved.
/// </summary>
[Authorize(Policy = Policies.RunTraining)]
public sealed class ResultsModel(AppDbContext db, Registrations registrations) : PageModel
{
    public sealed class Row
    {
        public Guid Registration { get; set; }
        public bool Attended { get; set; }
        public decimal? Hours { get; set; }
        public decimal? PreTest { get; set; }
        public decimal? PostTest { get; set; }
    }

    public sealed record Person(string Name, string? School, string NationalId, bool? Passed);

    [BindProperty] public List<Row> Rows { get; set; } = [];
    public TrainingSession Session { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Person> People { get; private set; } = new Dictionary<Guid, Person>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Rows = await db.Registrations.AsNoTracking().Where(r => r.SessionId == id && r.Status == RegistrationStatus.Registered)
            .OrderBy(r => r.Person!.FirstName).ThenBy(r => r.Person!.LastName)
            .Select(r => new Row { Registration = r.Id, Attended = r.Attended ?? true, Hours = r.Hours, PreTest = r.PreTest, PostTest = r.PostTest })
            .ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var unknown = Rows.Select((r, i) => (r, i)).Where(x => !People.ContainsKey(x.r.Registration)).ToList();
        foreach (var (_, i) in unknown) ModelState.AddModelError($"Rows[{i}]", "แถวนี้ไม่ได้ลงทะเบียนในรุ่นนี้แล้ว กรุณาโหลดหน้าใหม่");
        if (unknown.Count > 0) return Page();
        var outcome = await registrations.SaveResultsAsync(Session, Session.Course!,
            Rows.Select(r => (ResultInput?)new ResultInput(People[r.Registration].NationalId, r.Attended, r.Hours, r.PreTest, r.PostTest)).ToList());
        if (!outcome.Succeeded)
        {
            // The rows' national IDs come from the server; a message about one is about the row as a whole.
            outcome.CopyRowsTo(ModelState, nameof(Rows), Enumerable.Range(0, Rows.Count).ToList());
            return Page();
        }
        var passed = outcome.Value!.Count(r => r.Passed == true);
        TempData["Flash"] = $"บันทึกผลการอบรม {outcome.Value!.Count:#,0} คนแล้ว — ผ่าน {passed:#,0} คน";
        return Redirect($"/sessions/{id}/results");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await TrainingApi.FindSessionAsync(db, id) is not { } session) return false;
        Session = session;
        People = await db.Registrations.AsNoTracking().Where(r => r.SessionId == id && r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.Id, P = new Person(r.Person!.Title + r.Person!.FirstName + " " + r.Person!.LastName, r.Person!.School != null ? r.Person!.School!.Name : null,
                r.Person!.NationalId, r.Passed) })
            .ToDictionaryAsync(x => x.Id, x => x.P);
        return true;
    }
}
