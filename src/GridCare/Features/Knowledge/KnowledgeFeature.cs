using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Knowledge;

/// <summary>
/// The knowledge base: articles in zh-CN and English with versions, review dates and audiences, edited in the
/// console (/knowledge) and over <c>/api/v1/knowledge</c>; Chinese full-text search for staff (by audience) and for
/// the portal (public articles only, no sign-in), suggestions on the intake page and deflection on the portal.
/// </summary>
public static class KnowledgeFeature
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeSearch>();
        services.AddScoped<SaveArticle>();
        services.AddScoped<ReadArticles>();
        services.AddScoped<VoteArticle>();
        services.AddScoped<Deflection>();
        services.AddScoped<SeedKnowledge>();
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge").RequireAuthorization(Policies.Staff);
        staff.MapGet("/search", SearchAsync).WithName("SearchKnowledge");
        staff.MapGet("/articles", KnowledgeEndpoints.ListAsync).WithName("ListArticles");
        staff.MapGet("/articles/{id}", KnowledgeEndpoints.GetAsync).WithName("GetArticle");
        staff.MapGet("/articles/{id}/versions", KnowledgeEndpoints.HistoryAsync).WithName("GetArticleVersions");
        staff.MapPost("/articles", KnowledgeEndpoints.CreateAsync).WithName("CreateArticle");
        staff.MapPut("/articles/{id}", KnowledgeEndpoints.UpdateAsync).WithName("UpdateArticle");
        staff.MapDelete("/articles/{id}", KnowledgeEndpoints.ArchiveAsync).WithName("ArchiveArticle");
        staff.MapPost("/articles/{id}/votes", KnowledgeEndpoints.VoteAsync).WithName("VoteArticle");
        staff.MapGet("/deflection", KnowledgeEndpoints.DeflectionAsync).WithName("GetDeflection");

        var portal = app.MapGroup("/api/v1/portal/knowledge").WithTags("Knowledge").AllowAnonymous();
        portal.MapGet("/search", PublicSearch).WithName("SearchPublicKnowledge");
        portal.MapGet("/articles/{id}", KnowledgeEndpoints.GetPublicAsync).WithName("GetPublicArticle");
        portal.MapPost("/articles/{id}/votes", KnowledgeEndpoints.VotePublicAsync).WithName("VotePublicArticle");
        return app;
    }

    /// <param name="scope">The reader: crew see crew and public articles, other staff all.</param>
    /// <param name="search">The index.</param>
    /// <param name="q">The words typed or spoken, in Chinese or English.</param>
    /// <param name="limit">Answers, 1 to 20.</param>
    /// <param name="lang">zh-CN or en: the language of titles and snippets (the request's culture when absent).</param>
    public static Results<Ok<KnowledgeSearchResponse>, ValidationProblem> SearchAsync(
        StaffScope scope, KnowledgeSearch search, string? q = null, [Range(1, KnowledgeSearch.MaxLimit)] int limit = 10, string? lang = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (Query(q) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(new KnowledgeSearchResponse(q!, search.Search(q, KnowledgeSearch.AudiencesOf(scope), limit, English(lang))));
    }

    /// <summary>Public articles only, for the portal and the IVR's read-outs; no sign-in.</summary>
    /// <param name="search">The index.</param>
    /// <param name="q">The customer's words.</param>
    /// <param name="limit">Answers, 1 to 20.</param>
    /// <param name="lang">zh-CN or en.</param>
    public static Results<Ok<KnowledgeSearchResponse>, ValidationProblem> PublicSearch(
        KnowledgeSearch search, string? q = null, [Range(1, KnowledgeSearch.MaxLimit)] int limit = 5, string? lang = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (Query(q) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(new KnowledgeSearchResponse(q!, search.Search(q, KnowledgeSearch.PublicOnly, limit, English(lang))));
    }

    public const int MaxQueryLength = 500;

    internal static bool English(string? lang) =>
        lang is null ? CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) : lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static ValidationProblem? Query(string? q) =>
        string.IsNullOrWhiteSpace(q) ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Give the words to search for."] })
        : q.Length > MaxQueryLength ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"At most {MaxQueryLength} characters."] })
        : null;
}

public sealed record KnowledgeSearchResponse(string Query, IReadOnlyList<KnowledgeSearchHit> Hits);

public sealed record VoteRequest(bool? Helpful);
