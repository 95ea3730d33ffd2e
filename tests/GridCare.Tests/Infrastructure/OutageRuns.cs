using GridCare.Domain.Reliability;
using GridCare.Features.Outages;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests.Infrastructure;

/// <summary>Runs the outage worker's steps at the instants a test chooses (the worker itself is off in tests) and reads what they wrote.</summary>
public static class OutageRuns
{
    public static async Task<(int Reminded, int Started)> ScheduleAsync(GridCareFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunOutageSchedule>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<DetectionRun> DetectAsync(GridCareFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DetectOutages>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<ReadingEvidenceRun> DetectFromReadingsAsync(GridCareFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DetectFromReadings>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<string> CodeOfAsync(GridCareFactory factory, long deviceId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.NetworkDevices.Where(d => d.Id == deviceId).Select(d => d.Code).SingleAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<InterruptionRecord>> InterruptionsAsync(GridCareFactory factory, string outageNumber)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<InterruptionRecord>().AsNoTracking().Where(r => r.EventKey == outageNumber).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Marks a customer disconnected for arrears, as the billing system would.</summary>
    public static async Task DisconnectForArrearsAsync(GridCareFactory factory, long customerId, DateTime atUtc)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, TestContext.Current.CancellationToken);
        customer.DisconnectForArrears(atUtc);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
