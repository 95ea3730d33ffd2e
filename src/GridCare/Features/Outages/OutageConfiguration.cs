using GridCare.Domain.Customers;
using GridCare.Domain.Outages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Outages;

public sealed class OutageConfiguration : IEntityTypeConfiguration<Outage>
{
    public const string OutageVersion = "Version";

    public void Configure(EntityTypeBuilder<Outage> builder)
    {
        builder.ToTable("Outages");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.Area).HasMaxLength(300).IsRequired();
        builder.Property(o => o.Reason).HasMaxLength(500).IsRequired();
        builder.Property(o => o.PublishedBy).HasMaxLength(100);
        builder.Property(o => o.NoticeOverrideReason).HasMaxLength(500);
        builder.Property(o => o.CancelReason).HasMaxLength(500);
        builder.Property(o => o.RepairOrderNumber).HasMaxLength(32);
        builder.Ignore(o => o.IsCurrent);

        // A dispatcher's ETR change, a restoration step from power-on events and the reminder scanner may touch the
        // same outage at once; the loser re-reads instead of overwriting.
        builder.Property<int>(OutageVersion).IsConcurrencyToken();

        builder.PrimitiveCollection(o => o.SwitchedOffDeviceIds).HasField("switchedOffDeviceIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Customers).WithOne().HasForeignKey(c => c.OutageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Customers).HasField("customers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Steps).WithOne().HasForeignKey(s => s.OutageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Steps).HasField("steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(o => o.Entries).WithOne().HasForeignKey(e => e.OutageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Entries).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The board lists current outages; the scheduler finds cuts and reminders that are due.
        builder.HasIndex(o => new { o.Status, o.PlannedStart });
    }
}

public sealed class OutageCustomerConfiguration : IEntityTypeConfiguration<OutageCustomer>
{
    public void Configure(EntityTypeBuilder<OutageCustomer> builder)
    {
        builder.ToTable("OutageCustomers");
        builder.HasKey(c => c.Id);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // Intake, the portal and power-on events look a customer's current outage up by customer.
        builder.HasIndex(c => new { c.CustomerId, c.OutageId });
        builder.HasIndex(c => new { c.OutageId, c.CustomerId }).IsUnique();
    }
}

public sealed class OutageStepConfiguration : IEntityTypeConfiguration<OutageStep>
{
    public void Configure(EntityTypeBuilder<OutageStep> builder)
    {
        builder.ToTable("OutageSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Actor).HasMaxLength(100).IsRequired();
    }
}

public sealed class OutageEntryConfiguration : IEntityTypeConfiguration<OutageEntry>
{
    public void Configure(EntityTypeBuilder<OutageEntry> builder)
    {
        builder.ToTable("OutageEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(1000);
    }
}

public sealed class OutageSignalConfiguration : IEntityTypeConfiguration<OutageSignal>
{
    public void Configure(EntityTypeBuilder<OutageSignal> builder)
    {
        builder.ToTable("OutageSignals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ExternalId).HasMaxLength(128).IsRequired();
        builder.Property(s => s.Conclusion).HasMaxLength(300);
        builder.Ignore(s => s.IsLossOfSupply);

        // A retried batch is recognised by the sender's ids; detection takes the pending signals oldest first.
        builder.HasIndex(s => new { s.ExternalId, s.Source }).IsUnique();
        builder.HasIndex(s => new { s.State, s.ReceivedAt });
    }
}
