using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Revisits;

public sealed class RevisitTaskConfiguration : IEntityTypeConfiguration<RevisitTask>
{
    public void Configure(EntityTypeBuilder<RevisitTask> builder)
    {
        builder.ToTable("RevisitTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.WorkOrderNumber).HasMaxLength(32).IsRequired();
        builder.Property(t => t.LinkTokenHash).HasMaxLength(64);
        builder.Property(t => t.Comment).HasMaxLength(2000);
        builder.Property(t => t.AnsweredBy).HasMaxLength(100);
        builder.Property(t => t.FollowUpOrderNumber).HasMaxLength(32);
        builder.Property(t => t.CancelReason).HasMaxLength(200);
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(t => t.WorkOrderId).OnDelete(DeleteBehavior.Cascade);

        // The queue lists open tasks of units by due time; a link finds its task by the token's hash; the
        // satisfaction results count answers by day and unit; the follow-up finds the open task of an order.
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => t.LinkTokenHash).IsUnique();
        builder.HasIndex(t => new { t.AnsweredOn, t.OrgUnitId });
        builder.HasIndex(t => new { t.WorkOrderId, t.Status });
    }
}
