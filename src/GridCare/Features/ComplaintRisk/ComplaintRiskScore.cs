using GridCare.Analytics.ComplaintRisk;
using GridCare.Domain.Customers;
using GridCare.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.ComplaintRisk;

/// <summary>
/// The latest complaint-risk score of one customer or transformer: the probability of a complaint in the next 30
/// days, the reasons as JSON (feature key, value, contribution; rendered in words when shown), when and by which
/// model. A refresh replaces all scores of a level at once.
/// </summary>
public sealed class ComplaintRiskScore
{
    public long Id { get; set; }

    public RiskLevel Level { get; set; }

    /// <summary>Set for customer scores.</summary>
    public long? CustomerId { get; set; }

    /// <summary>The transformer (network device) scored, or the one supplying the customer.</summary>
    public long TransformerId { get; set; }

    public string TransformerCode { get; set; } = string.Empty;

    public int OrgUnitId { get; set; }

    public double Score { get; set; }

    /// <summary>1 for the riskiest subject of its level.</summary>
    public int Rank { get; set; }

    public string ReasonsJson { get; set; } = "[]";

    public DateTime ScoredAt { get; set; }

    public string ModelVersion { get; set; } = string.Empty;
}

public sealed class ComplaintRiskScoreConfiguration : IEntityTypeConfiguration<ComplaintRiskScore>
{
    public void Configure(EntityTypeBuilder<ComplaintRiskScore> builder)
    {
        builder.ToTable("ComplaintRiskScores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TransformerCode).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ReasonsJson).HasMaxLength(2000).IsRequired();
        builder.Property(s => s.ModelVersion).HasMaxLength(64).IsRequired();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // Lists read the riskiest of a level within units; the customer view reads one customer's score.
        builder.HasIndex(s => new { s.Level, s.Rank });
        builder.HasIndex(s => s.CustomerId);
    }
}
