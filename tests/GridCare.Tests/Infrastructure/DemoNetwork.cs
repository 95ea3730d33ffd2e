using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests.Infrastructure;

/// <summary>A customer of the demo area as outage tests use it: account, meter number and the transformer feeding them.</summary>
public sealed record DemoCustomer(long Id, string AccountNumber, string MeterNumber, long TransformerId);

/// <summary>A branch switch of the demo area with the customers below it, grouped by transformer.</summary>
public sealed record DemoBranch(long Id, string Code, string FeederCode, IReadOnlyList<IReadOnlyList<DemoCustomer>> ByTransformer)
{
    public IReadOnlyList<DemoCustomer> Customers => [.. ByTransformer.SelectMany(t => t)];
}

/// <summary>
/// Reads the seeded demo network straight from the database, so outage tests can pick devices with the shape they
/// need (a switch feeding two transformers directly) and know, independently of the app's tracing, who is below.
/// </summary>
public static class DemoNetwork
{
    /// <summary>
    /// Switches whose direct children include at least two transformers, with the customers of those transformers,
    /// largest first; tests take different ones (by index) so they do not touch each other's customers.
    /// </summary>
    public static async Task<IReadOnlyList<DemoBranch>> BranchesAsync(GridCareFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var devices = await db.NetworkDevices.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.Kind, d.Code, d.IsClosed }).ToListAsync(ct);
        var byId = devices.ToDictionary(d => d.Id);
        var customers = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.AccountNumber, c.ServicePointId }).ToListAsync(ct);
        var children = devices.Where(d => d.ParentId is not null).ToLookup(d => d.ParentId!.Value);
        var byTransformer = customers
            .Select(c => (Customer: c, Meter: byId[byId[c.ServicePointId].ParentId!.Value]))
            .Select(x => new DemoCustomer(x.Customer.Id, x.Customer.AccountNumber, x.Meter.Code, x.Meter.ParentId!.Value))
            .ToLookup(c => c.TransformerId);
        string FeederOf(long id)
        {
            var device = byId[id];
            while (device.Kind != DeviceKind.Feeder)
            {
                device = byId[device.ParentId!.Value];
            }

            return device.Code;
        }

        return [.. devices
            .Where(d => d.Kind == DeviceKind.Switch && d.IsClosed != false)
            .Select(d => new DemoBranch(d.Id, d.Code, FeederOf(d.Id), [.. children[d.Id]
                .Where(c => c.Kind == DeviceKind.Transformer && byTransformer[c.Id].Any())
                .Select(c => (IReadOnlyList<DemoCustomer>)[.. byTransformer[c.Id].OrderBy(x => x.AccountNumber)])]))
            .Where(b => b.ByTransformer.Count >= 2 && b.ByTransformer.All(t => t.Count >= 3))
            .OrderByDescending(b => b.Customers.Count)
            .ThenBy(b => b.Code)];
    }

    /// <summary>Customers below a switch, by the database's parent links (subtree walk), as an independent check of tracing.</summary>
    public static async Task<HashSet<long>> CustomersBelowAsync(GridCareFactory factory, long deviceId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var devices = await db.NetworkDevices.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.IsClosed }).ToListAsync(ct);
        var children = devices.Where(d => d.ParentId is not null).ToLookup(d => d.ParentId!.Value);
        var below = new HashSet<long>();
        var pending = new Stack<long>([deviceId]);
        while (pending.TryPop(out var id))
        {
            below.Add(id);
            foreach (var child in children[id].Where(c => c.IsClosed != false))
            {
                pending.Push(child.Id);
            }
        }

        return [.. await db.Customers.AsNoTracking().Where(c => below.Contains(c.ServicePointId)).Select(c => c.Id).ToListAsync(ct)];
    }
}
