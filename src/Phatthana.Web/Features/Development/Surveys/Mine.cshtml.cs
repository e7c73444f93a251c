using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>"แบบสำรวจความต้องการของฉัน": the surveys that ask the signed-in person (found by their account's national ID), newest first, each with their answer.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MineModel(AppDbContext db, UserScope scope, SurveyAnswers answers, TimeProvider time) : PageModel
{
    public sealed record Item(NeedsSurvey Survey, bool Open, int Answers, Refusal? Refusal);

    public Person? Person { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (scope.SelfNationalId is not { Length: > 0 } id) return;
        Person = await db.People.AsNoTracking().Where(p => p.NationalId == id)
            .OrderByDescending(p => p.Status == PersonStatus.Active).ThenByDescending(p => p.UpdatedAt).FirstOrDefaultAsync();
        if (Person is not { } me) return;
        var surveys = await db.NeedsSurveys.AsNoTracking().Where(s => s.AreaId == me.AreaId)
            .OrderByDescending(s => s.FiscalYear).ThenByDescending(s => s.OpensOn).ToListAsync();
        var counts = await db.NeedResponses.AsNoTracking().Where(r => r.PersonId == me.Id).GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var items = new List<Item>();
        foreach (var s in surveys.Where(s => SurveyTargets.Includes(s, me)))
            items.Add(new Item(s, NeedsSurveysApi.IsOpen(s, time), counts.GetValueOrDefault(s.Id), await answers.WhyNotAsync(s, me)));
        Items = items;
    }
}
