using Microsoft.AspNetCore.Authorization;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// Every page and endpoint names one of these (or allows anonymous access explicitly). Roles decide
/// what a caller may do; <see cref="UserScope"/> decides which rows they may do it to.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user with a role: read what their scope shows.</summary>
    public const string SignedIn = "signed-in";
    /// <summary>Install-wide settings: areas, frameworks, rule sets.</summary>
    public const string SystemAdmin = "system-admin";
    /// <summary>Everything inside an area: organisation, registry, plans.</summary>
    public const string AreaAdmin = "area-admin";
    /// <summary>A school's own data (student counts): area staff and the school's director.</summary>
    public const string SchoolData = "school-data";
    /// <summary>Users and their grants.</summary>
    public const string ManageUsers = "manage-users";
    /// <summary>The audit log.</summary>
    public const string ReadAudit = "read-audit";
    /// <summary>The personnel registry's lists and profiles (a teacher reads only their own profile).</summary>
    public const string ReadPeople = "read-people";
    /// <summary>Area-wide analyses (manpower): area staff, supervisors and assessors — not school-level roles, whose
    /// scope would show one school against an area's worth of requirements.</summary>
    public const string ReadAreaAnalyses = "read-area-analyses";
    /// <summary>Courses, sessions and results: area staff and the supervisors who run training.</summary>
    public const string RunTraining = "run-training";
    /// <summary>Registering for a session: everyone but assessors — a teacher registers self, a director their staff (scope decides whom).</summary>
    public const string RegisterTraining = "register-training";
    /// <summary>Whole national IDs and birth dates (PDPA): the staff who keep personnel records.</summary>
    public const string NationalIds = "national-ids";
    /// <summary>Self-assessment rounds, levels and reports: area staff, supervisors and assessors.</summary>
    public const string ReadAssessment = "read-assessment";
    /// <summary>Filling in a round's items and evidence, and submitting it: area staff and supervisors.</summary>
    public const string RunAssessment = "run-assessment";
    /// <summary>Reviewing a submitted round (comments, agreed levels): assessors.</summary>
    public const string ReviewAssessment = "review-assessment";

    /// <summary>Writing and submitting an ID Plan: one's own (teachers), one's school's (directors), anyone's in the area (area staff).</summary>
    public const string WriteIdPlans = "write-id-plans";
    /// <summary>Approving or returning a submitted ID Plan: the person's director, or area staff — never the person themself.</summary>
    public const string DecideIdPlans = "decide-id-plans";

    /// <summary>Putting a person forward for an award: area staff (anyone), directors (their staff), teachers (themselves) — the programme says which.</summary>
    public const string Nominate = "nominate";
    /// <summary>Scoring nominations: the roles a committee is drawn from (being on the programme's committee is checked too).</summary>
    public const string ScoreAwards = "score-awards";

    /// <summary>Supervision visits: area staff, supervisors, assessors, and directors (their own school's, by scope) — not teachers.</summary>
    public const string ReadSupervision = "read-supervision";
    /// <summary>Recording supervision visits and their follow-up: area staff (anyone's) and supervisors (their own).</summary>
    public const string WriteSupervision = "write-supervision";

    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [SignedIn] = Enum.GetValues<Role>(),
        [SystemAdmin] = [Role.SystemAdmin],
        [AreaAdmin] = [Role.SystemAdmin, Role.AreaAdmin],
        [SchoolData] = [Role.SystemAdmin, Role.AreaAdmin, Role.SchoolAdmin],
        [ManageUsers] = [Role.SystemAdmin, Role.AreaAdmin],
        [ReadAudit] = [Role.SystemAdmin, Role.AreaAdmin],
        [ReadPeople] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor, Role.SchoolAdmin, Role.Assessor],
        [ReadAreaAnalyses] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor, Role.Assessor],
        [RunTraining] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor],
        [RegisterTraining] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor, Role.SchoolAdmin, Role.Teacher],
        [NationalIds] = [Role.SystemAdmin, Role.AreaAdmin, Role.SchoolAdmin],
        [ReadAssessment] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor, Role.Assessor],
        [RunAssessment] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor],
        [ReviewAssessment] = [Role.SystemAdmin, Role.Assessor],
        [WriteIdPlans] = [Role.SystemAdmin, Role.AreaAdmin, Role.SchoolAdmin, Role.Teacher],
        [DecideIdPlans] = [Role.SystemAdmin, Role.AreaAdmin, Role.SchoolAdmin],
        [Nominate] = [Role.SystemAdmin, Role.AreaAdmin, Role.SchoolAdmin, Role.Teacher],
        [ScoreAwards] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor, Role.Assessor],
        [ReadSupervision] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor, Role.SchoolAdmin, Role.Assessor],
        [WriteSupervision] = [Role.SystemAdmin, Role.AreaAdmin, Role.Supervisor],
    };

    public static void Register(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }

    public static bool Allows(string policy, Role? role) => role is { } r && Roles[policy].Contains(r);
}
