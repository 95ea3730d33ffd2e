using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Knowledge;

public sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20_000;
    public const int TagsMaxLength = 500;

    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Slug).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Tags).HasMaxLength(TagsMaxLength).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(100).IsRequired();
        builder.Property(a => a.TitleZh).HasMaxLength(TitleMaxLength).IsRequired();
        builder.Property(a => a.TitleEn).HasMaxLength(TitleMaxLength).IsRequired();
        builder.Property(a => a.BodyZh).HasMaxLength(BodyMaxLength).IsRequired();
        builder.Property(a => a.BodyEn).HasMaxLength(BodyMaxLength).IsRequired();
        builder.Property(a => a.UpdatedBy).HasMaxLength(100).IsRequired();

        // Two editors saving the same version: the second save fails instead of silently replacing the first.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => new { a.Archived, a.ReviewOn });
    }
}

public sealed class KnowledgeArticleVersionConfiguration : IEntityTypeConfiguration<KnowledgeArticleVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleVersion> builder)
    {
        builder.ToTable("KnowledgeArticleVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Tags).HasMaxLength(KnowledgeArticleConfiguration.TagsMaxLength).IsRequired();
        builder.Property(v => v.Owner).HasMaxLength(100).IsRequired();
        builder.Property(v => v.TitleZh).HasMaxLength(KnowledgeArticleConfiguration.TitleMaxLength).IsRequired();
        builder.Property(v => v.TitleEn).HasMaxLength(KnowledgeArticleConfiguration.TitleMaxLength).IsRequired();
        builder.Property(v => v.BodyZh).HasMaxLength(KnowledgeArticleConfiguration.BodyMaxLength).IsRequired();
        builder.Property(v => v.BodyEn).HasMaxLength(KnowledgeArticleConfiguration.BodyMaxLength).IsRequired();
        builder.Property(v => v.SavedBy).HasMaxLength(100).IsRequired();
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ArticleId, v.Version }).IsUnique();
    }
}

public sealed class KnowledgeDeflectionConfiguration : IEntityTypeConfiguration<KnowledgeDeflection>
{
    public void Configure(EntityTypeBuilder<KnowledgeDeflection> builder)
    {
        builder.ToTable("KnowledgeDeflections");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.FormId).HasMaxLength(32).IsRequired();
        builder.Property(d => d.ArticleSlug).HasMaxLength(40).IsRequired();
        builder.HasIndex(d => d.FormId).IsUnique();
        builder.HasIndex(d => d.ReadAtUtc);
    }
}
