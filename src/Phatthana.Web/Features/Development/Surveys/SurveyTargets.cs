using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>How a person of the target group has answered: their handed-in plan of the year, the short form, or not at all.</summary>
public enum SurveyAnswer { Plan, Form, None }

/// <summary>One person of a survey's target group and how they answered.</summary>
public sealed record SurveyPerson(Guid Id, string NationalId, string Name, Position Position, string? Workplace, SurveyAnswer Answer, IdPlanStatus? PlanStatus);

/// <summary>The target group's count and how it splits; the three parts add up to it (a plan counts before a short form).</summary>
public sealed record SurveySummary(int Targeted, int WithPlan, int Answered, int Neither);

/// <summary>
/// Who a survey asks and how they answered. The target group is the area's active people in the survey's positions (all
/// positions when it names none), as the caller's scope shows them — a director sees their school's. A plan of the
/// survey's year counts as an answer once handed in (submitted or approved); a draft or a returned plan does not.
/// </summary>
public static class SurveyTargets
{
    public static readonly IReadOnlyList<IdPlanStatus> CountingStatuses = [IdPlanStatus.Submitted, IdPlanStatus.Approved];

    public static bool Includes(NeedsSurvey survey, Person person) =>
        person.AreaId == survey.AreaId && person.Status == PersonStatus.Active && (survey.TargetPositions.Count == 0 || survey.TargetPositions.Contains(person.Position));

    /// <summary>"ทุกตำแหน่ง" or the positions named, in Thai.</summary>
    public static string Describe(NeedsSurvey survey) =>
        survey.TargetPositions.Count == 0 ? "บุคลากรทุกตำแหน่ง" : string.Join(", ", survey.TargetPositions.Select(PersonnelText.Label));

    /// <summary>Everyone the survey asks (of one school when given), with how they answered; three queries whatever the area's size.</summary>
    public static async Task<List<SurveyPerson>> PeopleAsync(AppDbContext db, NeedsSurvey survey, Guid? schoolId = null, CancellationToken ct = default)
    {
        var positions = survey.TargetPositions.ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.AreaId == survey.AreaId && p.Status == PersonStatus.Active && (positions.Count == 0 || positions.Contains(p.Position)))
            .Where(p => schoolId == null || p.SchoolId == schoolId)
            .Select(p => new { p.Id, p.NationalId, p.Title, p.FirstName, p.LastName, p.Position, Workplace = p.School != null ? p.School.Name : p.Division != null ? p.Division.Name : null })
            .ToListAsync(ct);
        var plans = await db.IdPlans.AsNoTracking()
            .Where(p => p.AreaId == survey.AreaId && p.FiscalYear == survey.FiscalYear && CountingStatuses.Contains(p.Status))
            .Select(p => new { p.PersonId, p.Status }).ToDictionaryAsync(p => p.PersonId, p => p.Status, ct);
        var answered = (await db.NeedResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).Select(r => r.PersonId).Distinct().ToListAsync(ct)).ToHashSet();
        return people.Select(p =>
            {
                var plan = plans.TryGetValue(p.Id, out var s) ? s : (IdPlanStatus?)null;
                var answer = plan is not null ? SurveyAnswer.Plan : answered.Contains(p.Id) ? SurveyAnswer.Form : SurveyAnswer.None;
                return new SurveyPerson(p.Id, p.NationalId, $"{p.Title}{p.FirstName} {p.LastName}", p.Position, p.Workplace, answer, plan);
            })
            .OrderBy(p => p.Workplace ?? "\uffff", Shared.Thai.ThaiText.Comparer).ThenBy(p => p.Name, Shared.Thai.ThaiText.Comparer).ToList();
    }

    public static SurveySummary Summarise(IReadOnlyCollection<SurveyPerson> people) => new(people.Count,
        people.Count(p => p.Answer == SurveyAnswer.Plan), people.Count(p => p.Answer == SurveyAnswer.Form), people.Count(p => p.Answer == SurveyAnswer.None));

    public static string Label(SurveyAnswer answer) => answer switch
    {
        SurveyAnswer.Plan => "ส่งแผนพัฒนาตนเองแล้ว",
        SurveyAnswer.Form => "ตอบแบบสำรวจแล้ว",
        _ => "ยังไม่ตอบ",
    };
}
