using System.Text.Json.Nodes;
using GridCare.Domain.Customers;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GridCare.Tests.Infrastructure.IvrCallers;

namespace GridCare.Tests;

public abstract class IvrLookupTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task CallerInsideAnOutage_HearsTheEtrInChinaTime_InChineseOrEnglish_AndTheHotlineContactIsToldTheOutage()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var ivr = await factory.ClientForAsync("agent");
        var branch = (await DemoNetwork.BranchesAsync(factory))[4];
        var caller = branch.ByTransformer[0][0];
        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/scada-events", ApiJson.Json(new
        {
            events = new[] { new { eventId = "trip-" + Guid.NewGuid().ToString("N"), device = branch.Code, type = "trip", occurredAt = clock.GetUtcNow() } },
        }));
        await OutageRuns.DetectAsync(factory);
        var outage = (await dispatcher.GetJsonAsync("/api/v1/outages?kind=unplanned")).AsArray().Single(o => o!["device"]!["code"]!.GetValue<string>() == branch.Code)!;
        var etr = outage["etr"]!.GetValue<DateTime>().ToUniversalTime();
        var now = clock.GetUtcNow().UtcDateTime;

        var (status, zh) = await LookupAsync(ivr, new { phone = NewPhone(), accountNumber = caller.AccountNumber });
        var (_, en) = await LookupAsync(ivr, new { phone = NewPhone(), accountNumber = caller.AccountNumber }, "en-US,en;q=0.9,zh-CN;q=0.5");
        var (_, field) = await LookupAsync(ivr, new { phone = NewPhone(), accountNumber = caller.AccountNumber, language = "en" }, "zh-CN");
        var (callStatus, call, _) = await ivr.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = "ivr-" + Guid.NewGuid().ToString("N"),
            accountNumber = caller.AccountNumber,
            text = "家里停电了，什么时候来电",
            type = "repair",
        }));

        Assert.Equal(200, status);
        Assert.Equal(("Identified", "None", "zh-CN"), (zh!["match"]!.GetValue<string>(), zh["nextStep"]!.GetValue<string>(), zh["language"]!.GetValue<string>()));
        Assert.Equal(outage["number"]!.GetValue<string>(), zh["outage"]!["number"]!.GetValue<string>());
        Assert.Equal(etr, zh["outage"]!["etr"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal($"您好，您所在区域因线路故障停电，预计{Spoken(etr, now)}恢复供电。", zh["speech"]!.GetValue<string>());
        var english = $"Hello. There is a power cut in your area because of a line fault; power is expected back {SpokenInEnglish(etr, now)}.";
        Assert.Equal((english, "en-US"), (en!["speech"]!.GetValue<string>(), en["language"]!.GetValue<string>()));
        Assert.Equal(english, field!["speech"]!.GetValue<string>());
        Assert.Equal(201, callStatus);
        Assert.Equal(outage["number"]!.GetValue<string>(), call!["outage"]!["number"]!.GetValue<string>());
        Assert.Equal(etr, call["outage"]!["etr"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Fact]
    public async Task CallerWithAnOpenOrder_HearsItsNumberAndStatus()
    {
        var agent = await factory.ClientForAsync("agent");
        var caller = new IvrCaller(NewAccount(), NewPhone());
        await ImportAsync(factory, Header + "\n" + Row(caller, await TransformerCodeAsync(factory, 5)));
        var (_, contact, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = "ivr-" + Guid.NewGuid().ToString("N"),
            phone = caller.Phone,
            text = "电表箱冒烟了",
            type = "repair",
        }));
        var number = contact!["order"]!["number"]!.GetValue<string>();
        var order = (await agent.GetJsonAsync($"/api/v1/work-orders/{number}"))["order"]!;

        var (_, answer) = await LookupAsync(agent, new { phone = caller.Phone });

        var listed = answer!["openOrders"]!.AsArray().Single()!;
        Assert.Equal((number, "Repair"), (listed["number"]!.GetValue<string>(), listed["type"]!.GetValue<string>()));
        Assert.Equal(order["status"]!.GetValue<string>(), listed["status"]!.GetValue<string>());
        var status = order["status"]!.GetValue<string>() switch
        {
            "Received" => "已受理，正在安排处理",
            "Dispatched" => "已派发至处理单位",
            var other => throw new InvalidOperationException("A new repair order is received or dispatched, not " + other),
        };
        Assert.StartsWith($"您好，您的故障报修工单{number}{status}", answer["speech"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(answer["arrears"]);
    }

    [Fact]
    public async Task CallersInArrears_HearTheAmount_TheCut_AndTheReconnectionPromise_AndReimportChangesNothing()
    {
        var ivr = await factory.ClientForAsync("agent");
        var transformer = await TransformerCodeAsync(factory, 6);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Domain.Sla.ChinaTime.DateOf(now);
        var (owing, cut, paid, overdue) = (Caller(), Caller(), Caller(), Caller());
        var paidAt = DateTime.SpecifyKind(now.AddHours(-2).AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)), DateTimeKind.Utc);
        var csv = string.Join('\n',
            Header,
            Row(owing, transformer, "356.40,2026-09-01,,"),
            Row(cut, transformer, $"128.5,2026-08-15,{today.AddDays(-1):yyyy-MM-dd} 10:00,"),
            Row(paid, transformer, $"0,,{today.AddDays(-2):yyyy-MM-dd} 09:00,{Cst(paidAt)}"),
            Row(overdue, transformer, $"0,,{today.AddDays(-3):yyyy-MM-dd} 09:00,{Cst(now.AddHours(-30))}"));

        var created = await ImportAsync(factory, csv);
        var again = await ImportAsync(factory, csv);
        var oldFormat = await ImportAsync(factory, string.Join(',', Header.Split(',')[..9]) + "\n" + string.Join(',', Row(owing, transformer).Split(',')[..9]));
        var answers = new Dictionary<IvrCaller, JsonNode>();
        foreach (var caller in new[] { owing, cut, paid, overdue })
        {
            answers[caller] = (await LookupAsync(ivr, new { phone = caller.Phone })).Body!;
        }

        Assert.Equal((4, 0), (created["created"]!.GetValue<int>(), created["updated"]!.GetValue<int>()));
        Assert.Equal(4, again["unchanged"]!.GetValue<int>());
        Assert.Equal(1, oldFormat["unchanged"]!.GetValue<int>());
        Assert.Equal("您好，您的户号目前欠费356.4元，请尽快缴清，以免影响正常用电。", answers[owing]["speech"]!.GetValue<string>());
        Assert.Equal((356.40m, "Connected"), (answers[owing]["arrears"]!["amountYuan"]!.GetValue<decimal>(), answers[owing]["arrears"]!["reconnectionStatus"]!.GetValue<string>()));
        Assert.Equal("您好，您的户号因欠费128.5元已于昨天停止供电，缴清欠费后我们将在24小时内为您恢复供电。", answers[cut]["speech"]!.GetValue<string>());
        Assert.Equal("DisconnectedForArrears", answers[cut]["arrears"]!["reconnectionStatus"]!.GetValue<string>());
        Assert.Equal($"您好，您已缴清欠费，我们将在{Spoken(paidAt.AddHours(24), now)}前为您恢复供电。", answers[paid]["speech"]!.GetValue<string>());
        Assert.Equal(("ReconnectionPending", paidAt.AddHours(24)), (answers[paid]["arrears"]!["reconnectionStatus"]!.GetValue<string>(), answers[paid]["arrears"]!["reconnectionDueAt"]!.GetValue<DateTime>().ToUniversalTime()));
        Assert.Equal("您好，您已缴清欠费，复电已超过承诺时间，正在为您转接人工服务。", answers[overdue]["speech"]!.GetValue<string>());
        Assert.Equal(("TransferToAgent", true), (answers[overdue]["nextStep"]!.GetValue<string>(), answers[overdue]["arrears"]!["reconnectionOverdue"]!.GetValue<bool>()));

        // The agent's customer page shows the same billing facts.
        var cutId = (await ivr.GetJsonAsync($"/api/v1/customers?q={cut.AccountNumber}"))["items"]!.AsArray().Single()!["id"]!.GetValue<long>();
        var detail = await ivr.GetJsonAsync($"/api/v1/customers/{cutId}");
        Assert.Equal(("DisconnectedForArrears", 128.5m), (detail["reconnectionStatus"]!.GetValue<string>(), detail["arrears"]!["amountYuan"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task DemoArea_HasAFewAccountsInArrears_OneCutAndOnePaidPerCounty()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var demo = await db.Customers.AsNoTracking().Where(c => !c.AccountNumber.StartsWith("IVR") && (c.ArrearsSince != null || c.ArrearsDisconnectedAt != null))
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.InRange(demo.Count, 3, 20);
        Assert.Single(demo, c => c.ReconnectionStatus == ReconnectionStatus.DisconnectedForArrears);
        Assert.Single(demo, c => c.ReconnectionStatus == ReconnectionStatus.ReconnectionPending);
    }

    [Fact]
    public async Task SharedPhone_AsksForTheAccount_UnknownPhoneOrAccount_AsksAgain_KeyedAccountAnswers()
    {
        var ivr = await factory.ClientForAsync("agent");
        var phone = NewPhone();
        var (first, second) = (new IvrCaller(NewAccount(), phone), new IvrCaller(NewAccount(), phone));
        var transformer = await TransformerCodeAsync(factory, 7);
        await ImportAsync(factory, string.Join('\n', Header, Row(first, transformer), Row(second, transformer)));

        var (_, shared) = await LookupAsync(ivr, new { phone });
        var (_, keyed) = await LookupAsync(ivr, new { phone, accountNumber = second.AccountNumber });
        var (_, unknown) = await LookupAsync(ivr, new { phone = NewPhone() });
        var (_, wrongAccount) = await LookupAsync(ivr, new { phone, accountNumber = "IVR0000000" });

        Assert.Equal(("Ambiguous", "AskAccountNumber", 2), (shared!["match"]!.GetValue<string>(), shared["nextStep"]!.GetValue<string>(), shared["candidateCount"]!.GetValue<int>()));
        Assert.Null(shared["accountNumber"]);
        Assert.Equal("您好，您的来电号码登记了2个用电户号，请输入您要查询的户号，以井号键结束。", shared["speech"]!.GetValue<string>());
        Assert.Equal(("Identified", second.AccountNumber), (keyed!["match"]!.GetValue<string>(), keyed["accountNumber"]!.GetValue<string>()));
        Assert.Equal("您好，您的户号目前供电正常，没有停电信息和在办工单。", keyed["speech"]!.GetValue<string>());
        Assert.Equal(("Unknown", "AskAccountNumber"), (unknown!["match"]!.GetValue<string>(), unknown["nextStep"]!.GetValue<string>()));
        Assert.Equal("您好，未能根据来电号码查到您的用电户号，请输入户号，以井号键结束，或按0转人工服务。", unknown["speech"]!.GetValue<string>());
        Assert.Equal("AccountNotFound", wrongAccount!["match"]!.GetValue<string>());
        Assert.Equal("您好，未查到您输入的户号，请核对后重新输入，或按0转人工服务。", wrongAccount["speech"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadLookup_IsAProblemNamingTheField()
    {
        var ivr = await factory.ClientForAsync("agent");

        var (noPhone, noPhoneBody) = await LookupAsync(ivr, new { accountNumber = "0110000001" });
        var (_, badPhone) = await LookupAsync(ivr, new { phone = "call-me" });
        var (_, badAccount) = await LookupAsync(ivr, new { phone = NewPhone(), accountNumber = "户号?" });
        var (_, badLanguage) = await LookupAsync(ivr, new { phone = NewPhone(), language = "fr" });

        Assert.Equal(400, noPhone);
        Assert.Equal(["phone"], noPhoneBody!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["phone"], badPhone!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["accountNumber"], badAccount!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["language"], badLanguage!["errors"]!.AsObject().Select(e => e.Key));
    }

    private static IvrCaller Caller() => new(NewAccount(), NewPhone());
}

public sealed class SqliteIvrLookupTests(SqliteClockFactory factory) : IvrLookupTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresIvrLookupTests(PostgresClockFactory factory) : IvrLookupTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
