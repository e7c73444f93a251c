using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Data.Configurations;

public sealed class StaffingRuleSetConfiguration : IEntityTypeConfiguration<StaffingRuleSet>
{
    /// <summary>The criteria document as stored: enum names, not numbers, so the JSON reads on its own.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<StaffingRuleSet> b)
    {
        b.ToTable("StaffingRuleSets");
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Reference).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => x.EffectiveFromYear).IsUnique();
        b.Property(x => x.Criteria)
            .HasConversion(
                c => JsonSerializer.Serialize(c, Json),
                s => JsonSerializer.Deserialize<StaffingCriteria>(s, Json) ?? StaffingCriteria.Default,
                new ValueComparer<StaffingCriteria>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    c => JsonSerializer.Serialize(c, Json).GetHashCode(),
                    c => JsonSerializer.Deserialize<StaffingCriteria>(JsonSerializer.Serialize(c, Json), Json)!))
            .HasMaxLength(DataSchema.TextLength);
    }
}

public sealed class SubjectNeedConfiguration : IEntityTypeConfiguration<SubjectNeed>
{
    public void Configure(EntityTypeBuilder<SubjectNeed> b)
    {
        b.HasKey(x => new { x.SchoolId, x.AcademicYear, x.SubjectArea });
        b.Property(x => x.Note).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.AcademicYear });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
