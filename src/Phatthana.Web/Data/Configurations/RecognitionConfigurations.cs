using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Recognition;

namespace Phatthana.Web.Data.Configurations;

public sealed class AwardProgrammeConfiguration : IEntityTypeConfiguration<AwardProgramme>
{
    public void Configure(EntityTypeBuilder<AwardProgramme> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Description).HasMaxLength(DataSchema.TextLength);
        b.PrimitiveCollection(x => x.EligiblePositions).ElementType().HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.AreaId, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AwardCriterionConfiguration : IEntityTypeConfiguration<AwardCriterion>
{
    public void Configure(EntityTypeBuilder<AwardCriterion> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Weight).HasPrecision(6, 2);
        b.HasIndex(x => new { x.ProgrammeId, x.Number }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AwardProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AwardCommitteeMemberConfiguration : IEntityTypeConfiguration<AwardCommitteeMember>
{
    public void Configure(EntityTypeBuilder<AwardCommitteeMember> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Duty).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.ProgrammeId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AwardProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AwardSelectionConfiguration : IEntityTypeConfiguration<AwardSelection>
{
    public void Configure(EntityTypeBuilder<AwardSelection> b)
    {
        b.Property(x => x.Title).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.AnnouncedBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.Evaluation).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => new { x.ProgrammeId, x.Title }).IsUnique();
        b.HasIndex(x => new { x.AreaId, x.Year });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.Property(x => x.Statement).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.NominatedBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.Total).HasPrecision(7, 2);
        b.Property(x => x.CertificateNumber).HasMaxLength(DataSchema.CodeLength * 2);
        b.Property(x => x.CertificateCode).HasMaxLength(DataSchema.CodeLength);
        b.HasIndex(x => new { x.SelectionId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.CertificateCode).IsUnique();
        b.HasIndex(x => x.CertificateNumber).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Selection).WithMany().HasForeignKey(x => x.SelectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NominationEvidenceConfiguration : IEntityTypeConfiguration<NominationEvidence>
{
    public void Configure(EntityTypeBuilder<NominationEvidence> b)
    {
        b.ToTable("NominationEvidence");
        b.Property(x => x.FileName).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.ContentType).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.StoredName).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.AddedBy).HasMaxLength(DataSchema.EmailLength);
        b.HasIndex(x => x.NominationId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Nomination>().WithMany().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AwardScoreConfiguration : IEntityTypeConfiguration<AwardScore>
{
    public void Configure(EntityTypeBuilder<AwardScore> b)
    {
        b.Property(x => x.Score).HasPrecision(7, 2);
        b.HasIndex(x => new { x.NominationId, x.MemberId, x.CriterionId }).IsUnique();
        b.HasIndex(x => x.MemberId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Nomination>().WithMany().HasForeignKey(x => x.NominationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AwardCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AwardCommitteeMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
