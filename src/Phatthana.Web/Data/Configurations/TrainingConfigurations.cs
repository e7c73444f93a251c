using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Training;

namespace Phatthana.Web.Data.Configurations;

public sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(x => x.Code).HasMaxLength(DataSchema.CodeLength);
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Objectives).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Provider).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Hours).HasPrecision(7, 2);
        b.Property(x => x.PassPercent).HasPrecision(5, 2);
        b.Property(x => x.CostPerPerson).HasPrecision(12, 2);
        b.PrimitiveCollection(x => x.TargetPositions).ElementType().HasConversion<string>().HasMaxLength(40);
        b.PrimitiveCollection(x => x.TargetSubjectAreas).ElementType().HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.AreaId, x.Code }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        // A topic courses answer is retired, never deleted, while they name it.
        b.HasOne<Features.Development.DevelopmentTopic>().WithMany().HasForeignKey(x => x.NeedTopicId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.ToTable("TrainingSessions");
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Venue).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Trainers).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.ResultsApprovedBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.ResultsReopenReason).HasMaxLength(DataSchema.NameLength);
        b.Ignore(x => x.DayCount);
        b.HasIndex(x => new { x.AreaId, x.StartDate });
        b.HasIndex(x => x.CourseId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(x => x.RegisteredBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.OverrideReason).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Hours).HasPrecision(7, 2);
        b.Property(x => x.PreTest).HasPrecision(5, 2);
        b.Property(x => x.PostTest).HasPrecision(5, 2);
        b.PrimitiveCollection(x => x.DaysAttended);
        b.Property(x => x.CertificateNumber).HasMaxLength(DataSchema.CodeLength * 2);
        b.Property(x => x.CertificateCode).HasMaxLength(DataSchema.CodeLength * 2);
        b.HasIndex(x => new { x.SessionId, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.SessionId, x.Status, x.RequestedAt });
        b.HasIndex(x => x.PersonId);
        b.HasIndex(x => x.CertificateCode).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ExternalCompletionConfiguration : IEntityTypeConfiguration<ExternalCompletion>
{
    public void Configure(EntityTypeBuilder<ExternalCompletion> b)
    {
        b.Property(x => x.Source).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.Title).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Hours).HasPrecision(7, 2);
        b.Property(x => x.Cost).HasPrecision(12, 2);
        b.HasIndex(x => new { x.PersonId, x.CompletedOn });
        // The import's key: the same completion imported again is updated, never added twice.
        b.HasIndex(x => new { x.PersonId, x.Source, x.Title, x.CompletedOn }).IsUnique();
        b.HasIndex(x => new { x.AreaId, x.CompletedOn });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TrainingSettingsConfiguration : IEntityTypeConfiguration<TrainingSettings>
{
    public void Configure(EntityTypeBuilder<TrainingSettings> b)
    {
        b.Property(x => x.RequiredHoursPerYear).HasPrecision(7, 2);
        b.Property(x => x.CouponPerPerson).HasPrecision(12, 2);
        b.HasKey(x => x.AreaId);
        b.HasOne<Area>().WithOne().HasForeignKey<TrainingSettings>(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
