using GridCare.Domain.Customers;
using GridCare.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Surveys;

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("Surveys");
        builder.HasKey(s => s.Id);
        foreach (var text in new[] { nameof(Survey.TitleZh), nameof(Survey.TitleEn) })
        {
            builder.Property<string>(text).HasMaxLength(EditSurvey.MaxTitle).IsRequired();
        }

        foreach (var text in new[] { nameof(Survey.CsatQuestionZh), nameof(Survey.CsatQuestionEn), nameof(Survey.NpsQuestionZh), nameof(Survey.NpsQuestionEn), nameof(Survey.CommentPromptZh), nameof(Survey.CommentPromptEn) })
        {
            builder.Property<string?>(text).HasMaxLength(EditSurvey.MaxQuestion);
        }

        builder.Property(s => s.UpdatedBy).HasMaxLength(100).IsRequired();
        builder.Ignore(s => s.AsksCsat);
        builder.Ignore(s => s.AsksNps);
        builder.Ignore(s => s.AsksComment);
    }
}

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("SurveyInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Comment).HasMaxLength(AnswerSurvey.MaxComment);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);

        // The link finds its invitation by the token's hash; a campaign invites a customer once; the indicators
        // read the answers of a period.
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.CampaignId, i.CustomerId }).IsUnique();
        builder.HasIndex(i => i.AnsweredAt);
    }
}
