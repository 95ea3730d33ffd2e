using GridCare.Analytics.MeterData;
using GridCare.Features.Demo;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Platform;

/// <summary>
/// Runs before the server listens, so /health answers only once the product is usable: migrates in demo and
/// development (production migrates with <c>gridcare migrate</c>), seeds the demo area on first start, opens the
/// meter store, and refuses to start outside demo mode while a demo account with its published password exists.
/// </summary>
public sealed partial class Startup(
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<DemoOptions> demo,
    MeterStore meterStore,
    TimeProvider time,
    ILogger<Startup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (demo.Value.Enabled || environment.IsDevelopment())
        {
            await migrator.MigrateAsync(cancellationToken);
        }
        else if ((await migrator.PendingMigrationsAsync(cancellationToken)) is { Count: > 0 } pending)
        {
            throw new InvalidOperationException(
                $"The database has {pending.Count} pending migrations ({string.Join(", ", pending)}). Run 'gridcare migrate' first.");
        }

        if (demo.Value.Enabled)
        {
            var result = await scope.ServiceProvider.GetRequiredService<SeedDemo>().HandleAsync(demo.Value.Size, demo.Value.Seed, cancellationToken);
            if (result.Seeded)
            {
                LogSeeded(logger, demo.Value.Size, result.OrgUnits, result.Devices, result.Customers, result.Elapsed.TotalSeconds);
            }
        }
        else
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var demoUsers = await db.Users.Where(u => u.IsDemo).Select(u => u.UserName).ToListAsync(cancellationToken);
            if (demoUsers.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Demo mode is off but demo accounts exist ({string.Join(", ", demoUsers)}), whose password is published. "
                    + "Delete them (gridcare admin remove-demo) or start with GridCare:Demo:Enabled=true.");
            }
        }

        await meterStore.InitializeAsync(time, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the {Size} demo supply area: {OrgUnits} org units, {Devices} network devices, {Customers} customers in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, DemoSize size, int orgUnits, int devices, int customers, double seconds);
}
