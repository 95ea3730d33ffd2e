using GridCare.Analytics.Knowledge;

namespace GridCare.Analytics.Tests.Knowledge;

public class KnowledgeIndexTests
{
    private static readonly HashSet<KnowledgeAudience> Everyone = [.. Enum.GetValues<KnowledgeAudience>()];
    private static readonly HashSet<KnowledgeAudience> PublicOnly = [KnowledgeAudience.Public];

    /// <summary>
    /// The floor under the ranking on the shipped labelled queries (docs/knowledge.md has the measured figures);
    /// a change to tokens, boosts or articles that loses answers fails here.
    /// </summary>
    [Fact]
    public void Search_LabelledQueries_StaysAboveMeasuredFloor()
    {
        var index = new KnowledgeIndex(ArticleFile.Shipped().Select(a => a.ToDocument()));
        var queries = ArticleFile.ShippedQueries();

        var result = KnowledgeEvaluation.Run(index, queries, Everyone);

        Assert.True(queries.Count >= 100);
        Assert.True(result.Mrr >= MrrFloor, $"MRR@5 {result.Mrr:F3}; misses: {string.Join(" | ", result.Misses)}");
        Assert.True(result.Recall >= RecallFloor, $"recall@5 {result.Recall:F3}");
    }

    [Fact]
    public void Shipped_SixtyArticlesOrMore_EveryLabelledAnswerExists()
    {
        var articles = ArticleFile.Shipped();
        var ids = articles.Select(a => a.Id).ToHashSet();

        Assert.True(articles.Count >= 60);
        Assert.All(articles, a => Assert.False(string.IsNullOrWhiteSpace(a.BodyEn)));
        Assert.All(ArticleFile.ShippedQueries().SelectMany(q => q.Relevant), id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Search_PublicAudience_NeverReturnsAgentOrCrewArticles()
    {
        var index = new KnowledgeIndex(
        [
            new("a", "停电处理口径", "停电", "来电客户在停电范围内", KnowledgeAudience.AgentOnly),
            new("c", "停电抢修安全", "停电", "验电 接地", KnowledgeAudience.Crew),
            new("p", "家里停电怎么办", "停电", "检查空开", KnowledgeAudience.Public),
        ]);

        Assert.Equal(["p"], index.Search("停电", PublicOnly).Select(h => h.Id));
        Assert.Equal(3, index.Search("停电", Everyone).Count);
    }

    [Fact]
    public void Search_TitleMatch_OutranksBodyMatch_AndTypoStillFindsByBigram()
    {
        var index = new KnowledgeIndex(
        [
            new("body", "电费账单说明", "账单", "如果电压低，请联系供电所。", KnowledgeAudience.Public),
            new("title", "电压低怎么办", "电压", "检查三相负荷。", KnowledgeAudience.Public),
        ]);

        Assert.Equal("title", index.Search("电压低", Everyone)[0].Id);
        Assert.Equal("title", index.Search("电压低了呀", Everyone)[0].Id);
    }

    [Fact]
    public void Search_EquallyRelevant_HelpfulVotesRankFirst_ButNeverLiftAnIrrelevantArticle()
    {
        var index = new KnowledgeIndex(
        [
            new("plain", "交电费的方式", "交费", "微信 支付宝", KnowledgeAudience.Public),
            new("liked", "交电费的方式", "交费", "微信 支付宝", KnowledgeAudience.Public, HelpfulVotes: 20),
            new("other", "电表校验", "校验", "申请校验", KnowledgeAudience.Public, HelpfulVotes: 500),
        ]);

        var hits = index.Search("怎么交电费", Everyone);

        Assert.Equal(["liked", "plain"], hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_EmptyOrStopWordsOnly_ReturnsNothing()
    {
        var index = new KnowledgeIndex([new("p", "停电", "停电", "停电", KnowledgeAudience.Public)]);

        Assert.Empty(index.Search("", Everyone));
        Assert.Empty(index.Search("的了吗", Everyone));
    }

    private const double MrrFloor = 0.80;
    private const double RecallFloor = 0.85;
}
