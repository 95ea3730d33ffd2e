using System.Net;
using System.Text.RegularExpressions;
using GridCare.Tests.Infrastructure;
using static GridCare.Tests.Infrastructure.PortalForms;

namespace GridCare.Tests;

public abstract partial class PortalTests(GridCareFactory factory)
{
    [Fact]
    public async Task Report_PostedTwice_CreatesExactlyOneOrder()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await CustomerAsync(agent, 0);
        var portal = factory.AnonymousClient();
        var form = await FormAsync(portal, "/portal/report");
        var before = await TotalAsync(agent);
        var fields = new Dictionary<string, string>
        {
            ["Input.FormId"] = form.FormId!,
            ["Input.AccountNumber"] = account,
            ["Input.Phone"] = phone,
            ["Input.Type"] = "Repair",
            ["Input.ComplaintClass"] = string.Empty,
            ["Input.Text"] = "家里停电了，邻居家有电",
        };

        var (firstStatus, first) = await PostAsync(portal, "/portal/report", "portal-report", form.Token, fields);
        var (secondStatus, second) = await PostAsync(portal, "/portal/report", "portal-report", form.Token, fields);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        var number = OrderNumber(first);
        Assert.Matches(@"^DF\d{8}-\d{6}$", number);
        Assert.Equal(number, OrderNumber(second));
        Assert.Equal(before + 1, await TotalAsync(agent));
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        Assert.Equal("Web", order["order"]!["channel"]!.GetValue<string>());
        Assert.Equal("Repair", order["order"]!["type"]!.GetValue<string>());
        Assert.Equal("portal", order["history"]![0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Report_WithWrongPhone_ShowsTheErrorAndCreatesNothing()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, _) = await CustomerAsync(agent, 1);
        var portal = factory.AnonymousClient();
        var form = await FormAsync(portal, "/portal/report");
        var before = await TotalAsync(agent);

        var (status, html) = await PostAsync(portal, "/portal/report", "portal-report", form.Token, new Dictionary<string, string>
        {
            ["Input.FormId"] = form.FormId!,
            ["Input.AccountNumber"] = account,
            ["Input.Phone"] = "13000000000",
            ["Input.Type"] = "Complaint",
            ["Input.ComplaintClass"] = "Service",
            ["Input.Text"] = "营业厅工作人员态度差",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"form-error\"", html, StringComparison.Ordinal);
        Assert.Contains("户号与预留手机号不一致", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"order-number\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await TotalAsync(agent));
    }

    [Fact]
    public async Task Report_Empty_NamesEveryMissingField()
    {
        var portal = factory.AnonymousClient();
        var form = await FormAsync(portal, "/portal/report");

        var (_, html) = await PostAsync(portal, "/portal/report", "portal-report", form.Token, new Dictionary<string, string>
        {
            ["Input.FormId"] = form.FormId!,
            ["Input.Type"] = "Complaint",
        });

        Assert.Contains("请输入户号。", html, StringComparison.Ordinal);
        Assert.Contains("请输入手机号。", html, StringComparison.Ordinal);
        Assert.Contains("请选择投诉类别。", html, StringComparison.Ordinal);
        Assert.Contains("请填写问题描述。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_ShowsCustomerVisibleEntries_AndHidesInternalNotes()
    {
        var agent = await factory.ClientForAsync("agent");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var (account, phone) = await CustomerAsync(agent, 2);
        var portal = factory.AnonymousClient();
        var number = await ReportAsync(portal, account, phone, "电压很低，电器带不动");
        await ActAsync(dispatcher, number, "note", new { text = "内部：该户曾多次投诉，注意沟通", customerVisible = false });
        await ActAsync(dispatcher, number, "note", new { text = "抢修人员已出发，预计30分钟到达", customerVisible = true });

        var form = await FormAsync(portal, "/portal/track");
        var (_, html) = await PostAsync(portal, "/portal/track", "portal-track", form.Token, new Dictionary<string, string>
        {
            ["Input.Number"] = number,
            ["Input.Phone"] = phone,
        });
        var (_, wrongPhone) = await PostAsync(portal, "/portal/track", "portal-track", form.Token, new Dictionary<string, string>
        {
            ["Input.Number"] = number,
            ["Input.Phone"] = "13000000000",
        });
        var (_, wrongNumber) = await PostAsync(portal, "/portal/track", "portal-track", form.Token, new Dictionary<string, string>
        {
            ["Input.Number"] = "DF20000101-999999",
            ["Input.Phone"] = phone,
        });

        Assert.Contains("data-testid=\"track-result\"", html, StringComparison.Ordinal);
        Assert.Contains("已派单", html, StringComparison.Ordinal);
        Assert.Contains("电压很低，电器带不动", html, StringComparison.Ordinal);
        Assert.Contains("抢修人员已出发，预计30分钟到达", html, StringComparison.Ordinal);
        Assert.DoesNotContain("该户曾多次投诉", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dispatcher", html, StringComparison.Ordinal);
        Assert.Equal(NotFoundPart(wrongPhone), NotFoundPart(wrongNumber));
        Assert.Contains("未查到与该工单号和手机号匹配的工单。", wrongPhone, StringComparison.Ordinal);
        Assert.DoesNotContain("track-result", wrongPhone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revisit_Unsatisfied_ReopensTheOrder()
    {
        var agent = await factory.ClientForAsync("agent");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var (account, phone) = await CustomerAsync(agent, 3);
        var portal = factory.AnonymousClient();
        var number = await ReportAsync(portal, account, phone, "表箱冒烟");
        var form = await FormAsync(portal, "/portal/revisit");
        var revisit = new Dictionary<string, string>
        {
            ["Input.Number"] = number,
            ["Input.Phone"] = phone,
            ["Input.Result"] = "Unsatisfied",
            ["Input.Comment"] = "第二天又停电了",
        };
        var (_, early) = await PostAsync(portal, "/portal/revisit", "portal-revisit", form.Token, revisit);
        await ActAsync(dispatcher, number, "dispatch", new { team = "抢修一班" });
        await ActAsync(dispatcher, number, "accept");
        await ActAsync(dispatcher, number, "arrive");
        await ActAsync(dispatcher, number, "resolve", new { causeCode = "loose-connection", resolutionCode = "tightened" });

        var (status, html) = await PostAsync(portal, "/portal/revisit", "portal-revisit", form.Token, revisit);

        Assert.Contains("data-testid=\"revisit-not-awaiting\"", early, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"revisit-reopened\"", html, StringComparison.Ordinal);
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        Assert.Equal("Received", order["order"]!["status"]!.GetValue<string>());
        Assert.Equal("Unsatisfied", order["revisitResult"]!.GetValue<string>());
        Assert.Equal(1, order["reopenCount"]!.GetValue<int>());
        var last = order["history"]!.AsArray()[^1]!;
        Assert.Equal("customer", last["actor"]!.GetValue<string>());
        Assert.Equal("Web", last["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Portal_InEnglish_ShowsEnglishTexts()
    {
        var portal = factory.AnonymousClient();

        using var response = await portal.GetAsync(new Uri("/portal/report?culture=en-US", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Report a fault or complaint", html, StringComparison.Ordinal);
        Assert.Contains("Account number", html, StringComparison.Ordinal);
    }

    private static string NotFoundPart(string html) =>
        TrackNotFound().Match(html) is { Success: true } match ? match.Value : string.Empty;

    private static async Task<int> TotalAsync(HttpClient agent) =>
        (await agent.GetJsonAsync("/api/v1/work-orders?pageSize=1"))["total"]!.GetValue<int>();

    private static async Task ActAsync(HttpClient client, string number, string action, object? body = null)
    {
        var (status, json, _) = await client.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/{action}", ApiJson.Json(body ?? new { }));
        Assert.True(status == 200, $"{action} on {number} answered {status}: {json}");
    }

    [GeneratedRegex("data-testid=\"track-not-found\">[^<]*<")]
    private static partial Regex TrackNotFound();
}

public sealed class SqlitePortalTests(SqliteFactory factory) : PortalTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPortalTests(PostgresFactory factory) : PortalTests(factory), IClassFixture<PostgresFactory>;
