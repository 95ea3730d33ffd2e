using GridCare.Features.Segmentation;
using GridCare.Features.TariffAdvice;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.CustomerProfile;

/// <summary>The tables of customer insight (migration <c>CustomerInsight</c>): saved segments and tariff tables.</summary>
public static class CustomerInsightModel
{
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<CustomerSegment>(segment =>
        {
            segment.ToTable("CustomerSegments");
            segment.HasKey(s => s.CustomerId);
            segment.Property(s => s.CustomerId).ValueGeneratedNever();
            segment.Property(s => s.SavedBy).HasMaxLength(256);
        });
        builder.Entity<TariffTable>(tariff =>
        {
            tariff.ToTable("TariffTables");
            tariff.HasKey(t => t.Id);
            tariff.HasIndex(t => t.Code).IsUnique();
            tariff.Property(t => t.Code).HasMaxLength(32);
            tariff.Property(t => t.Name).HasMaxLength(100);
            tariff.Property(t => t.Categories).HasMaxLength(100);
            tariff.Property(t => t.Blocks).HasMaxLength(500);
            tariff.Property(t => t.Periods).HasMaxLength(1000);
            tariff.Property(t => t.Note).HasMaxLength(500);
            tariff.Property(t => t.UpdatedBy).HasMaxLength(256);
            tariff.Ignore(t => t.CategoryList);
            tariff.HasData(TariffDefaults.Rows);
        });
    }
}
