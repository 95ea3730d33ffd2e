using System.Globalization;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Knowledge;

/// <summary>The article handlers of <see cref="KnowledgeFeature"/>.</summary>
public static class KnowledgeEndpoints
{
    /// <param name="scope">The reader.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="category">fault, outage, tariff, newConn, meterTest, arrears, complaint, report, service, timeLimit; all when absent.</param>
    /// <param name="reviewDue">true: only articles whose review date has come (China day).</param>
    public static async Task<Results<Ok<IReadOnlyList<ArticleSummary>>, ValidationProblem>> ListAsync(
        StaffScope scope, ReadArticles handler, CancellationToken cancellationToken, string? category = null, bool reviewDue = false)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var errors = new Dictionary<string, string[]>();
        var parsed = ApiEnums.Parse<KnowledgeCategory>(category, "category", errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await handler.ListAsync(scope, parsed, reviewDue, cancellationToken));
    }

    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetAsync(string id, StaffScope scope, ReadArticles handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.FindAsync(id, KnowledgeSearch.AudiencesOf(scope), cancellationToken) is { } article ? TypedResults.Ok(ArticleResponse.From(article)) : NotFound(id);
    }

    public static async Task<Results<Ok<IReadOnlyList<ArticleVersionResponse>>, ProblemHttpResult>> HistoryAsync(string id, StaffScope scope, ReadArticles handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HistoryAsync(id, scope, cancellationToken) is { } history ? TypedResults.Ok(history) : NotFound(id);
    }

    public static async Task<Results<Created<ArticleResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(ArticleRequest request, StaffScope scope, SaveArticle handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.CreateAsync(request, scope, cancellationToken) switch
        {
            SaveArticleResult.Saved saved => TypedResults.Created($"/api/v1/knowledge/articles/{saved.Article.Id}", saved.Article),
            SaveArticleResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other, request?.Id ?? string.Empty),
        };
    }

    public static async Task<Results<Ok<ArticleResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(string id, ArticleRequest request, StaffScope scope, SaveArticle handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.UpdateAsync(id, request, scope, cancellationToken) switch
        {
            SaveArticleResult.Saved saved => TypedResults.Ok(saved.Article),
            SaveArticleResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other, id),
        };
    }

    public static async Task<Results<Ok<ArticleResponse>, ValidationProblem, ProblemHttpResult>> ArchiveAsync(string id, StaffScope scope, SaveArticle handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.ArchiveAsync(id, scope, cancellationToken) switch
        {
            SaveArticleResult.Saved saved => TypedResults.Ok(saved.Article),
            SaveArticleResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other, id),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> VoteAsync(string id, VoteRequest request, StaffScope scope, VoteArticle handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (request?.Helpful is not { } helpful)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["helpful"] = ["Say true or false."] });
        }

        return await handler.HandleAsync(id, helpful, KnowledgeSearch.AudiencesOf(scope), cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetPublicAsync(string id, ReadArticles handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.FindAsync(id, KnowledgeSearch.PublicOnly, cancellationToken) is { } article ? TypedResults.Ok(ArticleResponse.From(article)) : NotFound(id);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> VotePublicAsync(string id, VoteRequest request, VoteArticle handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (request?.Helpful is not { } helpful)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["helpful"] = ["Say true or false."] });
        }

        return await handler.HandleAsync(id, helpful, KnowledgeSearch.PublicOnly, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    /// <param name="scope">Managers, administrators and analysts.</param>
    /// <param name="handler">The count.</param>
    /// <param name="time">Today, for the defaults.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="from">First China day, yyyy-MM-dd; 30 days ago when absent.</param>
    /// <param name="to">Last day; today when absent.</param>
    public static async Task<Results<Ok<DeflectionReport>, ValidationProblem, ProblemHttpResult>> DeflectionAsync(
        StaffScope scope, Deflection handler, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(time);
        if (!DeflectionReaders.Any(scope.IsIn))
        {
            return TypedResults.Problem(title: "Not your report", detail: "Deflection is reported to managers, analysts and administrators.", statusCode: StatusCodes.Status403Forbidden);
        }

        var today = Domain.Sla.ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        var first = Day(from, "from", today.AddDays(-29), errors);
        var last = Day(to, "to", today, errors);
        if (errors.Count == 0 && first > last)
        {
            errors["from"] = ["from is after to."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await handler.ReportAsync(first, last, cancellationToken));
    }

    public static readonly Domain.Staff.StaffRole[] DeflectionReaders = [Domain.Staff.StaffRole.Manager, Domain.Staff.StaffRole.Analyst, Domain.Staff.StaffRole.Admin];

    private static DateOnly Day(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["Give a day as yyyy-MM-dd."];
        return fallback;
    }

    private static ProblemHttpResult Problem(SaveArticleResult result, string id) => result switch
    {
        SaveArticleResult.Forbidden forbidden => TypedResults.Problem(title: "Not an editor", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
        SaveArticleResult.Stale stale => TypedResults.Problem(
            title: "Article changed", detail: $"Someone saved version {stale.CurrentVersion} since you opened it; reload and edit that.", statusCode: StatusCodes.Status409Conflict),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Article not found", detail: $"No article {id} that you may read.", statusCode: StatusCodes.Status404NotFound);
}
