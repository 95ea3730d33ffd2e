using GridCare.Analytics.Knowledge;

namespace GridCare.Features.Knowledge;

/// <summary>The subject areas articles are filed under (the seed's front matter uses the lower-case names).</summary>
public enum KnowledgeCategory
{
    Fault,
    Outage,
    Tariff,
    NewConn,
    MeterTest,
    Arrears,
    Complaint,
    Report,
    Service,
    TimeLimit,
}

/// <summary>
/// One knowledge-base article in both languages. Every save makes a new <see cref="Version"/> and keeps the
/// previous content as a <see cref="KnowledgeArticleVersion"/>; an archived article stays (so the seed never
/// brings it back) but is no longer listed or found.
/// </summary>
public sealed class KnowledgeArticle
{
    public int Id { get; set; }

    /// <summary>The stable id in URLs and in the seed (k001…).</summary>
    public string Slug { get; set; } = string.Empty;

    public KnowledgeCategory Category { get; set; }

    public KnowledgeAudience Audience { get; set; }

    /// <summary>Comma-separated, both languages: synonyms customers use (跳闸, 空开, breaker).</summary>
    public string Tags { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    /// <summary>The China day by which the owner must check the article is still right.</summary>
    public DateOnly ReviewOn { get; set; }

    public string TitleZh { get; set; } = string.Empty;

    public string BodyZh { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string BodyEn { get; set; } = string.Empty;

    public int Version { get; set; } = 1;

    public DateTime UpdatedAtUtc { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public bool Archived { get; set; }

    public int HelpfulVotes { get; set; }

    public int UnhelpfulVotes { get; set; }

    public KnowledgeDocument ToDocument() =>
        new(Slug, TitleZh + "\n" + TitleEn, Tags, BodyZh + "\n" + BodyEn, Audience, HelpfulVotes, UnhelpfulVotes);
}

/// <summary>The content of an article as it was before a save replaced it.</summary>
public sealed class KnowledgeArticleVersion
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    public int Version { get; set; }

    public KnowledgeCategory Category { get; set; }

    public KnowledgeAudience Audience { get; set; }

    public string Tags { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public DateOnly ReviewOn { get; set; }

    public string TitleZh { get; set; } = string.Empty;

    public string BodyZh { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string BodyEn { get; set; } = string.Empty;

    public DateTime SavedAtUtc { get; set; }

    public string SavedBy { get; set; } = string.Empty;

    public static KnowledgeArticleVersion Of(KnowledgeArticle a) => new()
    {
        ArticleId = a.Id,
        Version = a.Version,
        Category = a.Category,
        Audience = a.Audience,
        Tags = a.Tags,
        Owner = a.Owner,
        ReviewOn = a.ReviewOn,
        TitleZh = a.TitleZh,
        BodyZh = a.BodyZh,
        TitleEn = a.TitleEn,
        BodyEn = a.BodyEn,
        SavedAtUtc = a.UpdatedAtUtc,
        SavedBy = a.UpdatedBy,
    };
}

/// <summary>
/// A portal form on which the customer opened a suggested article: deflected when they then left without
/// submitting it, not deflected when they submitted it anyway.
/// </summary>
public sealed class KnowledgeDeflection
{
    public long Id { get; set; }

    /// <summary>The portal report form's id (the same id the submitted contact carries).</summary>
    public string FormId { get; set; } = string.Empty;

    public string ArticleSlug { get; set; } = string.Empty;

    public DateTime ReadAtUtc { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }
}
