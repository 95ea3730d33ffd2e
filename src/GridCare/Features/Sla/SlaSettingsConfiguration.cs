using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Sla;

public sealed class StoredSlaPolicyConfiguration : IEntityTypeConfiguration<StoredSlaPolicy>
{
    public void Configure(EntityTypeBuilder<StoredSlaPolicy> builder)
    {
        builder.ToTable("SlaPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.EnglishName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.CreatedBy).HasMaxLength(100).IsRequired();
        builder.Property(p => p.UpdatedBy).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Condition);

        // The targets are a small value list always read and replaced with the policy, as on the work order.
        builder.OwnsMany(p => p.Targets, t =>
        {
            t.ToJson("Targets");
            t.Property(x => x.Kind);
            t.Property(x => x.Clock);
            t.Property(x => x.Amount);
            t.Property(x => x.StartsAt);
        });
        builder.Navigation(p => p.Targets).HasField("targets").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class SlaSettingsStampConfiguration : IEntityTypeConfiguration<SlaSettingsStamp>
{
    public void Configure(EntityTypeBuilder<SlaSettingsStamp> builder)
    {
        builder.ToTable("SlaSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ChangedBy).HasMaxLength(100);

        // The row exists from the migration on, so an edit only ever updates it.
        builder.HasData(new { Id = SlaSettingsStamp.SingletonId, Revision = 0 });
    }
}

public sealed class SlaChangeConfiguration : IEntityTypeConfiguration<SlaChange>
{
    public void Configure(EntityTypeBuilder<SlaChange> builder)
    {
        builder.ToTable("SlaChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(100).IsRequired();
        builder.Property(c => c.SubjectKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(c => c.At);
    }
}
