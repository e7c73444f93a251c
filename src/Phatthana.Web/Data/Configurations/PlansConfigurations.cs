using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Features.Plans;
using Phatthana.Web.Features.Training;

namespace Phatthana.Web.Data.Configurations;

public sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlan> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Description).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => new { x.AreaId, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlanStrategyConfiguration : IEntityTypeConfiguration<PlanStrategy>
{
    public void Configure(EntityTypeBuilder<PlanStrategy> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.TextLength);
        b.PrimitiveCollection(x => x.Alignment).ElementType().HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlanProjectConfiguration : IEntityTypeConfiguration<PlanProject>
{
    public void Configure(EntityTypeBuilder<PlanProject> b)
    {
        b.ToTable("PlanProjects");
        b.Property(x => x.Name).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Objectives).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Methods).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.TargetGroup).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.CheckNotes).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.ActNotes).HasMaxLength(DataSchema.TextLength);
        foreach (var money in new[] { nameof(PlanProject.BudgetPersonnel), nameof(PlanProject.BudgetOperations), nameof(PlanProject.BudgetInvestment),
                     nameof(PlanProject.BudgetSubsidy), nameof(PlanProject.BudgetOther) })
            b.Property<decimal>(money).HasPrecision(14, 2);
        b.Ignore(x => x.TotalBudget);
        b.PrimitiveCollection(x => x.Alignment).ElementType().HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.FiscalYear });
        b.HasIndex(x => x.StrategyId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanStrategy>().WithMany().HasForeignKey(x => x.StrategyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProjectActivityConfiguration : IEntityTypeConfiguration<ProjectActivity>
{
    public void Configure(EntityTypeBuilder<ProjectActivity> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Note).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProjectCourseConfiguration : IEntityTypeConfiguration<ProjectCourse>
{
    public void Configure(EntityTypeBuilder<ProjectCourse> b)
    {
        b.HasIndex(x => new { x.ProjectId, x.CourseId }).IsUnique();
        b.HasIndex(x => x.CourseId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Metric).HasMaxLength(DataSchema.ShortNameLength);
        b.HasIndex(x => x.PlanId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanStrategy>().WithMany().HasForeignKey(x => x.StrategyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> b)
    {
        b.Property(x => x.Target).HasPrecision(14, 2);
        b.HasIndex(x => new { x.KpiId, x.FiscalYear }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class KpiActualConfiguration : IEntityTypeConfiguration<KpiActual>
{
    public void Configure(EntityTypeBuilder<KpiActual> b)
    {
        b.Property(x => x.Value).HasPrecision(14, 2);
        b.Property(x => x.Note).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Evidence).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.EnteredBy).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.KpiId, x.FiscalYear, x.Half }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> b)
    {
        b.Property(x => x.Committed).HasPrecision(14, 2);
        b.Property(x => x.Disbursed).HasPrecision(14, 2);
        b.Property(x => x.Note).HasMaxLength(DataSchema.TextLength);
        b.HasIndex(x => new { x.ProjectId, x.Category, x.Month }).IsUnique();
        b.HasIndex(x => new { x.AreaId, x.Month });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DisbursementTargetConfiguration : IEntityTypeConfiguration<DisbursementTarget>
{
    public void Configure(EntityTypeBuilder<DisbursementTarget> b)
    {
        b.Property(x => x.Percent).HasPrecision(5, 2);
        b.HasIndex(x => new { x.AreaId, x.FiscalYear, x.Quarter }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AlignmentTagConfiguration : IEntityTypeConfiguration<AlignmentTag>
{
    public void Configure(EntityTypeBuilder<AlignmentTag> b)
    {
        b.Property(x => x.Source).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.Source, x.Name }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
