using GridCare.Analytics.MeterData.Demo;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Demo;

namespace GridCare.Tests;

/// <summary>The demo's twelve months of work orders, generated without a database (tests run with the demo off).</summary>
public class DemoWorkOrderHistoryTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 4, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<(DemoCountyArea Area, DemoWorkOrderSet Set, DemoTransformerStress Stress)> County = new(() => Generate(DemoSize.County, 20261127));

    [Fact]
    public void County_KeepsTheComplaintMixOfTheSourceArticle()
    {
        var complaints = County.Value.Set.Orders.Where(o => o.Type == WorkOrderType.Complaint).ToList();

        // 50 per 1,000 customers a year, Poisson noise around it.
        Assert.InRange(complaints.Count, 1_300, 1_700);
        foreach (var (complaintClass, share) in DemoWorkOrderHistory.Mix)
        {
            var actual = complaints.Count(o => o.ComplaintClass == complaintClass) / (double)complaints.Count;
            Assert.InRange(actual, share - 0.04, share + 0.04);
        }
    }

    [Fact]
    public void County_OrdersRunTheRealLifecycle_WithRevisitsBreachesAndUniqueNumbers()
    {
        var (_, set, _) = County.Value;
        var orders = set.Orders;

        Assert.Equal(orders.Count, orders.Select(o => o.Number).Distinct().Count());
        Assert.Equal(orders.Count, set.Contacts.Count);
        Assert.All(orders, o => Assert.InRange(o.ReceivedAt, Now.AddDays(-366), Now));
        Assert.All(orders.Where(o => o.Status == WorkOrderStatus.Closed), o => Assert.NotNull(o.ClosedAt));
        Assert.Contains(orders, o => o.Type == WorkOrderType.Repair && o.ArrivedAt is not null);
        Assert.Contains(orders, o => o.IsOpen);

        var revisited = orders.Where(o => o.Type is WorkOrderType.Repair or WorkOrderType.Complaint && o.Status == WorkOrderStatus.Closed).ToList();
        Assert.All(revisited, o => Assert.NotNull(o.RevisitResult));
        Assert.Contains(orders, o => o.ReopenCount > 0 && o.History.Any(h => h.Action == WorkOrderAction.RecordRevisit && h.ToStatus == WorkOrderStatus.Received));
        var breached = orders.Count(o => o.IsBreached) / (double)orders.Count;
        Assert.InRange(breached, 0.03, 0.25);

        // The day counters continue after the last number used, so intake's next number is new.
        foreach (var group in orders.GroupBy(o => o.Number[..^7]))
        {
            Assert.Equal(group.Count(), set.LastNumbers.Single(n => group.Key.EndsWith(n.Key.Day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Value);
        }
    }

    [Fact]
    public void County_RevisitsHaveTheirTasks_MostlySatisfied_UnsatisfiedReopened()
    {
        var (_, set, _) = County.Value;
        var tasks = set.Revisits;

        Assert.All(tasks, r => Assert.Equal((r.Order.Number, r.Order.Type, r.Order.CustomerId), (r.Task.WorkOrderNumber, r.Task.Type, r.Task.CustomerId)));
        // Every closed repair or complaint was answered; its last answer is the order's revisit result.
        var closed = set.Orders.Where(o => o.Type is WorkOrderType.Repair or WorkOrderType.Complaint && o.Status == WorkOrderStatus.Closed).ToList();
        Assert.NotEmpty(closed);
        var lastAnswers = tasks.Where(r => r.Task.Status == RevisitTaskStatus.Answered).GroupBy(r => r.Order).ToDictionary(g => g.Key, g => g.Last().Task);
        Assert.All(closed, o => Assert.Equal(o.RevisitResult, lastAnswers[o].Result));
        // A task still open belongs to an order still in its revisit, and each such order has one.
        Assert.Equal(
            set.Orders.Where(o => o.Status == WorkOrderStatus.Revisit).Select(o => o.Number).Order(),
            tasks.Where(r => r.Task.Status == RevisitTaskStatus.Open).Select(r => r.Order.Number).Order());

        var answered = tasks.Select(r => r.Task).Where(t => t.Status == RevisitTaskStatus.Answered).ToList();
        var satisfied = answered.Count(t => t.Result is RevisitResult.Satisfied or RevisitResult.FairlySatisfied) / (double)answered.Count;
        Assert.InRange(satisfied, 0.75, 0.95);
        var unsatisfied = tasks.Where(r => r.Task.Result == RevisitResult.Unsatisfied).ToList();
        Assert.NotEmpty(unsatisfied);
        Assert.All(unsatisfied, r => Assert.Equal((RevisitFollowUp.Reopen, true), (r.Task.FollowUp!.Value, r.Order.ReopenCount >= r.Task.Round)));
        Assert.Contains(tasks, r => r.Task.Round == 2);
        Assert.All(answered, t => Assert.Equal(GridCare.Domain.Sla.ChinaTime.DateOf(t.AnsweredAt!.Value), t.AnsweredOn));
    }

    [Fact]
    public void County_CustomersUnderStressComplainMore()
    {
        var (area, set, stress) = County.Value;
        var stressedIds = area.Customers
            .Where(c => stress.Hot.Contains(c.ServicePoint!.Parent!.Parent!.Code) || stress.LowVoltage.Contains(c.ServicePoint!.Parent!.Parent!.Code))
            .Select(c => c.Id)
            .ToHashSet();
        var supplyComplaints = set.Orders.Where(o => o.ComplaintClass == ComplaintClass.SupplyQuality).ToList();

        double Rate(bool inStress) =>
            supplyComplaints.Count(o => stressedIds.Contains(o.CustomerId!.Value) == inStress)
            / (double)area.Customers.Count(c => stressedIds.Contains(c.Id) == inStress);
        Assert.NotEmpty(stressedIds);
        Assert.True(Rate(true) > 4 * Rate(false), $"stressed {Rate(true):F4} vs others {Rate(false):F4}");
    }

    [Fact]
    public void SameSeed_SameHistory_OtherSeed_Another()
    {
        static List<string> Fingerprint(int seed)
        {
            var set = Generate(DemoSize.Small, seed).Set;
            return [.. set.Orders.Select(o => $"{o.Number} {o.Type} {o.ComplaintClass} {o.CustomerId} {o.ReceivedAt:O} {o.Status} {o.RevisitResult} {o.ClosedAt:O}"),
                .. set.Revisits.Select(r => $"{r.Task.WorkOrderNumber} {r.Task.Round} {r.Task.CreatedAt:O} {r.Task.Status} {r.Task.Result} {r.Task.AnsweredAt:O}")];
        }

        var first = Fingerprint(7);
        Assert.NotEmpty(first);
        Assert.Equal(first, Fingerprint(7));
        Assert.NotEqual(first, Fingerprint(8));
    }

    [Fact]
    public void TransformerStress_FlagsAboutOneInTwentyFive_AsTheReadingGeneratorDoes()
    {
        var codes = Enumerable.Range(0, 4_000).Select(i => $"T{i:D5}").ToList();

        var stress = DemoTransformerStresses.Of(20261127, codes);

        Assert.InRange(stress.Hot.Count, 100, 220);
        Assert.InRange(stress.LowVoltage.Count, 100, 220);
        Assert.Equal(stress.Hot, DemoTransformerStresses.Of(20261127, codes).Hot);
    }

    private static (DemoCountyArea Area, DemoWorkOrderSet Set, DemoTransformerStress Stress) Generate(DemoSize size, int seed)
    {
        var area = new DemoSupplyArea(size, seed);
        var organization = area.CreateOrganization();
        var id = 1;
        foreach (var unit in organization.All)
        {
            // The seeder saves org units, devices and customers before it generates history; stand in for the ids.
            typeof(OrgUnit).GetProperty("Id")!.SetValue(unit, id++);
        }

        var county = organization.Counties[0];
        var generated = area.CreateCounty(county);
        long next = 1;
        foreach (var device in generated.Devices)
        {
            typeof(NetworkDevice).GetProperty("Id")!.SetValue(device, next++);
        }

        foreach (var device in generated.Devices)
        {
            typeof(NetworkDevice).GetProperty("ParentId")!.SetValue(device, device.Parent?.Id);
        }

        foreach (var customer in generated.Customers)
        {
            typeof(Customer).GetProperty("Id")!.SetValue(customer, next++);
        }

        var interruptions = DemoInterruptionHistory.Generate(seed, county.Index, generated, Now);
        var stress = DemoTransformerStresses.Of(seed, generated.Devices.Where(d => d.Kind == DeviceKind.Transformer).Select(d => d.Code));
        var set = DemoWorkOrderHistory.Generate(seed, county, generated, interruptions, stress, DemoWorkOrderTexts.Shipped(), Now);
        return (generated, set, stress);
    }
}
