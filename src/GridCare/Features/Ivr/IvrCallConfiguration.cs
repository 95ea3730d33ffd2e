using GridCare.Domain.Customers;
using GridCare.Domain.Ivr;
using GridCare.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Ivr;

public sealed class IvrCallConfiguration : IEntityTypeConfiguration<IvrCall>
{
    public void Configure(EntityTypeBuilder<IvrCall> builder)
    {
        builder.ToTable("IvrCalls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CallId).HasMaxLength(128).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(32).IsRequired();
        builder.Property(c => c.AccountNumber).HasMaxLength(32);
        builder.Property(c => c.Said).HasMaxLength(4000);
        builder.Property(c => c.RecordedBy).HasMaxLength(100).IsRequired();

        // The call id is the IVR's idempotency key; the share report counts calls by day within org units.
        builder.HasIndex(c => c.CallId).IsUnique();
        builder.HasIndex(c => new { c.CallDay, c.OrgUnitId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
