using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;

namespace Phatthana.Web.Data.Configurations;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.NationalId).HasMaxLength(DataSchema.NationalIdLength);
        b.Property(x => x.Title).HasMaxLength(DataSchema.TitleLength);
        b.Property(x => x.FirstName).HasMaxLength(PersonRules.NameMaxLength);
        b.Property(x => x.LastName).HasMaxLength(PersonRules.NameMaxLength);
        b.PrimitiveCollection(x => x.TeachingSubjectAreas).ElementType().HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.AreaId, x.NationalId }).IsUnique();
        // The list's default order and its first page on a large registry.
        b.HasIndex(x => new { x.AreaId, x.FirstName, x.LastName });
        // The list filtered to one school: its count and first page read this index alone, not the whole registry.
        b.HasIndex(x => new { x.AreaId, x.SchoolId, x.FirstName });
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasIndex(x => new { x.AreaId, x.Status });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Division).WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.FullName);
    }
}

public sealed class PersonHistoryConfiguration : IEntityTypeConfiguration<PersonHistory>
{
    public void Configure(EntityTypeBuilder<PersonHistory> b)
    {
        b.ToTable("PersonHistory");
        b.Property(x => x.Workplace).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Note).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.PersonId, x.EffectiveDate });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.Property(x => x.PositionNumber).HasMaxLength(DataSchema.CodeLength);
        // Unique within a school here; the use case keeps it unique within the area, and the data-quality page finds
        // any number that two schools still share (one post, two occupants).
        b.HasIndex(x => new { x.SchoolId, x.PositionNumber }).IsUnique();
        b.HasIndex(x => new { x.AreaId, x.PositionNumber });
        b.HasIndex(x => x.OccupantId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Occupant).WithMany().HasForeignKey(x => x.OccupantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<Features.Imports.ImportJob>
{
    public void Configure(EntityTypeBuilder<Features.Imports.ImportJob> b)
    {
        b.Property(x => x.FileName).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.Phase).HasMaxLength(DataSchema.ShortNameLength);
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.AreaId, x.CreatedAt });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
