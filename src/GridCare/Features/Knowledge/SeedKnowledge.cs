using GridCare.Analytics.Knowledge;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Knowledge;

/// <summary>
/// Puts the shipped articles (knowledge/articles) into the database: only those whose id is not there yet, so a
/// restart adds nothing twice and an editor's later changes — or an archived seed article — are never overwritten.
/// </summary>
public sealed class SeedKnowledge(AppDbContext db, TimeProvider time)
{
    public const string Seeder = "seed";

    public async Task<int> HandleAsync(IReadOnlyList<SeedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var existing = (await db.Set<KnowledgeArticle>().Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var seed in articles.Where(a => !existing.Contains(a.Id)))
        {
            db.Add(new KnowledgeArticle
            {
                Slug = seed.Id,
                Category = Enum.Parse<KnowledgeCategory>(seed.Category, ignoreCase: true),
                Audience = seed.Audience,
                Tags = seed.Tags,
                Owner = seed.Owner,
                ReviewOn = seed.ReviewOn,
                TitleZh = seed.TitleZh,
                BodyZh = seed.BodyZh,
                TitleEn = seed.TitleEn,
                BodyEn = seed.BodyEn,
                UpdatedAtUtc = now,
                UpdatedBy = Seeder,
            });
            added++;
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance seeded at the same moment; its rows are the same articles.
                return 0;
            }
        }

        return added;
    }
}

/// <summary>Seeds the shipped articles after the database is migrated and builds the search index before the server listens.</summary>
public sealed partial class KnowledgeStartup(IServiceScopeFactory scopes, KnowledgeSearch search, ILogger<KnowledgeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<SeedKnowledge>().HandleAsync(ArticleFile.Shipped(), cancellationToken);
            if (added > 0)
            {
                LogSeeded(logger, added);
            }
        }

        await search.RebuildAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} knowledge-base articles")]
    private static partial void LogSeeded(ILogger logger, int count);
}
