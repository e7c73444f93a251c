using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Supervision;

namespace Phatthana.Web.Data.Configurations;

public sealed class SupervisionVisitConfiguration : IEntityTypeConfiguration<SupervisionVisit>
{
    public void Configure(EntityTypeBuilder<SupervisionVisit> b)
    {
        b.Property(x => x.SupervisorUserId).HasMaxLength(450);
        b.Property(x => x.SupervisorName).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Topic).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Findings).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Recommendations).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.FollowUpNote).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.RecordedBy).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.AcademicYear, x.Semester });
        b.HasIndex(x => new { x.SchoolId, x.VisitedOn });
        b.HasIndex(x => x.SupervisorUserId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // The name stays on the visit when an account is removed.
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.SupervisorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
