using GridCare.Analytics.Knowledge;
using GridCare.Features.Knowledge;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>The knowledge base over HTTP: seeded articles, search by audience, the public search, editing with versions, votes, deflection.</summary>
public abstract class KnowledgeApiTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task Seed_OnFirstStart_AllShippedArticles_AndAgainAddsNothingAndKeepsEdits()
    {
        using var admin = await factory.ClientForAsync("admin");
        var before = await admin.GetJsonAsync("/api/v1/knowledge/articles/k046");
        var (status, _, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/knowledge/articles/k046", ApiJson.Json(Edited(before, "营业厅（编辑后）", before["version"]!.GetValue<int>())));
        Assert.Equal(200, status);

        await using var scope = factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<SeedKnowledge>().HandleAsync(ArticleFile.Shipped(), TestContext.Current.CancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(0, added);
        // Other tests of the class may have created articles of their own: count the shipped ones.
        var shipped = ArticleFile.Shipped().Select(a => a.Id).ToList();
        Assert.Equal(shipped.Count, await db.Set<KnowledgeArticle>().CountAsync(a => shipped.Contains(a.Slug), TestContext.Current.CancellationToken));
        Assert.Equal("营业厅（编辑后）", (await admin.GetJsonAsync("/api/v1/knowledge/articles/k046"))["titleZh"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_Agent_FindsAgentOnlyArticles_CrewOnlyCrewAndPublic()
    {
        using var agent = await factory.ClientForAsync("agent");
        using var crew = await factory.ClientForAsync("crew");

        var forAgent = await agent.GetJsonAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("来电客户在已知停电范围内 不新建工单"));
        var forCrew = await crew.GetJsonAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("来电客户在已知停电范围内 不新建工单"));
        var crewSafety = await crew.GetJsonAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("低压抢修 验电 挂接地线"));

        Assert.Equal("k015", forAgent["hits"]![0]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(Audiences(forCrew), a => a == "agentOnly");
        Assert.Equal("k009", crewSafety["hits"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(404, (await crew.SendAsync(HttpMethod.Get, "/api/v1/knowledge/articles/k015")).Status);
    }

    [Fact]
    public async Task PublicSearch_WithoutSignIn_NeverReturnsAgentOnlyOrCrewArticles()
    {
        using var anonymous = factory.AnonymousClient();

        foreach (var q in new[] { "坐席 已知停电 不新建工单", "抢修班组 验电 接地线", "欠费停电客户来电的处理口径", "停电" })
        {
            var found = await anonymous.GetJsonAsync("/api/v1/portal/knowledge/search?q=" + Uri.EscapeDataString(q));
            Assert.All(Audiences(found), a => Assert.Equal("public", a));
        }

        Assert.Equal(404, (await anonymous.SendAsync(HttpMethod.Get, "/api/v1/portal/knowledge/articles/k015")).Status);
        var article = await anonymous.GetJsonAsync("/api/v1/portal/knowledge/articles/k001");
        Assert.Contains("<h2>", article["htmlZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(401, (await anonymous.SendAsync(HttpMethod.Get, "/api/v1/knowledge/search?q=停电")).Status);
    }

    [Fact]
    public async Task Edit_KeepsEveryVersion_RefusesStaleSave_AndOnlyEditorsEdit()
    {
        using var admin = await factory.ClientForAsync("admin");
        using var agent = await factory.ClientForAsync("agent");
        var article = new
        {
            id = "test-versions",
            category = "tariff",
            audience = "public",
            tags = "测试",
            owner = "测试组",
            reviewOn = "2027-01-31",
            titleZh = "第一版",
            bodyZh = "正文 <script>alert(1)</script> **一**",
            titleEn = "First",
            bodyEn = "Body one",
            expectedVersion = (int?)null,
        };

        Assert.Equal(403, (await agent.SendAsync(HttpMethod.Post, "/api/v1/knowledge/articles", ApiJson.Json(article))).Status);
        var (created, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/knowledge/articles", ApiJson.Json(article));
        Assert.Equal(201, created);
        Assert.DoesNotContain("<script>", body!["htmlZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<strong>一</strong>", body["htmlZh"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(200, (await admin.SendAsync(HttpMethod.Put, "/api/v1/knowledge/articles/test-versions", ApiJson.Json(article with { titleZh = "第二版", expectedVersion = (int?)1 }))).Status);
        Assert.Equal(200, (await admin.SendAsync(HttpMethod.Put, "/api/v1/knowledge/articles/test-versions", ApiJson.Json(article with { titleZh = "第三版", expectedVersion = (int?)2 }))).Status);
        var (stale, staleBody, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/knowledge/articles/test-versions", ApiJson.Json(article with { titleZh = "旧的", expectedVersion = (int?)2 }));
        var (invalid, invalidBody, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/knowledge/articles/test-versions", ApiJson.Json(article with { audience = "everyone", expectedVersion = (int?)3 }));

        var history = (await admin.GetJsonAsync("/api/v1/knowledge/articles/test-versions/versions")).AsArray();
        Assert.Equal(["第三版", "第二版", "第一版"], history.Select(v => v!["titleZh"]!.GetValue<string>()));
        Assert.Equal([3, 2, 1], history.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(409, stale);
        Assert.Contains("version 3", staleBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, invalid);
        Assert.NotNull(invalidBody!["errors"]!["audience"]);
        Assert.Equal("test-versions", (await admin.GetJsonAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("第三版")))["hits"]![0]!["id"]!.GetValue<string>());

        Assert.Equal(200, (await admin.SendAsync(HttpMethod.Delete, "/api/v1/knowledge/articles/test-versions")).Status);
        Assert.Equal(404, (await admin.SendAsync(HttpMethod.Get, "/api/v1/knowledge/articles/test-versions")).Status);
    }

    [Fact]
    public async Task Vote_CountsOnConsoleAndPortal_ButNotForUnseenArticles()
    {
        using var agent = await factory.ClientForAsync("agent");
        using var anonymous = factory.AnonymousClient();

        Assert.Equal(204, (await agent.SendAsync(HttpMethod.Post, "/api/v1/knowledge/articles/k020/votes", ApiJson.Json(new { helpful = true }))).Status);
        Assert.Equal(204, (await anonymous.SendAsync(HttpMethod.Post, "/api/v1/portal/knowledge/articles/k020/votes", ApiJson.Json(new { helpful = false }))).Status);
        Assert.Equal(404, (await anonymous.SendAsync(HttpMethod.Post, "/api/v1/portal/knowledge/articles/k015/votes", ApiJson.Json(new { helpful = true }))).Status);
        Assert.Equal(400, (await anonymous.SendAsync(HttpMethod.Post, "/api/v1/portal/knowledge/articles/k020/votes", ApiJson.Json(new { }))).Status);

        var article = await agent.GetJsonAsync("/api/v1/knowledge/articles/k020");
        Assert.True(article["helpfulVotes"]!.GetValue<int>() >= 1);
        Assert.True(article["unhelpfulVotes"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Deflection_ReadAndLeft_Counts_SubmittedAnyway_DoesNot()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var deflection = scope.ServiceProvider.GetRequiredService<Deflection>();
            await deflection.RecordReadAsync(new string('a', 32), "k001", TestContext.Current.CancellationToken);
            await deflection.RecordReadAsync(new string('b', 32), "k019", TestContext.Current.CancellationToken);
            await deflection.RecordReadAsync(new string('b', 32), "k020", TestContext.Current.CancellationToken);
            await deflection.RecordSubmitAsync(new string('b', 32), TestContext.Current.CancellationToken);
            await deflection.RecordSubmitAsync(new string('c', 32), TestContext.Current.CancellationToken);
        }

        using var manager = await factory.ClientForAsync("manager");
        using var agent = await factory.ClientForAsync("agent");
        var early = await manager.GetJsonAsync("/api/v1/knowledge/deflection");
        clock.Advance(Deflection.Grace + TimeSpan.FromMinutes(1));
        var later = await manager.GetJsonAsync("/api/v1/knowledge/deflection");

        Assert.True(early["pending"]!.GetValue<int>() >= 1);
        Assert.True(later["deflected"]!.GetValue<int>() >= 1);
        Assert.True(later["notDeflected"]!.GetValue<int>() >= 1);
        Assert.Equal(later["read"]!.GetValue<int>(), later["deflected"]!.GetValue<int>() + later["notDeflected"]!.GetValue<int>() + later["pending"]!.GetValue<int>());
        Assert.Equal(403, (await agent.SendAsync(HttpMethod.Get, "/api/v1/knowledge/deflection")).Status);
        Assert.Equal(400, (await manager.SendAsync(HttpMethod.Get, "/api/v1/knowledge/deflection?from=2026-13-01")).Status);
    }

    private static IEnumerable<string> Audiences(System.Text.Json.Nodes.JsonNode found) =>
        found["hits"]!.AsArray().Select(h => h!["audience"]!.GetValue<string>());

    private static object Edited(System.Text.Json.Nodes.JsonNode a, string titleZh, int version) => new
    {
        category = a["category"]!.GetValue<string>(),
        audience = a["audience"]!.GetValue<string>(),
        tags = a["tags"]!.GetValue<string>(),
        owner = a["owner"]!.GetValue<string>(),
        reviewOn = a["reviewOn"]!.GetValue<string>(),
        titleZh,
        bodyZh = a["bodyZh"]!.GetValue<string>(),
        titleEn = a["titleEn"]!.GetValue<string>(),
        bodyEn = a["bodyEn"]!.GetValue<string>(),
        expectedVersion = version,
    };
}

public sealed class SqliteKnowledgeApiTests(SqliteClockFactory factory) : KnowledgeApiTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresKnowledgeApiTests(PostgresClockFactory factory) : KnowledgeApiTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
