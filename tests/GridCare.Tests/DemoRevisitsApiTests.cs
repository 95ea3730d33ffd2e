using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>
/// The demo's generated year of work orders brings its revisit tasks: on a fresh demo the satisfaction indicators
/// report a revisit satisfaction rate, and every task is saved against its own order.
/// </summary>
public abstract class DemoRevisitsApiTests(GridCareFactory factory)
{
    [Fact]
    public async Task FreshDemo_SatisfactionIndicators_ReportTheRevisitRateOfTheHistory()
    {
        using var manager = await factory.ClientForAsync("manager");

        var total = (await manager.GetJsonAsync("/api/v1/satisfaction/indicators"))["totals"]!;

        Assert.True(total["revisitsAnswered"]!.GetValue<int>() > 0);
        // Mostly satisfied: 4 % unsatisfied and 5 % neutral at first, more after a breach or an unfixed cause.
        Assert.InRange(total["revisitSatisfactionRate"]!.GetValue<double>(), 0.7, 0.97);
    }

    [Fact]
    public async Task FreshDemo_RevisitTasksBelongToTheirOrders_AndUnsatisfiedOnesReopenedThem()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cancellationToken = TestContext.Current.CancellationToken;

        var tasks = await db.Set<RevisitTask>().AsNoTracking()
            .Join(db.WorkOrders, t => t.WorkOrderId, o => o.Id, (t, o) => new { t.WorkOrderNumber, o.Number, t.Status, t.Result, t.FollowUp, t.Round, o.ReopenCount })
            .ToListAsync(cancellationToken);

        Assert.Equal(await db.Set<RevisitTask>().CountAsync(cancellationToken), tasks.Count);
        Assert.All(tasks, t => Assert.Equal(t.Number, t.WorkOrderNumber));
        var unsatisfied = tasks.Where(t => t.Result == RevisitResult.Unsatisfied).ToList();
        Assert.NotEmpty(unsatisfied);
        Assert.All(unsatisfied, t => Assert.Equal((RevisitFollowUp.Reopen, true), (t.FollowUp!.Value, t.ReopenCount >= t.Round)));
        Assert.Contains(tasks, t => t.Round == 2);
    }
}

public sealed class SqliteDemoRevisitsApiTests(SqliteHistoryFactory factory) : DemoRevisitsApiTests(factory), IClassFixture<SqliteHistoryFactory>;

public sealed class PostgresDemoRevisitsApiTests(PostgresHistoryFactory factory) : DemoRevisitsApiTests(factory), IClassFixture<PostgresHistoryFactory>;
