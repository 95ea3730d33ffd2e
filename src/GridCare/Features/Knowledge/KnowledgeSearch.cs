using GridCare.Analytics.Knowledge;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Knowledge;

/// <summary>One search answer: enough for a list of suggestions and a link to the article.</summary>
public sealed record KnowledgeSearchHit(string Id, string Title, string Category, string Audience, string Snippet, double Score);

/// <summary>
/// The process's search index over the live articles, rebuilt from the database after every save or vote on this
/// instance (<see cref="RebuildAsync"/>) and at start-up. Another instance's edits reach this one at its next
/// rebuild; the knowledge base changes a few times a day, so that is soon enough.
/// </summary>
public sealed class KnowledgeSearch(IServiceScopeFactory scopes)
{
    public const int MaxLimit = 20;
    private const int SnippetLength = 90;

    private volatile Snapshot current = new(new KnowledgeIndex([]), new Dictionary<string, KnowledgeArticle>());

    public int Count => current.Index.Count;

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var articles = await db.Set<KnowledgeArticle>().AsNoTracking().Where(a => !a.Archived).ToListAsync(cancellationToken);
        current = new Snapshot(new KnowledgeIndex(articles.Select(a => a.ToDocument())), articles.ToDictionary(a => a.Slug, StringComparer.Ordinal));
    }

    /// <summary>What a staff member may read: a crew member (with no office role) crew and public articles, everyone else all.</summary>
    public static IReadOnlySet<KnowledgeAudience> AudiencesOf(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Roles.All(r => r == StaffRole.Crew)
            ? new HashSet<KnowledgeAudience> { KnowledgeAudience.Crew, KnowledgeAudience.Public }
            : new HashSet<KnowledgeAudience>(Enum.GetValues<KnowledgeAudience>());
    }

    public static readonly IReadOnlySet<KnowledgeAudience> PublicOnly = new HashSet<KnowledgeAudience> { KnowledgeAudience.Public };

    public IReadOnlyList<KnowledgeSearchHit> Search(string? query, IReadOnlySet<KnowledgeAudience> audiences, int limit, bool english)
    {
        var snapshot = current;
        return [.. snapshot.Index.Search(query, audiences, Math.Clamp(limit, 1, MaxLimit))
            .Select(hit => snapshot.Articles[hit.Id] is var a
                ? new KnowledgeSearchHit(a.Slug, english ? a.TitleEn : a.TitleZh, ApiEnums.Name(a.Category), ApiEnums.Name(a.Audience), Snippet(english ? a.BodyEn : a.BodyZh), Math.Round(hit.Score, 3))
                : null!)];
    }

    /// <summary>The body's opening as plain text: Markdown marks off, lines joined.</summary>
    public static string Snippet(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = string.Join(' ', markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('|') && !l.StartsWith("---", StringComparison.Ordinal))
            .Select(l => l.TrimStart('#', '-', '*', '>', ' ', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.').Replace("**", string.Empty, StringComparison.Ordinal)));
        return text.Length > SnippetLength ? text[..SnippetLength] + "…" : text;
    }

    private sealed record Snapshot(KnowledgeIndex Index, IReadOnlyDictionary<string, KnowledgeArticle> Articles);
}
