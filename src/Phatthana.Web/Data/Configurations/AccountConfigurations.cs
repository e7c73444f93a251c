using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.NationalId).HasMaxLength(DataSchema.NationalIdLength);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.AreaGrants).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UserAreaGrantConfiguration : IEntityTypeConfiguration<UserAreaGrant>
{
    public void Configure(EntityTypeBuilder<UserAreaGrant> b)
    {
        b.HasKey(x => new { x.UserId, x.AreaId });
        b.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(200);
        b.HasIndex(x => new { x.AreaId, x.At });
        b.HasIndex(x => new { x.Entity, x.EntityKey });
    }
}
