using GridCare.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Classification;

public sealed class ClassificationCorrectionConfiguration : IEntityTypeConfiguration<ClassificationCorrection>
{
    public void Configure(EntityTypeBuilder<ClassificationCorrection> builder)
    {
        builder.ToTable("ClassificationCorrections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Text).HasMaxLength(ClassificationCorrection.TextMaxLength).IsRequired();
        builder.Property(c => c.WorkOrderNumber).HasMaxLength(32);
        builder.Property(c => c.ModelVersion).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Actor).HasMaxLength(256).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);

        // Training reads them all; the console lists the latest of a scope.
        builder.HasIndex(c => new { c.OrgUnitId, c.AtUtc });
    }
}
