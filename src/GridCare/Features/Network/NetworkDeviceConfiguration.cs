using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Network;

public sealed class NetworkDeviceConfiguration : IEntityTypeConfiguration<NetworkDevice>
{
    public void Configure(EntityTypeBuilder<NetworkDevice> builder)
    {
        builder.ToTable("NetworkDevices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.ParentId);
        builder.HasIndex(d => new { d.Kind, d.OrgUnitId });
        builder.HasOne(d => d.Parent).WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
