using GridCare.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Attachments;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<WorkOrderAttachment>
{
    public const string WorkOrderId = "WorkOrderId";

    public void Configure(EntityTypeBuilder<WorkOrderAttachment> builder)
    {
        builder.ToTable("WorkOrderAttachments");
        builder.HasKey(a => a.Id);

        // The aggregate makes the id (its thread entry points at it), so EF must insert it, never generate it.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.UploadedBy).HasMaxLength(100).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<WorkOrder>().WithMany(w => w.Attachments).HasForeignKey(WorkOrderId).IsRequired().OnDelete(DeleteBehavior.Cascade);

        // Content is kept once per order: two uploads of the same photo that race past the aggregate's check meet here.
        builder.HasIndex(WorkOrderId, nameof(WorkOrderAttachment.Sha256)).IsUnique();
    }
}
