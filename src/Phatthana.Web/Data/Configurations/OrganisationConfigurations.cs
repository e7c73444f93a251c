using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Data.Configurations;

public sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> b)
    {
        b.Property(x => x.Code).HasMaxLength(DataSchema.CodeLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Province).HasMaxLength(DataSchema.ShortNameLength);
    }
}

public sealed class AreaLogoConfiguration : IEntityTypeConfiguration<AreaLogo>
{
    public void Configure(EntityTypeBuilder<AreaLogo> b)
    {
        b.HasKey(x => x.AreaId);
        b.Property(x => x.ContentType).HasMaxLength(DataSchema.CodeLength);
        b.HasOne<Area>().WithOne().HasForeignKey<AreaLogo>(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> b)
    {
        b.Property(x => x.Name).HasMaxLength(Division.NameMaxLength);
        b.HasIndex(x => new { x.AreaId, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> b)
    {
        b.Property(x => x.Name).HasMaxLength(District.NameMaxLength);
        b.HasIndex(x => new { x.AreaId, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SchoolNetworkConfiguration : IEntityTypeConfiguration<SchoolNetwork>
{
    public void Configure(EntityTypeBuilder<SchoolNetwork> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Chair).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Secretary).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Goals).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => new { x.AreaId, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(x => x.Code).HasMaxLength(DataSchema.SchoolCodeLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.SmisCode).HasMaxLength(DataSchema.SmisCodeLength);
        b.HasIndex(x => x.SmisCode).IsUnique();
        b.Property(x => x.ObecCode).HasMaxLength(DataSchema.ObecCodeLength);
        b.HasIndex(x => x.ObecCode).IsUnique();
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.Name });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Network).WithMany().HasForeignKey(x => x.NetworkId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class StudentCountConfiguration : IEntityTypeConfiguration<StudentCount>
{
    public void Configure(EntityTypeBuilder<StudentCount> b)
    {
        b.HasKey(x => new { x.SchoolId, x.AcademicYear, x.Grade });
        b.HasIndex(x => new { x.AreaId, x.AcademicYear });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
