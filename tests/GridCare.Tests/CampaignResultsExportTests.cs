using GridCare.Features.Notifications;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace GridCare.Tests;

/// <summary>
/// A campaign's results as Excel (<c>GET /api/v1/campaigns/{id}/results.xlsx</c>): the summary holds the figures of the
/// JSON results, one row per customer says what came of their messages and replies, phones are masked for analysts,
/// and the workbook is refused outside the campaign's units as the results are. Read back with MiniExcel.
/// </summary>
public abstract class CampaignResultsExportTests(GridCareFactory factory, FakeTimeProvider clock)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task ResultsWorkbook_HasTheResultsFigures_OneRowPerCustomer_AndPhonesMasked()
    {
        using var analyst = await factory.ClientForAsync("analyst");
        using var gateway = factory.AnonymousClient();
        var (_, c) = await CampaignTestData.CustomersOfOneUnitAsync(factory, 3, skip: 0);
        // c0 opted out of campaigns; c1 takes the default SMS; c2 prefers WeChat but has no openid.
        await factory.PreferAsync(c[0], new NotificationPreferenceValues([NotificationChannel.Sms], null, null, null, null, "zh-CN", false, 0, 0, false, OptOutMarketing: true));
        await factory.PreferAsync(c[2], new NotificationPreferenceValues([NotificationChannel.WeChat], null, null, null, null, "zh-CN", false, 0, 0, false));
        var created = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new
        {
            name = "用电安全提示",
            textZh = "夏季用电高峰，请注意用电安全。",
            audience = new { source = "customers", customerIds = c },
        }));
        var id = created.Body!["id"]!.GetValue<long>();
        Assert.Equal(200, (await analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send")).Status);
        var sent = await CampaignTestData.DispatchAllAsync(factory, $"campaign:{id}");
        var sms = sent.Single(m => m.CustomerId == c[1]);
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/notifications/receipts", new { id = sms.DeliveryId, status = "delivered" }));
        Assert.Equal(204, await CampaignTestData.PostSignedAsync(gateway, clock, "/api/v1/campaigns/replies", new { id = $"mo-x-{id}", from = sms.Recipient, text = "好的，谢谢" }));

        var json = await analyst.GetJsonAsync($"/api/v1/campaigns/{id}/results");
        using var response = await analyst.GetAsync(new Uri($"/api/v1/campaigns/{id}/results.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);
        using var book = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        Assert.True(response.IsSuccessStatusCode, $"export answered {(int)response.StatusCode}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"campaign-{id}-results.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(["summary", "channels", "customers"], book.GetSheetNames());
        var summary = Assert.Single(Rows(book, "summary"));
        Assert.Equal("用电安全提示", summary["campaign"]);
        // Three customers: c1 sent and delivered and replied, c0 opted out, c2 without an address on its channel.
        string[] figures = ["recipients", "sent", "delivered", "read", "pending", "failed", "skippedOptedOut", "skippedNoChannel", "responses"];
        Assert.Equal([3, 1, 1, 0, 0, 0, 1, 1, 1], figures.Select(f => json.Int(f)));
        string[] columns = ["recipients", "sent", "delivered", "read", "pending", "failed", "skipped_opted_out", "skipped_no_channel", "responses"];
        Assert.Equal(figures.Select(f => (double)json.Int(f)), columns.Select(f => Number(summary[f])));

        var customers = Rows(book, "customers");
        Assert.Equal(c.Select(x => (double)x), customers.Select(r => Number(r["customer_id"])));
        Assert.Equal(["skipped_opted_out", "delivered", "skipped_no_channel"], customers.Select(r => (string)r["outcome"]));
        Assert.Equal([0.0, 1.0, 0.0], customers.Select(r => Number(r["replies"])));
        Assert.Equal("weChat: skipped (no-recipient)", customers[2]["channels"]);
        var phones = await factory.WithDbAsync(db => db.Customers.AsNoTracking().Where(x => c.Contains(x.Id)).OrderBy(x => x.Id).Select(x => x.Phone!).ToListAsync(TestContext.Current.CancellationToken));
        Assert.All(customers.Zip(phones), p =>
        {
            Assert.Contains("*", (string)p.First["phone"], StringComparison.Ordinal);
            Assert.NotEqual(p.Second, (string)p.First["phone"]);
            Assert.EndsWith(p.Second[^4..], (string)p.First["phone"], StringComparison.Ordinal);
        });
        var channels = Assert.Single(Rows(book, "channels"), r => (string)r["channel"] == "sms");
        Assert.Equal((2.0, 1.0, 1.0), (Number(channels["messages"]), Number(channels["sent"]), Number(channels["skipped"])));
    }

    [Fact]
    public async Task ResultsWorkbook_OutsideTheUnits_IsNotFound_AndRefusedToOtherRoles()
    {
        using var analyst = await factory.ClientForAsync("analyst");
        using var manager = await factory.ClientForAsync("manager");
        using var crew = await factory.ClientForAsync("crew");
        var created = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new { name = "city", textZh = "全市通知", audience = new { source = "segment", area = "urban" } }));
        var id = created.Body!["id"]!.GetValue<long>();

        var byManager = await manager.SendAsync(HttpMethod.Get, $"/api/v1/campaigns/{id}/results.xlsx");
        var byCrew = await crew.SendAsync(HttpMethod.Get, $"/api/v1/campaigns/{id}/results.xlsx");
        var missing = await analyst.SendAsync(HttpMethod.Get, $"/api/v1/campaigns/{id + 1000}/results.xlsx");
        var draft = await analyst.SendAsync(HttpMethod.Get, $"/api/v1/campaigns/{id}/results.xlsx");

        Assert.Equal((404, 403, 404), (byManager.Status, byCrew.Status, missing.Status));
        Assert.Equal((200, Xlsx), (draft.Status, draft.ContentType));
    }

    private static List<IDictionary<string, object>> Rows(Stream book, string sheet) =>
        [.. book.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()];

    private static double Number(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteCampaignResultsExportTests(SqliteCampaignFactory factory)
    : CampaignResultsExportTests(factory, factory.Clock), IClassFixture<SqliteCampaignFactory>;

public sealed class PostgresCampaignResultsExportTests(PostgresCampaignFactory factory)
    : CampaignResultsExportTests(factory, factory.Clock), IClassFixture<PostgresCampaignFactory>;
