using System.Globalization;
using GridCare.Analytics.Knowledge;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Knowledge;

/// <summary>An article as an editor sends it; <c>expectedVersion</c> is the version the editor started from (updates only).</summary>
public sealed record ArticleRequest(
    string? Id,
    string? Category,
    string? Audience,
    string? Tags,
    string? Owner,
    string? ReviewOn,
    string? TitleZh,
    string? BodyZh,
    string? TitleEn,
    string? BodyEn,
    int? ExpectedVersion = null);

public abstract record SaveArticleResult
{
    public sealed record Saved(ArticleResponse Article) : SaveArticleResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : SaveArticleResult;

    public sealed record Forbidden(string Reason) : SaveArticleResult;

    public sealed record NotFound : SaveArticleResult;

    /// <summary>Someone saved a newer version since the editor opened it.</summary>
    public sealed record Stale(int CurrentVersion) : SaveArticleResult;
}

/// <summary>
/// Creates, updates and archives articles (editors: managers and administrators). An update keeps the content it
/// replaces as a version row, so the history shows every earlier text; the search index is rebuilt after each save.
/// </summary>
public sealed class SaveArticle(AppDbContext db, KnowledgeSearch search, TimeProvider time)
{
    public static readonly StaffRole[] Editors = [StaffRole.Manager, StaffRole.Admin];

    public async Task<SaveArticleResult> CreateAsync(ArticleRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(scope) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string[]>();
        var slug = request.Id?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(slug) || slug.Length > 40 || !slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors["id"] = ["Give an id of 1 to 40 letters, digits or hyphens (it becomes the article's address)."];
        }
        else if (await db.Set<KnowledgeArticle>().AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            errors["id"] = [$"An article {slug} exists already."];
        }

        var article = new KnowledgeArticle { Slug = slug ?? string.Empty };
        Apply(request, article, errors);
        if (errors.Count > 0)
        {
            return new SaveArticleResult.Invalid(errors);
        }

        Stamp(article, scope);
        db.Add(article);
        await db.SaveChangesAsync(cancellationToken);
        await search.RebuildAsync(cancellationToken);
        return new SaveArticleResult.Saved(ArticleResponse.From(article));
    }

    public async Task<SaveArticleResult> UpdateAsync(string slug, ArticleRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(scope) is { } refused)
        {
            return refused;
        }

        var article = await db.Set<KnowledgeArticle>().SingleOrDefaultAsync(a => a.Slug == slug && !a.Archived, cancellationToken);
        if (article is null)
        {
            return new SaveArticleResult.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (request.ExpectedVersion is not { } expected)
        {
            errors["expectedVersion"] = ["Send the version you edited, so that a newer save is not overwritten."];
            return new SaveArticleResult.Invalid(errors);
        }

        if (expected != article.Version)
        {
            return new SaveArticleResult.Stale(article.Version);
        }

        db.Add(KnowledgeArticleVersion.Of(article));
        Apply(request, article, errors);
        if (errors.Count > 0)
        {
            return new SaveArticleResult.Invalid(errors);
        }

        article.Version++;
        Stamp(article, scope);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save of the same version won the race (the version is a concurrency token; the version rows are unique).
            return new SaveArticleResult.Stale(await db.Set<KnowledgeArticle>().Where(a => a.Id == article.Id).Select(a => a.Version).SingleAsync(cancellationToken));
        }

        await search.RebuildAsync(cancellationToken);
        return new SaveArticleResult.Saved(ArticleResponse.From(article));
    }

    public async Task<SaveArticleResult> ArchiveAsync(string slug, StaffScope scope, CancellationToken cancellationToken)
    {
        if (Refuse(scope) is { } refused)
        {
            return refused;
        }

        var article = await db.Set<KnowledgeArticle>().SingleOrDefaultAsync(a => a.Slug == slug && !a.Archived, cancellationToken);
        if (article is null)
        {
            return new SaveArticleResult.NotFound();
        }

        article.Archived = true;
        Stamp(article, scope);
        await db.SaveChangesAsync(cancellationToken);
        await search.RebuildAsync(cancellationToken);
        return new SaveArticleResult.Saved(ArticleResponse.From(article));
    }

    private static SaveArticleResult.Forbidden? Refuse(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Editors.Any(scope.IsIn) ? null : new SaveArticleResult.Forbidden($"Articles are edited by {string.Join(" or ", Editors.Select(StaffRoles.NameOf))}.");
    }

    private void Stamp(KnowledgeArticle article, StaffScope scope)
    {
        article.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        article.UpdatedBy = scope.UserName;
    }

    private static void Apply(ArticleRequest request, KnowledgeArticle article, Dictionary<string, string[]> errors)
    {
        article.Category = ApiEnums.Parse<KnowledgeCategory>(request.Category, "category", errors) ?? article.Category;
        article.Audience = ApiEnums.Parse<KnowledgeAudience>(request.Audience, "audience", errors) ?? article.Audience;
        if (string.IsNullOrWhiteSpace(request.Category))
        {
            errors["category"] = ["Choose a category."];
        }

        if (string.IsNullOrWhiteSpace(request.Audience))
        {
            errors["audience"] = ["Choose an audience: agentOnly, crew or public."];
        }

        article.Tags = Text(request.Tags, "tags", KnowledgeArticleConfiguration.TagsMaxLength, errors, required: false);
        article.Owner = Text(request.Owner, "owner", 100, errors, required: true);
        article.TitleZh = Text(request.TitleZh, "titleZh", KnowledgeArticleConfiguration.TitleMaxLength, errors, required: true);
        article.BodyZh = Text(request.BodyZh, "bodyZh", KnowledgeArticleConfiguration.BodyMaxLength, errors, required: true);
        article.TitleEn = Text(request.TitleEn, "titleEn", KnowledgeArticleConfiguration.TitleMaxLength, errors, required: true);
        article.BodyEn = Text(request.BodyEn, "bodyEn", KnowledgeArticleConfiguration.BodyMaxLength, errors, required: true);
        if (DateOnly.TryParseExact(request.ReviewOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var review))
        {
            article.ReviewOn = review;
        }
        else
        {
            errors["reviewOn"] = ["Give the review date as yyyy-MM-dd."];
        }
    }

    private static string Text(string? value, string field, int max, Dictionary<string, string[]> errors, bool required)
    {
        var text = value?.Trim() ?? string.Empty;
        if (required && text.Length == 0)
        {
            errors[field] = [$"{field} is required."];
        }
        else if (text.Length > max)
        {
            errors[field] = [$"{field} has {text.Length} characters; at most {max}."];
        }

        return text;
    }
}
