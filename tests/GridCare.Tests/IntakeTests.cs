using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class IntakeTests(GridCareFactory factory)
{
    [Theory]
    [InlineData("hotline", 0)]
    [InlineData("app", 1)]
    [InlineData("wechat", 2)]
    [InlineData("web", 3)]
    [InlineData("sms", 4)]
    [InlineData("counter", 5)]
    [InlineData("email", 6)]
    [InlineData("transfer12345", 7)]
    [InlineData("transfer12398", 8)]
    public async Task Contact_FromEachChannel_OpensAnOrderForTheIdentifiedCustomer(string channel, int nth)
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await CustomerAsync(agent, "013", nth);

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel,
            externalId = $"{channel}-{Guid.NewGuid():N}",
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "家里电费突然变高，想查询一下原因",
            type = "inquiry",
        }));

        Assert.Equal(201, status);
        var order = body!["order"]!;
        Assert.Matches(@"^DF\d{8}-\d{6}$", order["number"]!.GetValue<string>());
        Assert.Equal(customer["id"]!.GetValue<long>(), order["customerId"]!.GetValue<long>());
        Assert.Equal("Received", order["status"]!.GetValue<string>());
        Assert.Equal(channel, order["channel"]!.GetValue<string>(), ignoreCase: true);
        Assert.NotNull(order["sla"]!["replyDueAt"]);
    }

    [Fact]
    public async Task Contact_SentTwice_AnswersTheSameOrderAndCreatesNothing()
    {
        var agent = await factory.ClientForAsync("agent");
        var contact = new { channel = "sms", externalId = "sms-" + Guid.NewGuid().ToString("N"), phone = "13900000001", text = "停电了，什么时候来电？", type = "repair" };

        var (first, created, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(contact));
        var before = (await agent.GetJsonAsync("/api/v1/work-orders?pageSize=1"))["total"]!.GetValue<int>();
        var (second, again, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(contact));
        var after = (await agent.GetJsonAsync("/api/v1/work-orders?pageSize=1"))["total"]!.GetValue<int>();

        Assert.Equal(201, first);
        Assert.Equal(200, second);
        Assert.Equal(created!["order"]!["number"]!.GetValue<string>(), again!["order"]!["number"]!.GetValue<string>());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Contact_RepeatFromSameCustomerAboutSameType_IsAddedToTheOpenOrder()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await CustomerAsync(agent, "012");
        var meter = (await agent.GetJsonAsync($"/api/v1/customers/{customer["id"]}"))["meterNumber"]!.GetValue<string>();

        var (_, first, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            meterNumber = meter,
            text = "电压太低，灯一直闪",
            type = "repair",
        }));
        var (status, second, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "app",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "还是电压低，怎么还没人来",
            type = "repair",
        }));

        Assert.Equal(201, status);
        Assert.True(second!["isRepeat"]!.GetValue<bool>());
        Assert.Equal(first!["order"]!["number"]!.GetValue<string>(), second["order"]!["number"]!.GetValue<string>());
        Assert.Equal(2, second["order"]!["contactCount"]!.GetValue<int>());
        Assert.Equal(1, second["order"]!["repeatContactCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Contacts_ManyRepeatsAtOnce_AllLandOnTheOpenOrder()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await CustomerAsync(agent, "012", 5);
        var account = customer["accountNumber"]!.GetValue<string>();
        object Contact(string text) => new { channel = "hotline", externalId = Guid.NewGuid().ToString("N"), accountNumber = account, text, type = "repair" };
        var (_, first, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(Contact("停电了")));

        var repeats = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(Contact($"第{i}次催修")))));
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{first!["order"]!["number"]}");

        Assert.All(repeats, r => Assert.Equal(201, r.Status));
        Assert.All(repeats, r => Assert.Equal(first["order"]!["number"]!.GetValue<string>(), r.Body!["order"]!["number"]!.GetValue<string>()));
        Assert.Equal(9, order["order"]!["contactCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Contact_Unidentified_IsKeptAsAnOrderWithoutCustomer()
    {
        var agent = await factory.ClientForAsync("agent");

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "transfer12345",
            externalId = Guid.NewGuid().ToString("N"),
            text = "路边电线杆倒了，电线掉在地上",
            type = "repair",
        }));

        Assert.Equal(201, status);
        Assert.Null(body!["order"]!["customerId"]);
        Assert.Empty(body["order"]!["candidateCustomerIds"]!.AsArray());
    }

    [Fact]
    public async Task Contact_Malformed_Returns400NamingEachBadField()
    {
        var agent = await factory.ClientForAsync("agent");

        var (missing, missingBody, contentType) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new { phone = "13900000000" }));
        var (badChannel, badBody, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "pigeon",
            externalId = "x1",
            text = "test",
            type = "complaint",
        }));
        var (noClass, noClassBody, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "web",
            externalId = Guid.NewGuid().ToString("N"),
            text = "抄表员态度太差",
            type = "complaint",
        }));

        Assert.Equal(400, missing);
        Assert.Equal("application/problem+json", contentType);
        var fields = missingBody!["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).ToList();
        Assert.Contains("channel", fields);
        Assert.Contains("externalid", fields);
        Assert.Contains("text", fields);
        Assert.Equal(400, badChannel);
        Assert.NotNull(badBody!["errors"]!["channel"]);
        Assert.Equal(400, noClass);
        Assert.NotNull(noClassBody!["errors"]!["complaintClass"]);
    }

    [Fact]
    public async Task Complaint_TheAfternoonBeforeNationalDay_IsDueAfterTheHoliday()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await CustomerAsync(agent, "011");

        // 15:00 China time on Wednesday 30 September 2026; 1–7 October are off and Saturday 10 October is a working day.
        var (_, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "上个月电费账单明显不对，营业厅也说不清楚",
            type = "complaint",
            complaintClass = "business",
            occurredAt = "2026-09-30T15:00:00+08:00",
        }));

        var sla = body!["order"]!["sla"]!;
        Assert.Equal(new DateTime(2026, 10, 8, 9, 30, 0, DateTimeKind.Utc), sla["firstContactDueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(new DateTime(2026, 10, 13, 9, 30, 0, DateTimeKind.Utc), sla["replyDueAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task Repair_InARemoteAreaAtNight_IsDueTwoHoursLaterAcrossMidnight()
    {
        var agent = await factory.ClientForAsync("agent");
        var remote = await CustomerAsync(agent, "015");
        Assert.Equal("Remote", remote["areaType"]!.GetValue<string>());

        var (_, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = remote["accountNumber"]!.GetValue<string>(),
            text = "村里全停电了",
            type = "repair",
            occurredAt = "2026-11-20T23:30:00+08:00",
        }));

        Assert.Equal(new DateTime(2026, 11, 20, 17, 30, 0, DateTimeKind.Utc), body!["order"]!["sla"]!["arrivalDueAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    /// <summary>The nth residential account whose number starts with the prefix (011… is the first supply station, 015… the last, remote one).</summary>
    internal static async Task<JsonNode> CustomerAsync(HttpClient client, string accountPrefix, int nth = 0)
    {
        var page = await client.GetJsonAsync($"/api/v1/customers?q={accountPrefix}&pageSize=50&page=2");
        return page["items"]!.AsArray().Where(c => c!["category"]!.GetValue<string>() == "Residential").ElementAt(nth)!;
    }
}

public sealed class SqliteIntakeTests(SqliteFactory factory) : IntakeTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresIntakeTests(PostgresFactory factory) : IntakeTests(factory), IClassFixture<PostgresFactory>;
