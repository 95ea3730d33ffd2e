using GridCare.Domain.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Warnings;

public sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> builder)
    {
        builder.ToTable("Warnings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.SubjectCode).HasMaxLength(64).IsRequired();
        builder.Property(w => w.TransformerCode).HasMaxLength(64).IsRequired();
        builder.Property(w => w.Evidence).HasMaxLength(4000).IsRequired();
        builder.Property(w => w.WorkOrderNumber).HasMaxLength(32);
        builder.Property(w => w.ClosedBy).HasMaxLength(100);
        builder.Ignore(w => w.IsActive);

        // One active warning per rule and subject, even when two instances evaluate the same day at once (the later
        // save fails and its worker tries again); the list filters units by status, newest first; a work order's
        // evidence finds the warnings of its transformer.
        builder.HasIndex(w => new { w.SubjectCode, w.Rule }).IsUnique().HasFilter("\"Status\" <> 'Cleared'");
        builder.HasIndex(w => new { w.OrgUnitId, w.Status, w.LastSeenOn });
        builder.HasIndex(w => new { w.TransformerCode, w.LastSeenOn });
    }
}

public sealed class ProactiveOrderSettingConfiguration : IEntityTypeConfiguration<ProactiveOrderSetting>
{
    public void Configure(EntityTypeBuilder<ProactiveOrderSetting> builder)
    {
        builder.ToTable("ProactiveOrderSettings");
        builder.HasKey(s => s.OrgUnitId);
        builder.Property(s => s.OrgUnitId).ValueGeneratedNever();
        builder.Property(s => s.UpdatedBy).HasMaxLength(100).IsRequired();
    }
}
