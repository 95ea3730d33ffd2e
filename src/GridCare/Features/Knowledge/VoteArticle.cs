using GridCare.Analytics.Knowledge;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Knowledge;

/// <summary>
/// "Was this helpful?" from a reader on the console or the portal: one counter up, in the database (an atomic
/// increment, so concurrent votes all count), and the index rebuilt so the ranking uses the new share.
/// </summary>
public sealed class VoteArticle(AppDbContext db, KnowledgeSearch search)
{
    /// <returns>False when the article does not exist or the reader may not see it.</returns>
    public async Task<bool> HandleAsync(string slug, bool helpful, IReadOnlySet<KnowledgeAudience> audiences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        var allowed = audiences.ToList();
        var articles = db.Set<KnowledgeArticle>().Where(a => a.Slug == slug && !a.Archived && allowed.Contains(a.Audience));
        var changed = helpful
            ? await articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.HelpfulVotes, a => a.HelpfulVotes + 1), cancellationToken)
            : await articles.ExecuteUpdateAsync(s => s.SetProperty(a => a.UnhelpfulVotes, a => a.UnhelpfulVotes + 1), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await search.RebuildAsync(cancellationToken);
        return true;
    }
}
