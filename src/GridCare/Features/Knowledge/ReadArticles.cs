using System.Globalization;
using GridCare.Analytics.Knowledge;
using GridCare.Domain.Sla;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Knowledge;

/// <summary>
/// Staff's reading of the knowledge base: the list (filtered by category or due for review), one article, its
/// history. Every read is limited to the audiences the reader's roles may see, so an agent-only article is "not
/// found" to a crew member.
/// </summary>
public sealed class ReadArticles(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(StaffScope scope, KnowledgeCategory? category, bool dueForReview, CancellationToken cancellationToken)
    {
        var audiences = KnowledgeSearch.AudiencesOf(scope).ToList();
        var query = db.Set<KnowledgeArticle>().AsNoTracking().Where(a => !a.Archived && audiences.Contains(a.Audience));
        if (category is { } c)
        {
            query = query.Where(a => a.Category == c);
        }

        if (dueForReview)
        {
            var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
            query = query.Where(a => a.ReviewOn <= today);
        }

        var rows = await query.OrderBy(a => a.Slug).ToListAsync(cancellationToken);
        return [.. rows.Select(Summary)];
    }

    public async Task<KnowledgeArticle?> FindAsync(string slug, IReadOnlySet<KnowledgeAudience> audiences, CancellationToken cancellationToken)
    {
        var allowed = audiences.ToList();
        return await db.Set<KnowledgeArticle>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Slug == slug && !a.Archived && allowed.Contains(a.Audience), cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleVersionResponse>?> HistoryAsync(string slug, StaffScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, KnowledgeSearch.AudiencesOf(scope), cancellationToken) is not { } article)
        {
            return null;
        }

        var earlier = await db.Set<KnowledgeArticleVersion>().AsNoTracking().Where(v => v.ArticleId == article.Id).ToListAsync(cancellationToken);
        return
        [
            new ArticleVersionResponse(article.Version, article.TitleZh, article.BodyZh, article.TitleEn, article.BodyEn, article.Tags, ApiEnums.Name(article.Audience), article.UpdatedAtUtc, article.UpdatedBy, Current: true),
            .. earlier.OrderByDescending(v => v.Version).Select(v =>
                new ArticleVersionResponse(v.Version, v.TitleZh, v.BodyZh, v.TitleEn, v.BodyEn, v.Tags, ApiEnums.Name(v.Audience), v.SavedAtUtc, v.SavedBy, Current: false)),
        ];
    }

    private static ArticleSummary Summary(KnowledgeArticle a) => new(
        a.Slug, ApiEnums.Name(a.Category), ApiEnums.Name(a.Audience), a.TitleZh, a.TitleEn, a.Owner,
        a.ReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Version, a.UpdatedAtUtc, a.UpdatedBy, a.HelpfulVotes, a.UnhelpfulVotes);
}
