using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Personnel.People;

/// <summary>What the add and edit pages share: the bound input and the workplace choices.</summary>
public abstract class PersonFormModel(AppDbContext db) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public IReadOnlyList<SchoolRef> Schools { get; private set; } = [];
    public IReadOnlyList<string> Divisions { get; private set; } = [];
    public virtual bool IsNew => true;

    protected AppDbContext Db => db;

    protected async Task LoadChoicesAsync(Guid areaId)
    {
        Schools = (await SchoolFinder.ForAreaAsync(db, areaId)).All.OrderBy(s => s.Name, ThaiText.Comparer).ToList();
        Divisions = await db.Divisions.AsNoTracking().Where(d => d.AreaId == areaId).Select(d => d.Name).ToListAsync();
    }

    /// <summary>The form shows dates as people write them: วว/ดด/ปปปป in พ.ศ.</summary>
    public static PersonInput From(Person p) => new()
    {
        NationalId = p.NationalId, Title = p.Title, FirstName = p.FirstName, LastName = p.LastName, Gender = p.Gender,
        BirthDate = p.BirthDate is { } b ? ThaiDate.Numeric(b) : null, Position = p.Position, AcademicStanding = p.AcademicStanding,
        Major = p.Major, TeachingSubjectAreas = [.. p.TeachingSubjectAreas], TeachingLevel = p.TeachingLevel?.ToString(), School = p.School?.Code, Division = p.Division?.Name,
        StartDate = p.StartDate is { } s ? ThaiDate.Numeric(s) : null, Status = p.Status,
    };

    protected void Flash(string done, IReadOnlyList<string> notes) =>
        TempData["Flash"] = notes.Count == 0 ? done : $"{done} ({string.Join("; ", notes)})";
}
