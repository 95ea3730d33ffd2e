using System.Globalization;
using GridCare.Analytics.Knowledge;

namespace GridCare.Features.Knowledge.Pages;

/// <summary>The editor page's fields, bound by the form and sent as an <see cref="ArticleRequest"/>.</summary>
public sealed class ArticleForm
{
    public string Id { get; set; } = string.Empty;

    public KnowledgeCategory Category { get; set; }

    public KnowledgeAudience Audience { get; set; } = KnowledgeAudience.Public;

    public string TitleZh { get; set; } = string.Empty;

    public string BodyZh { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string BodyEn { get; set; } = string.Empty;

    public string Tags { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public string ReviewOn { get; set; } = string.Empty;

    public void Load(KnowledgeArticle a)
    {
        ArgumentNullException.ThrowIfNull(a);
        (Id, Category, Audience, TitleZh, BodyZh, TitleEn, BodyEn, Tags, Owner) = (a.Slug, a.Category, a.Audience, a.TitleZh, a.BodyZh, a.TitleEn, a.BodyEn, a.Tags, a.Owner);
        ReviewOn = a.ReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public ArticleRequest ToRequest(int? expectedVersion) =>
        new(Id, Category.ToString(), Audience.ToString(), Tags, Owner, ReviewOn, TitleZh, BodyZh, TitleEn, BodyEn, expectedVersion);
}
