using System.Globalization;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Sla;

namespace GridCare.Features.Demo;

/// <summary>One generated customer interruption, in the columns of <c>InterruptionRecords</c>.</summary>
internal readonly record struct DemoInterruption(string EventKey, long CustomerId, int OrgUnitId, long FeederId, DateTime InterruptedAt, DateTime RestoredAt, bool Planned);

/// <summary>
/// Two years of interruption history of one county, up to now, for the reliability dashboard: feeder trips (some
/// restored in stages, the healthy sections switched back first), branch and transformer faults, planned maintenance
/// on weekdays, momentary reclosings (≤ 5 min, the operations of one event sharing its key), and two storm days that
/// come out as major event days. Rural and remote feeders fail more often and take longer to repair than urban ones.
/// Its own random stream, so the supply area of a seed stays what it was.
/// </summary>
internal sealed class DemoInterruptionHistory
{
    public const int Days = 730;

    private readonly Random random;
    private readonly List<DemoInterruption> rows = [];
    private readonly Dictionary<long, List<NetworkDevice>> children = [];
    private readonly Dictionary<long, List<Customer>> customersByTransformer = [];

    private DemoInterruptionHistory(int seed, DemoCountyArea area)
    {
        random = new Random(seed);
        foreach (var device in area.Devices.Where(d => d.Kind is DeviceKind.Switch or DeviceKind.Transformer))
        {
            Children(device.ParentId!.Value).Add(device);
        }

        foreach (var customer in area.Customers)
        {
            var transformer = customer.ServicePoint!.Parent!.ParentId!.Value;
            if (!customersByTransformer.TryGetValue(transformer, out var list))
            {
                customersByTransformer[transformer] = list = [];
            }

            list.Add(customer);
        }
    }

    public static List<DemoInterruption> Generate(int seed, int countyIndex, DemoCountyArea area, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(area);
        var history = new DemoInterruptionHistory(unchecked((seed * 31) + countyIndex + 1366), area);
        var today = ChinaTime.DateOf(nowUtc);
        var first = today.AddDays(-Days);

        // A summer storm in each year: the first one is history for the second, which the 2.5 beta method flags.
        HashSet<DateOnly> storms = [first.AddDays(240 + history.random.Next(30)), today.AddDays(-150 + history.random.Next(40))];
        foreach (var feeder in area.Devices.Where(d => d.Kind == DeviceKind.Feeder))
        {
            history.Feeder(feeder, first, today, storms, nowUtc);
        }

        return history.rows;
    }

    private void Feeder(NetworkDevice feeder, DateOnly first, DateOnly today, HashSet<DateOnly> storms, DateTime nowUtc)
    {
        var (trips, branchFaults, transformerFaults, planned, momentary, repairMinutes) = feeder.AreaType switch
        {
            AreaType.Urban => (0.5, 0.3, 0.04, 0.8, 1.0, 50.0),
            AreaType.Rural => (1.2, 0.8, 0.10, 1.2, 2.5, 110.0),
            _ => (2.0, 1.2, 0.16, 1.2, 4.0, 160.0),
        };
        var switches = Below(feeder).Where(d => d.Kind == DeviceKind.Switch).ToList();
        var transformers = Below(feeder).Where(d => d.Kind == DeviceKind.Transformer).ToList();
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var midnight = ChinaTime.FromCst(day, TimeOnly.MinValue);
            if (storms.Contains(day))
            {
                if (random.NextDouble() < (feeder.AreaType == AreaType.Urban ? 0.35 : 0.8))
                {
                    var start = midnight.AddHours(13 + (random.NextDouble() * 8));
                    Outage(feeder, feeder, $"storm-{feeder.Code}-{day:yyyyMMdd}", start, LogNormal(600, 0.4, 240, 1_800), [], planned: false, nowUtc);
                }

                continue;
            }

            if (Happens(trips))
            {
                var start = midnight.AddMinutes(random.Next(24 * 60));
                var minutes = LogNormal(repairMinutes, 0.7, 10, 24 * 60);
                Outage(feeder, feeder, Key("trip", feeder, start), start, minutes, random.NextDouble() < 0.5 ? switches : [], planned: false, nowUtc);
            }

            foreach (var branch in switches.Where(_ => Happens(branchFaults)))
            {
                var start = midnight.AddMinutes(random.Next(24 * 60));
                Outage(feeder, branch, Key("branch", branch, start), start, LogNormal(repairMinutes, 0.7, 10, 24 * 60), [], planned: false, nowUtc);
            }

            foreach (var transformer in transformers.Where(_ => Happens(transformerFaults)))
            {
                var start = midnight.AddMinutes(random.Next(24 * 60));
                Outage(feeder, transformer, Key("tx", transformer, start), start, LogNormal(150, 0.6, 20, 24 * 60), [], planned: false, nowUtc);
            }

            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Happens(planned * 7 / 5))
            {
                var target = switches.Count > 0 && random.NextDouble() < 0.6 ? switches[random.Next(switches.Count)] : feeder;
                var start = midnight.AddHours(8).AddMinutes(30 * random.Next(3));
                Outage(feeder, target, Key("planned", target, start), start, 60 * (4 + random.Next(5)), [], planned: true, nowUtc);
            }

            if (Happens(momentary))
            {
                Momentary(feeder, switches.Count > 0 && random.NextDouble() < 0.5 ? switches[random.Next(switches.Count)] : feeder, midnight.AddMinutes(random.Next(24 * 60)), nowUtc);
            }
        }
    }

    /// <summary>
    /// Everyone below <paramref name="device"/> loses supply at <paramref name="start"/>. With <paramref name="sections"/>
    /// the crew isolates one faulted section and switches the rest back after 15–45 minutes (staged restoration).
    /// </summary>
    private void Outage(NetworkDevice feeder, NetworkDevice device, string key, DateTime start, double minutes, List<NetworkDevice> sections, bool planned, DateTime nowUtc)
    {
        var end = start.AddMinutes(minutes);
        if (end > nowUtc)
        {
            return;
        }

        var faulted = sections.Count > 0 ? sections[random.Next(sections.Count)] : null;
        var switchedBack = start.AddMinutes(Math.Min(minutes, 15 + random.Next(31)));
        Walk(device, faulted is null ? end : switchedBack);

        void Walk(NetworkDevice node, DateTime restored)
        {
            var at = faulted is not null && node.Id == faulted.Id ? end : restored;
            foreach (var customer in node.Kind == DeviceKind.Transformer ? customersByTransformer.GetValueOrDefault(node.Id) ?? [] : [])
            {
                rows.Add(new DemoInterruption(key, customer.Id, customer.OrgUnitId, feeder.Id, start, at, planned));
            }

            foreach (var child in children.GetValueOrDefault(node.Id) ?? [])
            {
                Walk(child, at);
            }
        }
    }

    /// <summary>A transient fault cleared by one to three reclosings, each a few seconds to two minutes.</summary>
    private void Momentary(NetworkDevice feeder, NetworkDevice device, DateTime start, DateTime nowUtc)
    {
        var key = Key("reclose", device, start);
        var at = start;
        for (var operation = random.Next(1, 4); operation > 0; operation--)
        {
            var end = at.AddSeconds(5 + random.Next(115));
            if (end <= nowUtc)
            {
                Outage(feeder, device, key, at, (end - at).TotalMinutes, [], planned: false, nowUtc);
            }

            at = end.AddSeconds(20 + random.Next(60));
        }
    }

    private IEnumerable<NetworkDevice> Below(NetworkDevice device)
    {
        foreach (var child in children.GetValueOrDefault(device.Id) ?? [])
        {
            yield return child;
            foreach (var below in Below(child))
            {
                yield return below;
            }
        }
    }

    private List<NetworkDevice> Children(long id)
    {
        if (!children.TryGetValue(id, out var list))
        {
            children[id] = list = [];
        }

        return list;
    }

    private bool Happens(double perYear) => random.NextDouble() < perYear / 365.0;

    /// <summary>A log-normal duration in minutes around <paramref name="median"/>, clamped, since repair times are skewed.</summary>
    private double LogNormal(double median, double sigma, double min, double max)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(median * Math.Exp(sigma * normal), min, max);
    }

    private static string Key(string kind, NetworkDevice device, DateTime start) =>
        string.Create(CultureInfo.InvariantCulture, $"demo-{kind}-{device.Code}-{start:yyyyMMddHHmm}");
}
