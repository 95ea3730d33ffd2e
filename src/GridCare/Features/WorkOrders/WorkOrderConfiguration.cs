using GridCare.Domain.Customers;
using GridCare.Domain.Organization;
using GridCare.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.WorkOrders;

public sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public const string WorkOrderVersion = "Version";

    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.ToTable("WorkOrders");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Number).HasMaxLength(32).IsRequired();
        builder.HasIndex(w => w.Number).IsUnique();
        builder.Property(w => w.ExternalId).HasMaxLength(128);
        builder.Property(w => w.Team).HasMaxLength(64);
        builder.Property(w => w.CauseCode).HasMaxLength(64);
        builder.Property(w => w.ResolutionCode).HasMaxLength(64);
        builder.Property(w => w.CancelReason).HasMaxLength(500);
        builder.Property(w => w.RevisitComment).HasMaxLength(2000);
        builder.Property(w => w.SlaPolicyName).HasMaxLength(100);
        builder.Property(w => w.MergedIntoNumber).HasMaxLength(32);
        builder.Ignore(w => w.IsOpen);

        // Optimistic concurrency: every save bumps the version (AppDbContext), so two scanners or a scanner and a
        // dispatcher never both apply a change read from the same state.
        builder.Property<int>(WorkOrderVersion).IsConcurrencyToken();
        builder.Ignore(w => w.IsClockPaused);

        builder.PrimitiveCollection(w => w.CandidateCustomerIds).HasField("candidateCustomerIds").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The targets the order was timed by and its pauses are small value lists read with the order: JSON columns.
        builder.OwnsMany(w => w.SlaTargets, t =>
        {
            t.ToJson("SlaTargets");
            t.Property(x => x.Kind);
            t.Property(x => x.Clock);
            t.Property(x => x.Amount);
            t.Property(x => x.StartsAt);
        });
        builder.Navigation(w => w.SlaTargets).HasField("slaTargets").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(w => w.Pauses, p =>
        {
            p.ToJson("Pauses");
            p.Property(x => x.StartUtc);
            p.Property(x => x.EndUtc);
        });
        builder.Navigation(w => w.Pauses).HasField("pauses").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(w => w.Entries).WithOne().HasForeignKey("WorkOrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Entries).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(w => w.History).WithOne().HasForeignKey("WorkOrderId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(w => w.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(w => w.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The breach scanner polls NextSlaDeadlineAt and NextSlaWarningAt, and re-times open orders (by status) of an
        // older settings revision; boards list open orders of units by status; repeat detection looks for an open
        // order of the same customer and type.
        builder.HasIndex(w => w.NextSlaDeadlineAt);
        builder.HasIndex(w => w.NextSlaWarningAt);
        builder.HasIndex(w => new { w.Status, w.SlaSettingsRevision });
        builder.HasIndex(w => new { w.OrgUnitId, w.Status });
        builder.HasIndex(w => new { w.CustomerId, w.Type, w.Status });
    }
}

public sealed class WorkOrderEntryConfiguration : IEntityTypeConfiguration<WorkOrderEntry>
{
    public void Configure(EntityTypeBuilder<WorkOrderEntry> builder)
    {
        builder.ToTable("WorkOrderEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(8000).IsRequired();
    }
}

public sealed class WorkOrderChangeConfiguration : IEntityTypeConfiguration<WorkOrderChange>
{
    public void Configure(EntityTypeBuilder<WorkOrderChange> builder)
    {
        builder.ToTable("WorkOrderChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Detail).HasMaxLength(2000);
    }
}

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ExternalId).HasMaxLength(128).IsRequired();
        builder.Property(c => c.AccountNumber).HasMaxLength(32);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.MeterNumber).HasMaxLength(64);
        builder.Property(c => c.Text).HasMaxLength(8000).IsRequired();

        // A retried message from a channel must never make a second order (STYLE.md rule 7). The message id leads,
        // so that intake looks up a whole batch's ids, of whatever channels, with one probe each.
        builder.HasIndex(c => new { c.ExternalId, c.Channel }).IsUnique();
        builder.HasIndex(c => c.WorkOrderId);
        builder.HasOne(c => c.Order).WithMany().HasForeignKey(c => c.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OutageId);
    }
}

/// <summary>The last sequence number given out per prefix and China date; numbers never repeat within a bureau and day.</summary>
public sealed class WorkOrderCounter
{
    public string Prefix { get; set; } = string.Empty;

    public string Day { get; set; } = string.Empty;

    public int Last { get; set; }
}

public sealed class WorkOrderCounterConfiguration : IEntityTypeConfiguration<WorkOrderCounter>
{
    public void Configure(EntityTypeBuilder<WorkOrderCounter> builder)
    {
        builder.ToTable("WorkOrderCounters");
        builder.HasKey(c => new { c.Prefix, c.Day });
        builder.Property(c => c.Prefix).HasMaxLength(8);
        builder.Property(c => c.Day).HasMaxLength(8);
    }
}
