using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Web.Data.Configurations;

public sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> b)
    {
        b.Property(x => x.Code).HasMaxLength(DataSchema.CodeLength);
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Description).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => new { x.AreaId, x.Group, x.Code }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DevelopmentTopicConfiguration : IEntityTypeConfiguration<DevelopmentTopic>
{
    public void Configure(EntityTypeBuilder<DevelopmentTopic> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.Group, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IdPlanConfiguration : IEntityTypeConfiguration<IdPlan>
{
    public void Configure(EntityTypeBuilder<IdPlan> b)
    {
        b.Property(x => x.Goal).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.DecidedBy).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.ReturnComment).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => new { x.PersonId, x.FiscalYear }).IsUnique();
        b.HasIndex(x => new { x.AreaId, x.FiscalYear, x.Status });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        // The lines are the plan's own: replaced with it, removed with it (the use case removes them, so it is audited).
        b.HasMany(x => x.Competencies).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IdPlanCompetencyConfiguration : IEntityTypeConfiguration<IdPlanCompetency>
{
    public void Configure(EntityTypeBuilder<IdPlanCompetency> b)
    {
        b.HasIndex(x => new { x.PlanId, x.CompetencyId }).IsUnique();
        b.HasIndex(x => x.CompetencyId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Competency).WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IdPlanNeedConfiguration : IEntityTypeConfiguration<IdPlanNeed>
{
    public void Configure(EntityTypeBuilder<IdPlanNeed> b)
    {
        b.Property(x => x.ExpectedOutcome).HasMaxLength(DataSchema.TextLength);
        b.PrimitiveCollection(x => x.Methods).ElementType().HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.PlanId, x.TopicId }).IsUnique();
        b.HasIndex(x => x.TopicId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NeedsSurveyConfiguration : IEntityTypeConfiguration<NeedsSurvey>
{
    public void Configure(EntityTypeBuilder<NeedsSurvey> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.PrimitiveCollection(x => x.TargetPositions).ElementType().HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.AreaId, x.FiscalYear });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NeedResponseConfiguration : IEntityTypeConfiguration<NeedResponse>
{
    public void Configure(EntityTypeBuilder<NeedResponse> b)
    {
        b.PrimitiveCollection(x => x.Methods).ElementType().HasConversion<string>().HasMaxLength(40);
        b.HasIndex(x => new { x.SurveyId, x.PersonId, x.TopicId }).IsUnique();
        b.HasIndex(x => x.PersonId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NeedsSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DevelopmentTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}
