using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Web.Data.Configurations;

public sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    /// <summary>The framework document as stored: the pinned API's shape, camelCase.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() }, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Configure(EntityTypeBuilder<Framework> b)
    {
        b.Property(x => x.Code).HasMaxLength(DataSchema.CodeLength * 2);
        b.Property(x => x.Name).HasMaxLength(FrameworkDocument.NameLength);
        b.HasIndex(x => new { x.Code, x.Revision }).IsUnique();
        b.Property(x => x.Definition)
            .HasConversion(
                d => JsonSerializer.Serialize(d, Json),
                s => JsonSerializer.Deserialize<FrameworkDefinition>(s, Json) ?? FrameworkDefinition.Empty,
                new ValueComparer<FrameworkDefinition>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    d => JsonSerializer.Serialize(d, Json).GetHashCode(),
                    d => JsonSerializer.Deserialize<FrameworkDefinition>(JsonSerializer.Serialize(d, Json), Json)!));
    }
}

public sealed class AssessmentRoundConfiguration : IEntityTypeConfiguration<AssessmentRound>
{
    public void Configure(EntityTypeBuilder<AssessmentRound> b)
    {
        b.Property(x => x.Name).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.SubmittedBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.ReopenReason).HasMaxLength(DataSchema.NameLength);
        b.HasIndex(x => new { x.AreaId, x.StartDate });
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Framework).WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RoundIndicatorConfiguration : IEntityTypeConfiguration<RoundIndicator>
{
    public void Configure(EntityTypeBuilder<RoundIndicator> b)
    {
        b.Property(x => x.IndicatorKey).HasMaxLength(DataSchema.CodeLength);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.AssessorComment).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.AgreedReason).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.ReviewedBy).HasMaxLength(DataSchema.EmailLength);
        b.HasIndex(x => new { x.RoundId, x.IndicatorKey }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessmentRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ItemEntryConfiguration : IEntityTypeConfiguration<ItemEntry>
{
    public void Configure(EntityTypeBuilder<ItemEntry> b)
    {
        b.Property(x => x.IndicatorKey).HasMaxLength(DataSchema.CodeLength);
        foreach (var text in new[] { nameof(ItemEntry.Results), nameof(ItemEntry.SuccessFactors), nameof(ItemEntry.Problems), nameof(ItemEntry.Improvements),
                     nameof(ItemEntry.Approach), nameof(ItemEntry.ResultsUsedToImprove) })
            b.Property<string?>(text).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Evidence).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.RoundId, x.IndicatorKey, x.ItemNumber }).IsUnique();
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessmentRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.ToTable("Evidence");
        b.Property(x => x.Title).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.FileName).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.ContentType).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.StoredName).HasMaxLength(DataSchema.ShortNameLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Report).HasMaxLength(DataSchema.CodeLength * 2);
        b.Property(x => x.Parameters).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.AddedBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.RoundId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessmentRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ItemEvidenceConfiguration : IEntityTypeConfiguration<ItemEvidence>
{
    public void Configure(EntityTypeBuilder<ItemEvidence> b)
    {
        b.ToTable("ItemEvidence");
        b.HasIndex(x => new { x.EntryId, x.EvidenceId }).IsUnique();
        b.HasIndex(x => x.EvidenceId);
        b.HasOne<Area>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Evidence).WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}
