namespace GridCare.Analytics.Knowledge;

/// <summary>Who may read an article: agents and other office staff read all, crews read crew and public, customers public only.</summary>
public enum KnowledgeAudience
{
    AgentOnly,
    Crew,
    Public,
}

/// <summary>
/// One article as the search index sees it: both languages' titles and bodies, the tags, who may read it and the
/// readers' votes. The index ranks on these only; the web app keeps everything else.
/// </summary>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    string Tags,
    string Body,
    KnowledgeAudience Audience,
    int HelpfulVotes = 0,
    int UnhelpfulVotes = 0);

/// <summary>One ranked answer: the article's id and its score (relevance times usefulness).</summary>
public sealed record KnowledgeHit(string Id, double Score);
