using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Onet;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Organisation.Networks;

public sealed record MemberDto(Guid Id, string Code, string Name, SchoolType Type, DateOnly? From, DateOnly? To, bool Current);
public sealed record RoleDto(Guid Id, NetworkRoleKind Role, string Name, DateOnly From, DateOnly? To, bool Current);
/// <summary>A goal with its result: computed from O-NET (ป.6) for the O-NET metrics, as entered for the others; met when the result reaches the target.</summary>
public sealed record GoalDto(Guid Id, int AcademicYear, GoalMetric Metric, string Title, decimal Target, decimal? Actual, bool Computed, bool? Met);
public sealed record CentreDto(Guid Id, SubjectArea Subject, string SchoolCode, string School, string? Supervisor);
public sealed record SupervisorDto(Guid Id, string Name, string? Division);
public sealed record MeetingDto(Guid Id, DateOnly Date, string Place, string Agenda, string? Minutes, IReadOnlyList<string> Schools, IReadOnlyList<string> Attendees, int Version);

public sealed record NetworkDetailDto(Guid Id, string Name, string? Chair, string? Secretary, string? Goals, int Version,
    IReadOnlyList<MemberDto> Members, IReadOnlyList<RoleDto> Roles, IReadOnlyList<GoalDto> GoalTargets, IReadOnlyList<CentreDto> Centres,
    IReadOnlyList<SupervisorDto> Supervisors, IReadOnlyList<MeetingDto> Meetings, OnetYearDto Onet);

/// <summary>Everything about one network, as its page and <c>GET …/networks/{id}</c> show it.</summary>
public sealed class NetworkView(AppDbContext db, OnetAnalysis onet, TimeProvider time)
{
    public async Task<NetworkDetailDto?> FindAsync(Guid areaId, Guid id, int? onetYear = null, OnetLevel level = OnetLevel.P6, CancellationToken ct = default)
    {
        var n = await db.SchoolNetworks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.AreaId == areaId, ct);
        if (n is null) return null;
        var today = ThaiDate.TodayInThailand(time);
        var members = (await db.NetworkMemberships.AsNoTracking().Where(m => m.NetworkId == id)
                .Select(m => new { m.Id, m.School!.Code, m.School.Name, m.School.Type, m.From, m.To }).ToListAsync(ct))
            .Select(m => new MemberDto(m.Id, m.Code, m.Name, m.Type, m.From, m.To, (m.From == null || m.From <= today) && (m.To == null || m.To >= today)))
            .OrderByDescending(m => m.Current).ThenBy(m => m.Name, ThaiText.Comparer).ThenByDescending(m => m.From).ToList();
        var roles = (await db.NetworkRoles.AsNoTracking().Where(r => r.NetworkId == id).ToListAsync(ct))
            .Select(r => new RoleDto(r.Id, r.Role, r.Name, r.From, r.To, r.From <= today && (r.To == null || r.To >= today)))
            .OrderByDescending(r => r.Current).ThenBy(r => r.Role).ThenByDescending(r => r.From).ToList();
        var goals = await db.NetworkGoals.AsNoTracking().Where(g => g.NetworkId == id).OrderByDescending(g => g.AcademicYear).ThenBy(g => g.Metric).ToListAsync(ct);
        var onetOf = new Dictionary<int, OnetNetworkRow?>();
        foreach (var year in goals.Where(g => NetworkText.IsOnet(g.Metric)).Select(g => g.AcademicYear).Distinct())
            onetOf[year] = (await onet.YearAsync(areaId, year, OnetLevel.P6, id, ct)).Networks.FirstOrDefault();
        var goalRows = goals.Select(g =>
        {
            var computed = NetworkText.IsOnet(g.Metric);
            var row = computed ? onetOf.GetValueOrDefault(g.AcademicYear) : null;
            var actual = g.Metric switch
            {
                GoalMetric.OnetAboveNational => row?.VsNational,
                GoalMetric.OnetGain => row?.GainPercent,
                _ => g.Actual,
            };
            // "Above the national mean" is met only when strictly above the target margin; the others when they reach it.
            bool? met = actual is not { } a ? null : g.Metric == GoalMetric.OnetAboveNational ? a > g.Target : a >= g.Target;
            return new GoalDto(g.Id, g.AcademicYear, g.Metric, g.Title, g.Target, actual, computed, met);
        }).ToList();
        var centres = (await db.AcademicCentres.AsNoTracking().Where(c => c.NetworkId == id)
                .Select(c => new { c.Id, c.Subject, c.School!.Code, c.School.Name, Supervisor = c.Supervisor == null ? null : c.Supervisor.Title + c.Supervisor.FirstName + " " + c.Supervisor.LastName })
                .ToListAsync(ct))
            .OrderBy(c => c.Subject).Select(c => new CentreDto(c.Id, c.Subject, c.Code, c.Name, c.Supervisor)).ToList();
        var supervisors = (await db.NetworkSupervisors.AsNoTracking().Where(s => s.NetworkId == id)
                .Select(s => new { s.Id, s.Person!.Title, s.Person.FirstName, s.Person.LastName, Division = s.Person.Division == null ? null : s.Person.Division.Name }).ToListAsync(ct))
            .Select(s => new SupervisorDto(s.Id, $"{s.Title}{s.FirstName} {s.LastName}", s.Division)).OrderBy(s => s.Name, ThaiText.Comparer).ToList();
        var meetings = (await db.NetworkMeetings.AsNoTracking().Include(m => m.Attendance).Where(m => m.NetworkId == id).OrderByDescending(m => m.Date).ToListAsync(ct));
        var schoolCodes = await db.Schools.AsNoTracking().Where(s => s.AreaId == areaId).Select(s => new { s.Id, s.Code }).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var meetingRows = meetings.Select(m => new MeetingDto(m.Id, m.Date, m.Place, m.Agenda, m.Minutes,
            [.. m.Attendance.Where(a => a.SchoolId is { } s && schoolCodes.ContainsKey(s)).Select(a => schoolCodes[a.SchoolId!.Value])],
            [.. m.Attendance.Select(a => a.Name).Order(ThaiText.Comparer)], m.Version)).ToList();
        var onetTable = await onet.YearAsync(areaId, onetYear, level, id, ct);
        return new NetworkDetailDto(n.Id, n.Name, n.Chair, n.Secretary, n.Goals, n.Version, members, roles, goalRows, centres, supervisors, meetingRows, onetTable);
    }
}
