using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Notifications;

namespace Phatthana.Web.Data.Configurations;

public sealed class NotificationEventConfiguration : IEntityTypeConfiguration<NotificationEvent>
{
    public void Configure(EntityTypeBuilder<NotificationEvent> b)
    {
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.RaisedBy).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.DedupeKey).HasMaxLength(200);
        b.Property(x => x.Problem).HasMaxLength(1000);
        // What a reminder records: raised once, whatever restarts or instances.
        b.HasIndex(x => x.DedupeKey).IsUnique();
        b.HasIndex(x => x.RaisedAt);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(DataSchema.TextLength);
        b.Property(x => x.Link).HasMaxLength(500);
        b.HasOne<NotificationEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UserId, x.ReadAt, x.CreatedAt });
        b.HasIndex(x => new { x.UserId, x.DigestMailId });
    }
}

public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("OutboxMails");
        b.Property(x => x.To).HasMaxLength(DataSchema.EmailLength);
        b.Property(x => x.ToName).HasMaxLength(DataSchema.NameLength);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(20_000);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne<NotificationEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.UserId, x.IsDigest, x.CreatedAt });
    }
}
