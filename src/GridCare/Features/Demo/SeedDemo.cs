using System.Diagnostics;
using GridCare.Analytics.MeterData.Demo;
using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Demo;

public sealed record SeedResult(bool Seeded, int OrgUnits, int Devices, int Customers, TimeSpan Elapsed);

/// <summary>
/// Fills an empty database with a generated supply area, its interruption and work-order history, and the demo accounts. County by county in its own
/// transaction, so memory stays flat at city size; a database that already holds org units is left alone.
/// </summary>
public sealed partial class SeedDemo(
    IDbContextFactory<AppDbContext> dbFactory,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    StaffScopeResolver scopes,
    TimeProvider time,
    IOptions<DemoOptions> demo,
    ILogger<SeedDemo> logger)
{
    public async Task<SeedResult> HandleAsync(DemoSize size, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (var check = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await check.OrgUnits.AnyAsync(cancellationToken))
            {
                return new SeedResult(false, 0, 0, 0, clock.Elapsed);
            }
        }

        var area = new DemoSupplyArea(size, seed);
        var organization = area.CreateOrganization();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.OrgUnits.AddRange(organization.All);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(DemoRoutingRules.Create(organization));
            await db.SaveChangesAsync(cancellationToken);
        }

        var devices = 0;
        var customers = 0;
        var now = time.GetUtcNow().UtcDateTime;
        DemoWorkOrderTexts? texts = null;
        foreach (var county in organization.Counties)
        {
            var countyArea = area.CreateCounty(county);
            DemoArrears.Apply(countyArea.Customers, seed, county.Index, now);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.NetworkDevices.AddRange(countyArea.Devices);
            db.Customers.AddRange(countyArea.Customers);
            await db.SaveChangesAsync(cancellationToken);
            var history = DemoInterruptionHistory.Generate(seed, county.Index, countyArea, now);
            await DemoInterruptionWriter.WriteAsync(db, history, cancellationToken);
            if (demo.Value.WorkOrderHistory)
            {
                await SeedOrdersAsync(db, seed, county, countyArea, history, now, texts ??= DemoWorkOrderTexts.Shipped(), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            devices += countyArea.Devices.Count;
            customers += countyArea.Customers.Count;
            LogCountySeeded(logger, county.County.Name, countyArea.Devices.Count, countyArea.Customers.Count, history.Count);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await DatabaseStatistics.RefreshAsync(db, cancellationToken);
        }

        await CreateAccountsAsync(organization);
        scopes.Invalidate();
        var orgUnits = organization.All.Count();
        return new SeedResult(true, orgUnits, devices, customers, clock.Elapsed);
    }

    /// <summary>The county's twelve months of work orders, in the county's transaction; the time each half took is logged.</summary>
    private async Task SeedOrdersAsync(
        AppDbContext db, int seed, DemoCounty county, DemoCountyArea area, List<DemoInterruption> history, DateTime now, DemoWorkOrderTexts texts, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stress = DemoTransformerStresses.Of(seed, area.Devices.Where(d => d.Kind == DeviceKind.Transformer).Select(d => d.Code));
        var orders = DemoWorkOrderHistory.Generate(seed, county, area, history, stress, texts, now);
        var generated = clock.Elapsed;
        await DemoWorkOrderWriter.WriteAsync(db, orders, cancellationToken);
        var complaints = orders.Orders.Count(o => o.Type == WorkOrderType.Complaint);
        LogOrdersSeeded(logger, county.County.Name, orders.Orders.Count, complaints, generated.TotalSeconds, (clock.Elapsed - generated).TotalSeconds);
    }

    private async Task CreateAccountsAsync(DemoOrganization organization)
    {
        foreach (var role in StaffRoles.All.Select(StaffRoles.NameOf))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var firstCounty = organization.Counties[0];
        foreach (var account in DemoAccounts.All)
        {
            var unit = account.Unit switch
            {
                DemoAccountUnit.City => organization.City,
                DemoAccountUnit.County => firstCounty.County,
                DemoAccountUnit.FirstStation => firstCounty.Stations[0],
            };
            var user = new StaffUser { UserName = account.UserName, DisplayName = account.DisplayName, OrgUnitId = unit.Id, IsDemo = true };
            Check(await users.CreateAsync(user, DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, StaffRoles.NameOf(account.Role)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {County}: {Devices} devices, {Customers} customers, {Interruptions} customer interruptions of history")]
    private static partial void LogCountySeeded(ILogger logger, string county, int devices, int customers, int interruptions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {County}: {Orders} work orders of history ({Complaints} complaints): generated in {Generated:F1} s, saved in {Saved:F1} s")]
    private static partial void LogOrdersSeeded(ILogger logger, string county, int orders, int complaints, double generated, double saved);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Creating a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
