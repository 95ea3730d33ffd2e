using GridCare.Domain.Customers;
using GridCare.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Customers;

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.AccountNumber).HasMaxLength(32).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.IdNumber).HasMaxLength(32);
        builder.Property(c => c.Address).HasMaxLength(300).IsRequired();
        builder.Property(c => c.Tariff).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ContractedCapacityKva).HasPrecision(12, 2);
        builder.Property(c => c.ArrearsYuan).HasPrecision(12, 2);
        builder.Ignore(c => c.Arrears);
        builder.Ignore(c => c.ReconnectionStatus);
        builder.HasIndex(c => c.AccountNumber).IsUnique();

        // Search looks customers up by exact or prefix account number, phone and name, always within org units.
        // The name index carries the account number (the sort order of name results) and the org unit (the scope
        // filter), so counting and paging 20,000 people named 王 never touches the table.
        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => new { c.Name, c.AccountNumber, c.OrgUnitId });
        builder.HasIndex(c => c.ServicePointId);
        builder.HasIndex(c => new { c.OrgUnitId, c.AccountNumber });
        builder.HasOne(c => c.ServicePoint).WithMany().HasForeignKey(c => c.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
