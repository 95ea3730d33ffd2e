using GridCare.Features.Classification;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary><c>POST /api/v1/classify</c> and its batch form on a model trained from the hand-written sample.</summary>
public abstract class ClassificationApiTests(GridCareFactory factory)
{
    private static readonly string[] ThreeTexts = ["我家停电了，麻烦派人来修", "请问电费怎么在手机上交", "表扬抢修班的师傅，谢谢你们"];
    private static readonly string[] SecondBlank = ["停电了", ""];

    [Fact]
    public async Task Classify_ComplaintText_AnswersTypeClassConfidenceFlagsAndExplanation()
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("agent");

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { text = "电压太低了空调都开不起来，灯一直闪，投诉你们供电质量，再不解决我就打12345" }));

        Assert.Equal(200, status);
        Assert.Equal("complaint", body!["type"]!.GetValue<string>());
        Assert.Equal("supplyQuality", body["complaintClass"]!.GetValue<string>());
        var confidence = body["confidence"]!.GetValue<double>();
        Assert.InRange(confidence, 0.0, 1.0);
        Assert.Equal(confidence < 0.6, body["needsReview"]!.GetValue<bool>());
        Assert.Equal(["escalationRisk"], body["flags"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.NotEmpty(body["explanation"]!.AsArray());
        Assert.Equal(1.0, body["probabilities"]!.AsObject().Sum(p => p.Value!.GetValue<double>()), 3);
        Assert.Equal(8, body["probabilities"]!.AsObject().Count);
        Assert.Matches(@"^\d{8}-\d{6}", body["modelVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("我家停電了，麻煩派人來修一下")]
    [InlineData("😡😡😡 no power at home 停电了 快来修")]
    [InlineData("？？？")]
    public async Task Classify_OddTexts_AnswerWithoutError(string text)
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("agent");

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { text }));

        Assert.Equal(200, status);
        Assert.NotNull(body!["type"]);
    }

    [Fact]
    public async Task Classify_EmptyOrTooLong_Is400NamingText_AndTenThousandCharactersAreTaken()
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("agent");

        var (empty, emptyBody, contentType) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { text = "  " }));
        var (missing, _, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { }));
        var (tooLong, longBody, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { text = new string('电', 10_001) }));
        var (longest, _, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { text = "停电了" + new string('电', 9_997) }));

        Assert.Equal(400, empty);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(emptyBody!["errors"]!["text"]);
        Assert.Equal(400, missing);
        Assert.Equal(400, tooLong);
        Assert.Contains("10001 characters", longBody!["errors"]!["text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, longest);
    }

    [Fact]
    public async Task ClassifyBatch_AnswersInOrder_AndNamesTheBadItem()
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("dispatcher");

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify/batch", ApiJson.Json(new
        {
            texts = ThreeTexts,
        }));
        var (bad, badBody, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify/batch", ApiJson.Json(new { texts = SecondBlank }));
        var (none, _, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/classify/batch", ApiJson.Json(new { texts = Array.Empty<string>() }));

        Assert.Equal(200, status);
        Assert.Equal(["repair", "inquiry", "praise"], body!["results"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()));
        Assert.Equal(400, bad);
        Assert.NotNull(badBody!["errors"]!["texts[1]"]);
        Assert.Equal(400, none);
    }

    [Fact]
    public async Task Classify_Anonymous_Is401_AndModelStatusIsForManagersOnly()
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var anonymous = factory.AnonymousClient();
        using var agent = await factory.ClientForAsync("agent");
        using var manager = await factory.ClientForAsync("manager");

        var (unauthenticated, _, _) = await anonymous.SendAsync(HttpMethod.Post, "/api/v1/classify", ApiJson.Json(new { text = "停电了" }));
        var (forbidden, _, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/classify/model");
        var status = await manager.GetJsonAsync("/api/v1/classify/model");

        Assert.Equal(401, unauthenticated);
        Assert.Equal(403, forbidden);
        var version = status["activeVersion"]!.GetValue<string>();
        Assert.Equal(version, status["active"]!["version"]!.GetValue<string>());
        Assert.Contains(version, status["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()));
        Assert.True(status["active"]!["trainRows"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Intake_SuggestsTheType_AndStoresTheAgentsDifferentChoiceAsACorrection()
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("agent");
        const string Text = "营业厅工作人员态度很差，对我大吼大叫，我要投诉她";

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "counter",
            externalId = "counter-" + Guid.NewGuid().ToString("N"),
            text = Text,
            type = "opinion",
        }));
        var (agreed, agreedBody, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "counter",
            externalId = "counter-" + Guid.NewGuid().ToString("N"),
            text = Text + "！",
            type = "complaint",
            complaintClass = "service",
        }));

        Assert.Equal(201, status);
        Assert.Equal("complaint", body!["suggestion"]!["type"]!.GetValue<string>());
        Assert.Equal("service", body["suggestion"]!["complaintClass"]!.GetValue<string>());
        Assert.Equal(201, agreed);
        var corrections = await CorrectionsAsync(Text);
        var correction = Assert.Single(corrections);
        Assert.Equal(CorrectionSource.Intake, correction.Source);
        Assert.Equal(Domain.WorkOrders.WorkOrderType.Complaint, correction.SuggestedType);
        Assert.Equal(Domain.WorkOrders.ComplaintClass.Service, correction.SuggestedComplaintClass);
        Assert.Equal(Domain.WorkOrders.WorkOrderType.Opinion, correction.ChosenType);
        Assert.Null(correction.ChosenComplaintClass);
        Assert.Equal("agent", correction.Actor);
        Assert.Equal(body["order"]!["number"]!.GetValue<string>(), correction.WorkOrderNumber);
        Assert.Empty(await CorrectionsAsync(Text + "！"));
        Assert.Equal(agreedBody!["order"]!["number"]!.GetValue<string>(), agreedBody["order"]!["number"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("wechat", "我家门口的电线掉下来了，还在冒火花，太危险了", "Urgent")]
    [InlineData("sms", "请问电费怎么在手机上交", "Normal")]
    [InlineData("app", "再不给我解决我就找媒体曝光，打12345投诉你们", "High")]
    public async Task Intake_WithoutAType_TakesTheSureModelReading_AndTheFlagsSetThePriority(string channel, string text, string priority)
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("agent");

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel,
            externalId = channel + "-" + Guid.NewGuid().ToString("N"),
            text,
        }));

        Assert.Equal(201, status);
        var suggestion = body!["suggestion"]!;
        var suggested = suggestion["type"]!.GetValue<string>();
        var sure = !suggestion["needsReview"]!.GetValue<bool>() && suggested != "serviceApplication";
        var order = body["order"]!;
        Assert.Equal(sure ? suggested : "inquiry", order["type"]!.GetValue<string>(), ignoreCase: true);
        if (sure && suggested == "complaint")
        {
            Assert.Equal(suggestion["complaintClass"]!.GetValue<string>(), order["complaintClass"]!.GetValue<string>(), ignoreCase: true);
        }

        Assert.Equal(priority, order["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reclassify_StoresACorrection_AndAComplaintWithoutClassIs400()
    {
        await ClassifierSample.EnsureModelAsync(factory);
        using var agent = await factory.ClientForAsync("agent");
        const string Text = "计划停电没有提前通知，我们一点准备都没有，冰箱里的东西全坏了";
        var (_, created, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = "hotline-" + Guid.NewGuid().ToString("N"),
            text = Text,
        }));
        var number = created!["order"]!["number"]!.GetValue<string>();
        var suggested = created["suggestion"]!["complaintClass"]?.GetValue<string>();

        var (noClass, noClassBody, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/reclassify", ApiJson.Json(new { type = "complaint" }));
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/reclassify", ApiJson.Json(new { type = "complaint", complaintClass = "service" }));

        Assert.Equal(400, noClass);
        Assert.NotNull(noClassBody!["errors"]!["complaintClass"]);
        Assert.Equal(200, status);
        Assert.Equal("Complaint", body!["order"]!["type"]!.GetValue<string>());
        Assert.NotEqual("service", suggested);
        var correction = Assert.Single(await CorrectionsAsync(Text));
        Assert.Equal(CorrectionSource.WorkOrder, correction.Source);
        Assert.Equal(number, correction.WorkOrderNumber);
        Assert.Equal(Domain.WorkOrders.ComplaintClass.Service, correction.ChosenComplaintClass);
    }

    private async Task<List<ClassificationCorrection>> CorrectionsAsync(string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ClassificationCorrections.Where(c => c.Text == text).ToListAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteClassificationApiTests(SqliteFactory factory) : ClassificationApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresClassificationApiTests(PostgresFactory factory) : ClassificationApiTests(factory), IClassFixture<PostgresFactory>;
