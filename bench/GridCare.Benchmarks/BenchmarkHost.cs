using GridCare.Features.Customers;
using GridCare.Features.Demo;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Benchmarks;

/// <summary>
/// The app's own services over a demo database of the requested size, seeded once and kept in
/// <c>artifacts/bench-data/&lt;size&gt;</c> (or GRIDCARE_BENCH_DATA) so repeated runs skip the seeding.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private BenchmarkHost(WebApplication app, StaffScope everything)
    {
        this.app = app;
        Everything = everything;
    }

    /// <summary>A scope that sees every org unit, as a city bureau administrator does.</summary>
    public StaffScope Everything { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<BenchmarkHost> StartAsync(DemoSize size)
    {
        var root = Environment.GetEnvironmentVariable("GRIDCARE_BENCH_DATA")
            ?? Path.Combine(FindRepositoryRoot(), "artifacts", "bench-data");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["GridCare:DataDirectory"] = Path.Combine(root, size.ToString().ToLowerInvariant());
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddPlatform();
        builder.Services.AddCustomers().AddDemo();
        var app = builder.Build();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            var seeded = await scope.ServiceProvider.GetRequiredService<SeedDemo>().HandleAsync(size, new DemoOptions().Seed, CancellationToken.None);
            if (seeded.Seeded)
            {
                Console.WriteLine($"Seeded the {size} area once: {seeded.Customers} customers in {seeded.Elapsed.TotalSeconds:F0} s");
            }
        }

        var tree = await app.Services.GetRequiredService<StaffScopeResolver>().TreeAsync(CancellationToken.None);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var top = await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync();
        return new BenchmarkHost(app, new StaffScope("bench", top, tree.SelfAndDescendants(top), [GridCare.Domain.Staff.StaffRole.Admin]));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GridCare.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
