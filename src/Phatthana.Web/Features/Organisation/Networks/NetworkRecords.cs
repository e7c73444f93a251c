using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Features.Organisation.Networks;

/// <summary>
/// A school's membership of a network over a span of dates (inclusive; <see cref="To"/> null = still a member). A school
/// is in at most one network on any day. <see cref="School.NetworkId"/> is the membership of today, kept in step by
/// <see cref="NetworkMemberships"/> alone. <see cref="From"/> is null only for memberships that existed before the
/// history was kept (the migration's rows: "since before records").
/// </summary>
public sealed class NetworkMembership : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NetworkId { get; set; }
    public SchoolNetwork? Network { get; set; }
    public Guid SchoolId { get; set; }
    public School? School { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || To >= day);
}

public enum NetworkRoleKind { Chair, Committee, Secretary }

/// <summary>ประธาน / กรรมการ / เลขานุการ of a network for a span of dates: a person of the registry, a school (its director's
/// seat), or a name typed in for someone from outside the registry.</summary>
public sealed class NetworkRole : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NetworkId { get; set; }
    public NetworkRoleKind Role { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? SchoolId { get; set; }
    /// <summary>The holder's name as it was when saved (a person or school may be renamed or removed later).</summary>
    public required string Name { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>What a goal measures. The O-NET ones are computed from the imported results; the others are entered.</summary>
public enum GoalMetric { OnetAboveNational, OnetGain, QaPassed, Other }

/// <summary>เป้าหมายของเครือข่าย for one academic year: a metric and its target (and, for entered metrics, the result).</summary>
public sealed class NetworkGoal : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NetworkId { get; set; }
    /// <summary>ปีการศึกษา (พ.ศ.).</summary>
    public int AcademicYear { get; set; }
    public GoalMetric Metric { get; set; }
    public required string Title { get; set; }
    public decimal Target { get; set; }
    /// <summary>The result entered by staff; O-NET goals ignore it and compute their own.</summary>
    public decimal? Actual { get; set; }
}

/// <summary>ศูนย์วิชาการ (ศูนย์พัฒนากลุ่มสาระ) of a network: a subject area hosted at a member school, with the supervisor
/// (ศึกษานิเทศก์) responsible for it.</summary>
public sealed class AcademicCentre : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NetworkId { get; set; }
    public SubjectArea Subject { get; set; }
    public Guid SchoolId { get; set; }
    public School? School { get; set; }
    public Guid? SupervisorId { get; set; }
    public Person? Supervisor { get; set; }
}

/// <summary>A supervisor (ศึกษานิเทศก์ of the registry) assigned to a network.</summary>
public sealed class NetworkSupervisor : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NetworkId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>การประชุมเครือข่าย: when and where, the agenda, the minutes, and who attended.</summary>
public sealed class NetworkMeeting : IAreaOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid NetworkId { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }
    public required string Agenda { get; set; }
    public string? Minutes { get; set; }
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>One attendee of a meeting: a school (its representative) or a person of the registry.</summary>
public sealed class MeetingAttendance
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid? PersonId { get; set; }
    public required string Name { get; set; }
}
