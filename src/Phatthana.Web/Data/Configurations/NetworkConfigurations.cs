using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Onet;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Organisation.Networks;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Data.Configurations;

public sealed class NetworkMembershipConfiguration : IEntityTypeConfiguration<NetworkMembership>
{
    public void Configure(EntityTypeBuilder<NetworkMembership> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.From });
        b.HasIndex(x => new { x.NetworkId, x.From });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Network).WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NetworkRoleConfiguration : IEntityTypeConfiguration<NetworkRole>
{
    public void Configure(EntityTypeBuilder<NetworkRole> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.NetworkId, x.Role, x.From });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SchoolNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class NetworkGoalConfiguration : IEntityTypeConfiguration<NetworkGoal>
{
    public void Configure(EntityTypeBuilder<NetworkGoal> b)
    {
        b.Property(x => x.Title).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Target).HasPrecision(8, 2);
        b.Property(x => x.Actual).HasPrecision(8, 2);
        b.HasIndex(x => new { x.NetworkId, x.AcademicYear });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SchoolNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AcademicCentreConfiguration : IEntityTypeConfiguration<AcademicCentre>
{
    public void Configure(EntityTypeBuilder<AcademicCentre> b)
    {
        b.HasIndex(x => new { x.NetworkId, x.Subject }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SchoolNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Supervisor).WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class NetworkSupervisorConfiguration : IEntityTypeConfiguration<NetworkSupervisor>
{
    public void Configure(EntityTypeBuilder<NetworkSupervisor> b)
    {
        b.HasIndex(x => new { x.NetworkId, x.PersonId }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SchoolNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NetworkMeetingConfiguration : IEntityTypeConfiguration<NetworkMeeting>
{
    public void Configure(EntityTypeBuilder<NetworkMeeting> b)
    {
        b.Property(x => x.Place).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Agenda).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Minutes).HasMaxLength(DataSchema.TextLength * 4);
        b.HasIndex(x => new { x.NetworkId, x.Date });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SchoolNetwork>().WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class OnetScoreConfiguration : IEntityTypeConfiguration<OnetScore>
{
    public void Configure(EntityTypeBuilder<OnetScore> b)
    {
        b.Property(x => x.Score).HasPrecision(5, 2);
        b.HasIndex(x => new { x.AreaId, x.AcademicYear, x.Level });
        b.HasIndex(x => new { x.SchoolId, x.AcademicYear });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
