using GridCare.Domain.Customers;
using GridCare.Features.Notifications;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// Targeted campaigns over HTTP: audience from a segment and from a list, one send however often it is asked for,
/// opt-outs honoured (preference, SMS "TD"), results from the fake gateways' delivery and read receipts.
/// </summary>
public abstract class CampaignApiTests(GridCareFactory factory, NotificationFakes fakes, FakeTimeProvider clock)
{
    [Fact]
    public async Task PreviewAudience_SegmentAndList_PickTheUnitsCustomers_PhonesMaskedForAnalysts()
    {
        using var analyst = await factory.ClientForAsync("analyst");
        using var agent = await factory.ClientForAsync("agent");
        var (unit, listed) = await CampaignTestData.CustomersOfOneUnitAsync(factory, 3, skip: 0);
        var units = await CampaignTestData.SubtreeAsync(factory, unit);
        var expected = await factory.WithDbAsync(db => db.Customers.AsNoTracking()
            .Where(c => units.Contains(c.OrgUnitId) && c.Category == CustomerCategory.Residential && c.ContractedCapacityKva < 10)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken));
        var outside = await factory.WithDbAsync(db => db.Customers.Where(c => !units.Contains(c.OrgUnitId)).Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken));

        var segment = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns/preview-audience", ApiJson.Json(new
        {
            orgUnitId = unit,
            audience = new { source = "segment", category = "residential", capacity = "under10" },
        }));
        var list = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns/preview-audience", ApiJson.Json(new
        {
            orgUnitId = unit,
            audience = new { source = "customers", customerIds = new[] { listed[2], listed[0], outside, listed[0] } },
        }));
        var bad = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns/preview-audience", ApiJson.Json(new { audience = new { source = "everyone", capacity = "huge" } }));
        var byAgent = await agent.SendAsync(HttpMethod.Post, "/api/v1/campaigns/preview-audience", ApiJson.Json(new { audience = new { source = "segment" } }));

        Assert.Equal(200, segment.Status);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, segment.Body!.Int("total"));
        Assert.Equal(expected.Take(100), segment.Body!["customers"]!.AsArray().Select(c => c!["customerId"]!.GetValue<long>()));
        Assert.Equal(200, list.Status);
        Assert.Equal(new[] { listed[0], listed[2] }, list.Body!["customers"]!.AsArray().Select(c => c!["customerId"]!.GetValue<long>()));
        Assert.All(list.Body!["customers"]!.AsArray(), c => Assert.Contains("*", c!["phone"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(400, bad.Status);
        Assert.NotNull(bad.Body!["errors"]!["audience.source"]);
        Assert.NotNull(bad.Body!["errors"]!["audience.capacity"]);
        Assert.Equal(403, byAgent.Status);
    }

    [Fact]
    public async Task Send_IsIdempotent_HonoursOptOuts_AndCountsReceiptsAndReplies()
    {
        using var analyst = await factory.ClientForAsync("analyst");
        using var gateway = factory.AnonymousClient();
        var (_, c) = await CampaignTestData.CustomersOfOneUnitAsync(factory, 4, skip: 10);
        // c0 opted out of campaigns; c1 takes WeChat in English; c2 the default SMS; c3 WeChat without an openid.
        await factory.PreferAsync(c[0], new NotificationPreferenceValues([NotificationChannel.Sms], null, null, null, null, "zh-CN", false, 0, 0, false, OptOutMarketing: true));
        await factory.PreferAsync(c[1], new NotificationPreferenceValues([NotificationChannel.WeChat], null, "o-wx-camp", null, null, "en", false, 0, 0, false));
        await factory.PreferAsync(c[3], new NotificationPreferenceValues([NotificationChannel.WeChat], null, null, null, null, "zh-CN", false, 0, 0, false));

        var created = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new
        {
            name = "峰谷电价推广",
            kind = "message",
            subjectZh = "峰谷电价",
            textZh = "峰谷电价可为您节省电费，详询95598。",
            textEn = "Time-of-use tariffs can cut your bill; call 95598.",
            audience = new { source = "customers", customerIds = c },
        }));
        Assert.Equal(201, created.Status);
        var id = created.Body!["id"]!.GetValue<long>();

        var sends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send")));
        var again = await analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send");
        var sent = await CampaignTestData.DispatchAllAsync(factory, $"campaign:{id}");

        Assert.All(sends.Append(again), s => Assert.Equal(200, s.Status));
        Assert.Equal(4, sent.Count);
        var sms = Assert.Single(fakes.Gateway.Received, r => r.Id == sent.Single(m => m.CustomerId == c[2]).DeliveryId);
        Assert.Equal("【GridCare】峰谷电价可为您节省电费，详询95598。 回复TD退订", sms.Text);
        var push = Assert.Single(fakes.Gateway.ReceivedPush, p => p.Id == sent.Single(m => m.CustomerId == c[1]).DeliveryId);
        Assert.Equal(("峰谷电价", "Time-of-use tariffs can cut your bill; call 95598. Reply TD to opt out."), (push.Title, push.Text));
        Assert.DoesNotContain(fakes.Gateway.Received, r => sent.Where(m => m.CustomerId != c[2]).Any(m => m.DeliveryId == r.Id));

        var smsId = sent.Single(m => m.CustomerId == c[2]).DeliveryId;
        var pushId = sent.Single(m => m.CustomerId == c[1]).DeliveryId;
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/notifications/receipts", new { id = smsId, status = "delivered" }));
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/notifications/receipts", new { id = smsId, status = "delivered" }));
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/notifications/receipts", new { id = pushId, status = "read" }));
        Assert.Equal(401, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/notifications/receipts", new { id = pushId, status = "read" }, secret: "wrong"));
        Assert.Equal(400, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/notifications/receipts", new { id = pushId, status = "lost" }));

        var results = await analyst.GetJsonAsync($"/api/v1/campaigns/{id}/results");
        // Four customers: c1 and c2 sent (both delivered, c1's read), c0 opted out, c3 without an address on its channel.
        Assert.Equal((4, 2, 2, 1), (results.Int("recipients"), results.Int("sent"), results.Int("delivered"), results.Int("read")));
        Assert.Equal((1, 1, 0, 0), (results.Int("skippedOptedOut"), results.Int("skippedNoChannel"), results.Int("failed"), results.Int("responses")));

        // The SMS customer replies "TD" (the gateway posts it twice) and a question; then a second campaign skips them.
        var phone = sent.Single(m => m.CustomerId == c[2]).Recipient!;
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/campaigns/replies", new { id = $"mo-{id}-1", from = phone, text = "TD" }));
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/campaigns/replies", new { id = $"mo-{id}-1", from = phone, text = "TD" }));
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/campaigns/replies", new { id = $"mo-{id}-2", from = phone, text = "怎么办理？" }));
        var replied = await analyst.GetJsonAsync($"/api/v1/campaigns/{id}/results");
        Assert.Equal((2, 1, 1), (replied.Int("responses"), replied.Int("replies"), replied.Int("optOuts")));

        var second = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new { name = "second", textZh = "第二次", audience = new { source = "customers", customerIds = new[] { c[2] } } }));
        var secondId = second.Body!["id"]!.GetValue<long>();
        var secondResults = (await analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{secondId}/send")).Body!;
        Assert.Equal((1, 1, 0), (secondResults.Int("recipients"), secondResults.Int("skippedOptedOut"), secondResults.Int("sent")));
    }

    [Fact]
    public async Task Campaigns_AreSeenInTheirUnitOnly_AndValidated()
    {
        using var analyst = await factory.ClientForAsync("analyst");
        using var manager = await factory.ClientForAsync("manager");
        using var crew = await factory.ClientForAsync("crew");
        var city = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "analyst").Select(u => u.OrgUnitId).FirstAsync(TestContext.Current.CancellationToken));

        var cityCampaign = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new { name = "city", orgUnitId = city, textZh = "全市通知", audience = new { source = "segment", area = "urban" } }));
        var invalid = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new { name = "", kind = "survey", audience = new { source = "closedOrders", from = "2026-12-01" } }));
        var id = cityCampaign.Body!["id"]!.GetValue<long>();
        var byManager = await manager.SendAsync(HttpMethod.Get, $"/api/v1/campaigns/{id}/results");
        var sendByManager = await manager.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send");
        var managerList = await manager.GetJsonAsync("/api/v1/campaigns");
        var byCrew = await crew.SendAsync(HttpMethod.Get, "/api/v1/campaigns");

        Assert.Equal(201, cityCampaign.Status);
        Assert.Equal(400, invalid.Status);
        Assert.All(["name", "surveyId", "audience.from"], field => Assert.NotNull(invalid.Body!["errors"]![field]));
        Assert.Equal((404, 404), (byManager.Status, sendByManager.Status));
        Assert.DoesNotContain(managerList.AsArray(), c => c!["id"]!.GetValue<long>() == id);
        Assert.Equal(403, byCrew.Status);
        Assert.Equal("draft", (await analyst.GetJsonAsync($"/api/v1/campaigns/{id}/results"))["campaign"]!["status"]!.GetValue<string>());
    }
}

public sealed class SqliteCampaignApiTests(SqliteCampaignFactory factory)
    : CampaignApiTests(factory, factory.Fakes, factory.Clock), IClassFixture<SqliteCampaignFactory>;

public sealed class PostgresCampaignApiTests(PostgresCampaignFactory factory)
    : CampaignApiTests(factory, factory.Fakes, factory.Clock), IClassFixture<PostgresCampaignFactory>;
