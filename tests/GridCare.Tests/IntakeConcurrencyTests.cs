using GridCare.Domain.WorkOrders;
using GridCare.Features.Intake.Receiving;
using GridCare.Features.Portal;
using GridCare.Platform.Auth;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>Intake under concurrency: contacts that arrive together, in one batch or on several instances at once.</summary>
public abstract class IntakeConcurrencyTests(GridCareFactory factory)
{
    private const int AtOnce = 8;

    [Fact]
    public async Task FirstContacts_AtOnceOverHttp_OpenOneOrderAndCountTheOthersAsRepeats()
    {
        var agent = await factory.ClientForAsync("agent");
        var account = (await IntakeTests.CustomerAsync(agent, "014", 30))["accountNumber"]!.GetValue<string>();

        var answers = await Task.WhenAll(Enumerable.Range(1, AtOnce).Select(i => agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = i % 2 == 0 ? "app" : "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = account,
            text = $"第{i}个电话：电压忽高忽低",
            type = "opinion",
        }))));

        Assert.All(answers, a => Assert.Equal(201, a.Status));
        Assert.Single(answers, a => !a.Body!["isRepeat"]!.GetValue<bool>());
        var number = Assert.Single(answers.Select(a => a.Body!["order"]!["number"]!.GetValue<string>()).Distinct());
        var order = (await agent.GetJsonAsync($"/api/v1/work-orders/{number}"))["order"]!;
        Assert.Equal(AtOnce, order["contactCount"]!.GetValue<int>());
        Assert.Equal(AtOnce - 1, order["repeatContactCount"]!.GetValue<int>());
    }

    /// <summary>Each take-in runs in its own scope and transaction, as the intake writers of several app instances do.</summary>
    [Fact]
    public async Task FirstContacts_AtOnceOnSeveralInstances_OpenOneOrderAndCountTheOthersAsRepeats()
    {
        var agent = await factory.ClientForAsync("agent");
        var account = (await IntakeTests.CustomerAsync(agent, "014", 31))["accountNumber"]!.GetValue<string>();
        var scope = await PortalScopeAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, AtOnce).Select(async i =>
        {
            await using var instance = factory.Services.CreateAsyncScope();
            var contact = Pending(scope, $"第{i}个电话：电压忽高忽低", WorkOrderType.Opinion, account);
            var results = await instance.ServiceProvider.GetRequiredService<TakeInContacts>().HandleAsync([contact], CancellationToken.None);
            return Assert.IsType<ReceiveContactResult.Created>(Assert.Single(results)).Contact;
        }));

        Assert.Single(answers, a => !a.IsRepeat);
        var number = Assert.Single(answers.Select(a => a.Order!.Number).Distinct());
        var order = (await agent.GetJsonAsync($"/api/v1/work-orders/{number}"))["order"]!;
        Assert.Equal(AtOnce, order["contactCount"]!.GetValue<int>());
        Assert.Equal(AtOnce - 1, order["repeatContactCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Batch_WithACopyARefusalAndARepeat_AnswersEachAsOneAtATimeWouldAndNumbersWithoutGaps()
    {
        var agent = await factory.ClientForAsync("agent");
        var first = (await IntakeTests.CustomerAsync(agent, "014", 32))["accountNumber"]!.GetValue<string>();
        var second = (await IntakeTests.CustomerAsync(agent, "014", 33))["accountNumber"]!.GetValue<string>();
        var scope = await PortalScopeAsync();
        var opening = Pending(scope, "路灯线路打火", WorkOrderType.Suggestion, first);
        PendingContact[] batch =
        [
            opening,
            new(opening.Request, opening.Channel, opening.Type, null, null, scope, opening.AtUtc),
            Pending(scope, "抄表员态度太差", WorkOrderType.Complaint, second),
            Pending(scope, "线路还在打火", WorkOrderType.Suggestion, first),
            Pending(scope, "建议增设缴费点", WorkOrderType.Suggestion, second),
        ];

        await using var instance = factory.Services.CreateAsyncScope();
        var results = await instance.ServiceProvider.GetRequiredService<TakeInContacts>().HandleAsync(batch, CancellationToken.None);

        var opened = Assert.IsType<ReceiveContactResult.Created>(results[0]).Contact;
        Assert.False(opened.IsRepeat);
        Assert.Equal(1, opened.Order!.ContactCount);
        Assert.Equal(opened, Assert.IsType<ReceiveContactResult.AlreadyReceived>(results[1]).Contact);
        Assert.Contains("complaintClass", Assert.IsType<ReceiveContactResult.Invalid>(results[2]).Errors.Keys);
        var repeat = Assert.IsType<ReceiveContactResult.Created>(results[3]).Contact;
        Assert.True(repeat.IsRepeat);
        Assert.Equal(opened.Order!.Number, repeat.Order!.Number);
        Assert.Equal(2, repeat.Order!.ContactCount);
        var next = Assert.IsType<ReceiveContactResult.Created>(results[4]).Contact;
        Assert.True(WorkOrderNumber.TryParse(opened.Order!.Number, out var a));
        Assert.True(WorkOrderNumber.TryParse(next.Order!.Number, out var b));
        Assert.Equal(a.Sequence + 1, b.Sequence);
        Assert.Equal(opened.Order!.Id, (await agent.GetJsonAsync($"/api/v1/work-orders/{opened.Order!.Number}"))["order"]!["id"]!.GetValue<long>());
    }

    private async Task<StaffScope> PortalScopeAsync()
    {
        await using var services = factory.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<PortalScope>().ResolveAsync(CancellationToken.None);
    }

    private static PendingContact Pending(StaffScope scope, string text, WorkOrderType type, string account) => new(
        new ContactRequest("Hotline", Guid.NewGuid().ToString("N"), text, AccountNumber: account),
        Channel.Hotline,
        type,
        null,
        null,
        scope,
        new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc));
}

public sealed class SqliteIntakeConcurrencyTests(SqliteFactory factory) : IntakeConcurrencyTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresIntakeConcurrencyTests(PostgresFactory factory) : IntakeConcurrencyTests(factory), IClassFixture<PostgresFactory>;
