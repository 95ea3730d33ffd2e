using GridCare.Domain.RepairGuidance;
using GridCare.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.RepairGuidance;

public sealed class GuidanceSessionConfiguration : IEntityTypeConfiguration<GuidanceSession>
{
    public void Configure(EntityTypeBuilder<GuidanceSession> builder)
    {
        builder.ToTable("GuidanceSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ProcedureCode).HasMaxLength(64).IsRequired();
        builder.Property(s => s.StartedBy).HasMaxLength(100).IsRequired();
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(s => s.WorkOrderId).OnDelete(DeleteBehavior.Cascade);

        // One procedure per order: two phones starting at once cannot both create one.
        builder.HasIndex(s => s.WorkOrderId).IsUnique();
    }
}

public sealed class GuidanceStepConfiguration : IEntityTypeConfiguration<GuidanceStep>
{
    public void Configure(EntityTypeBuilder<GuidanceStep> builder)
    {
        builder.ToTable("GuidanceSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ProcedureCode).HasMaxLength(64).IsRequired();
        builder.Property(s => s.StepId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Property(s => s.CrewMember).HasMaxLength(100).IsRequired();
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(s => s.WorkOrderId).OnDelete(DeleteBehavior.Cascade);

        // The readings and photo ids are small value lists read with the step: JSON columns.
        builder.OwnsMany(s => s.Readings, r =>
        {
            r.ToJson();
            r.Property(x => x.MeasurementId).HasMaxLength(64);
        });
        builder.Navigation(s => s.Readings).HasField("readings").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(s => s.PhotoIds).HasField("photoIds").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The phone's id is the idempotency key: a replayed step violates this index instead of being stored twice,
        // whichever app instance the replay reaches.
        builder.HasIndex(s => new { s.WorkOrderId, s.ClientId }).IsUnique();
    }
}

public sealed class GuidanceMessageConfiguration : IEntityTypeConfiguration<GuidanceMessage>
{
    public void Configure(EntityTypeBuilder<GuidanceMessage> builder)
    {
        builder.ToTable("GuidanceMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Author).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(1000).IsRequired();
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(m => m.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.WorkOrderId, m.SentAt });
    }
}
