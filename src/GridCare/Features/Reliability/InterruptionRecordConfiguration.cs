using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using GridCare.Domain.Reliability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Reliability;

public sealed class InterruptionRecordConfiguration : IEntityTypeConfiguration<InterruptionRecord>
{
    public void Configure(EntityTypeBuilder<InterruptionRecord> builder)
    {
        builder.ToTable("InterruptionRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EventKey).HasMaxLength(InterruptionRecord.EventKeyMaxLength).IsRequired();
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NetworkDevice>().WithMany().HasForeignKey(r => r.FeederId).OnDelete(DeleteBehavior.Restrict);

        // The indices read a period of the whole area (and the daily SAIDI history before it) by time, a unit's or
        // a feeder's period by scope then time; an outage restores its open rows; the customer key serves the FK.
        builder.HasIndex(r => r.InterruptedAt);
        builder.HasIndex(r => new { r.InterruptedOn, r.OrgUnitId, r.DurationSeconds }); // covers the daily SAIDI sums
        builder.HasIndex(r => new { r.OrgUnitId, r.InterruptedAt });
        builder.HasIndex(r => new { r.FeederId, r.InterruptedAt });
        builder.HasIndex(r => new { r.OutageId, r.RestoredAt });
        builder.HasIndex(r => r.CustomerId);
    }
}
