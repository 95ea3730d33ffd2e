using GridCare.Platform;

namespace GridCare.Features.Knowledge;

/// <summary>An article with both languages' Markdown and its rendered HTML.</summary>
public sealed record ArticleResponse(
    string Id,
    string Category,
    string Audience,
    string Tags,
    string Owner,
    string ReviewOn,
    string TitleZh,
    string BodyZh,
    string TitleEn,
    string BodyEn,
    string HtmlZh,
    string HtmlEn,
    int Version,
    DateTime UpdatedAt,
    string UpdatedBy,
    bool Archived,
    int HelpfulVotes,
    int UnhelpfulVotes)
{
    public static ArticleResponse From(KnowledgeArticle a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(
            a.Slug, ApiEnums.Name(a.Category), ApiEnums.Name(a.Audience), a.Tags, a.Owner, a.ReviewOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.TitleZh, a.BodyZh, a.TitleEn, a.BodyEn, KnowledgeMarkdown.ToHtml(a.BodyZh), KnowledgeMarkdown.ToHtml(a.BodyEn),
            a.Version, a.UpdatedAtUtc, a.UpdatedBy, a.Archived, a.HelpfulVotes, a.UnhelpfulVotes);
    }
}

/// <summary>A line of an article's list or history.</summary>
public sealed record ArticleSummary(string Id, string Category, string Audience, string TitleZh, string TitleEn, string Owner, string ReviewOn, int Version, DateTime UpdatedAt, string UpdatedBy, int HelpfulVotes, int UnhelpfulVotes);

/// <summary>One saved version: the current one and every earlier one, newest first.</summary>
public sealed record ArticleVersionResponse(int Version, string TitleZh, string BodyZh, string TitleEn, string BodyEn, string Tags, string Audience, DateTime SavedAt, string SavedBy, bool Current);
