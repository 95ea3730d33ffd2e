using GridCare.Domain.Customers;
using GridCare.Domain.Organization;
using GridCare.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Campaigns;

public sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Audience).IsRequired();
        builder.Property(c => c.SubjectZh).HasMaxLength(CreateCampaign.MaxSubject);
        builder.Property(c => c.SubjectEn).HasMaxLength(CreateCampaign.MaxSubject);
        builder.Property(c => c.TextZh).HasMaxLength(CreateCampaign.MaxText);
        builder.Property(c => c.TextEn).HasMaxLength(CreateCampaign.MaxText);
        builder.Property(c => c.CreatedBy).HasMaxLength(100).IsRequired();
        builder.Property(c => c.SentBy).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.EventKey);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Survey>().WithMany().HasForeignKey(c => c.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrgUnitId, c.CreatedAt });
    }
}

public sealed class CampaignResponseConfiguration : IEntityTypeConfiguration<CampaignResponse>
{
    public void Configure(EntityTypeBuilder<CampaignResponse> builder)
    {
        builder.ToTable("CampaignResponses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Text).HasMaxLength(RecordSmsReply.MaxText).IsRequired();
        builder.Property(r => r.ReplyId).HasMaxLength(64);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CampaignId, r.Kind });
        builder.HasIndex(r => r.ReplyId).IsUnique();
    }
}

/// <summary>The campaign and survey tables, added to the model in one place.</summary>
public static class CampaignModel
{
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ApplyConfiguration(new CampaignConfiguration());
        builder.ApplyConfiguration(new CampaignResponseConfiguration());
        builder.ApplyConfiguration(new SurveyConfiguration());
        builder.ApplyConfiguration(new SurveyInvitationConfiguration());
    }
}
