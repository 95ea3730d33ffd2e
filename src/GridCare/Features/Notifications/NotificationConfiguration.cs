using GridCare.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Notifications;

public sealed class NotificationMessageConfiguration : IEntityTypeConfiguration<NotificationMessage>
{
    public void Configure(EntityTypeBuilder<NotificationMessage> builder)
    {
        builder.ToTable("NotificationMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.EventKey).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Template).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Language).HasMaxLength(8).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.SubjectType).HasMaxLength(32);
        builder.Property(m => m.SubjectId).HasMaxLength(64);
        builder.Property(m => m.LeaseOwner).HasMaxLength(32);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Ignore(m => m.DeliveryId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // The idempotency key of the outbox; the dispatcher polls due pending rows; the outage page lists its
        // subject's messages and the customer page the customer's.
        builder.HasIndex(m => new { m.EventKey, m.CustomerId, m.Channel }).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.SubjectType, m.SubjectId });
        builder.HasIndex(m => new { m.CustomerId, m.CreatedAt });

        // The SMS reply webhook finds the last campaign message to a phone.
        builder.HasIndex(m => new { m.Recipient, m.CreatedAt });
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.CustomerId);
        builder.Property(p => p.CustomerId).ValueGeneratedNever();
        builder.Property(p => p.Channels).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.WeChatOpenId).HasMaxLength(64);
        builder.Property(p => p.AppUserId).HasMaxLength(64);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Language).HasMaxLength(8).IsRequired();
        builder.Property(p => p.UpdatedBy).HasMaxLength(100);
        builder.HasOne<Customer>().WithOne().HasForeignKey<NotificationPreference>(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
