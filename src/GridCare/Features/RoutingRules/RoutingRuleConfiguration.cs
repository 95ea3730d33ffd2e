using GridCare.Domain.Organization;
using GridCare.Domain.RoutingRules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.RoutingRules;

public sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("RoutingRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Team).HasMaxLength(RoutingRule.MaxTeamLength).IsRequired();
        builder.Ignore(r => r.Specificity);
        builder.Ignore(r => r.Definition);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrgUnitId, r.Type });
    }
}

public sealed class RoutingRuleChangeConfiguration : IEntityTypeConfiguration<RoutingRuleChange>
{
    public void Configure(EntityTypeBuilder<RoutingRuleChange> builder)
    {
        builder.ToTable("RoutingRuleChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Actor).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Detail).HasMaxLength(1000).IsRequired();
        builder.HasIndex(c => c.RuleId);
        builder.HasIndex(c => new { c.OrgUnitId, c.At });
    }
}
