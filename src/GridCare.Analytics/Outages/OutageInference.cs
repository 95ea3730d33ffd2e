using GridCare.Analytics.Network;
using GridCare.Domain.Outages;

namespace GridCare.Analytics.Outages;

/// <summary>One pending loss-of-supply signal at a device (a meter, a transformer, a feeder or switch, a service point).</summary>
public sealed record SignalPoint(long SignalId, long DeviceId, long? CustomerId, SignalKind Kind);

/// <summary>
/// An outage inferred on <see cref="DeviceId"/>: how many customers below it reported (meters, calls, or all of a
/// transformer whose terminal lost voltage) and how sure the inference is.
/// </summary>
public sealed record InferredOutage(long DeviceId, double Confidence, IReadOnlyList<long> SignalIds, int ReportingCustomers, int CustomersBelow);

/// <summary>
/// Only one customer of a transformer with others reported: before any crew goes, the caller decides between an
/// arrears disconnection, a customer-side fault (the neighbours still have supply) and a grid fault.
/// </summary>
public sealed record SingleCustomer(long CustomerId, long DeviceId, long? TransformerId, IReadOnlyList<long> SignalIds);

public sealed record Inference(IReadOnlyList<InferredOutage> Outages, IReadOnlyList<SingleCustomer> SingleCustomers, IReadOnlyList<long> Unplaced);

/// <summary>
/// Groups the loss-of-supply signals of a detection window into outages, as an outage management system does with
/// calls and last-gasp events: per feeder, a breaker or switch trip places the outage on the tripped device; otherwise
/// the signals are traced up to their deepest common device. Confidence grows with the share of the customers below
/// that device that reported (meters report last gasp only where communication holds, so a third is strong
/// evidence), and a transformer terminal's voltage loss is near proof for its transformer.
/// </summary>
public static class OutageInference
{
    public static Inference Infer(NetworkTopology topology, IReadOnlyList<SignalPoint> signals)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(signals);
        var outages = new List<InferredOutage>();
        var singles = new List<SingleCustomer>();
        var unplaced = signals.Where(s => !topology.Contains(s.DeviceId) || topology.FeederOf(s.DeviceId) is null).Select(s => s.SignalId).ToList();
        foreach (var feeder in signals.Where(s => !unplaced.Contains(s.SignalId)).GroupBy(s => topology.FeederOf(s.DeviceId)!.Value))
        {
            var rest = feeder.ToList();

            // A trip is certain: everything below the highest tripped device is that one outage.
            foreach (var trip in rest.Where(s => s.Kind == SignalKind.Trip).OrderBy(s => topology.PathUp(s.DeviceId).Count).ToList())
            {
                if (!rest.Contains(trip))
                {
                    continue;
                }

                var below = rest.Where(s => topology.PathUp(s.DeviceId).Contains(trip.DeviceId)).ToList();
                outages.Add(new InferredOutage(trip.DeviceId, 1, [.. below.Select(s => s.SignalId)], Reporting(topology, below), topology.CustomersBelow(trip.DeviceId).Count));
                rest = [.. rest.Except(below)];
            }

            if (rest.Count > 0)
            {
                Place(topology, rest, outages, singles);
            }
        }

        return new Inference(outages, singles, unplaced);
    }

    /// <summary>0.3 with no coverage, rising to 0.95 at a third of the customers below reporting; a terminal's loss of voltage at least 0.9.</summary>
    public static double Confidence(int reporting, int below, bool terminalLostVoltage)
    {
        var coverage = below == 0 ? 1 : (double)reporting / below;
        var fromCoverage = Math.Min(0.95, 0.3 + (1.95 * coverage));
        return Math.Round(terminalLostVoltage ? Math.Max(0.9, fromCoverage) : fromCoverage, 2);
    }

    /// <summary>
    /// Places the signals of one feeder without a trip. Per transformer, the evidence is strong when its terminal
    /// lost voltage, two or more of its customers reported, or it has no other customer; a lone report from a shared
    /// transformer is weak. Strong transformers are traced to their deepest common device (weak reports below it
    /// join); weak reports elsewhere are single customers to check — unless three or more of them arrive together,
    /// which points upstream of all of them.
    /// </summary>
    private static void Place(NetworkTopology topology, List<SignalPoint> signals, List<InferredOutage> outages, List<SingleCustomer> singles)
    {
        var byTransformer = signals.GroupBy(s => topology.TransformerOf(s.DeviceId) ?? s.DeviceId).ToList();
        bool IsStrong(IGrouping<long, SignalPoint> g) =>
            g.Any(s => s.Kind == SignalKind.VoltageLoss || s.CustomerId is null)
            || Reporting(topology, g) >= 2
            || topology.CustomersBelow(g.Key).Count <= 1;
        var evidence = byTransformer.ToLookup(IsStrong);
        var strong = evidence[true].ToList();
        var weak = evidence[false].ToList();
        if (strong.Count == 0 && weak.Count < 3)
        {
            singles.AddRange(weak.Select(g => new SingleCustomer(g.First().CustomerId!.Value, g.First().DeviceId, g.Key, [.. g.Select(s => s.SignalId)])));
            return;
        }

        var anchors = strong.Count > 0 ? strong : weak;
        var device = anchors.Count == 1 ? anchors[0].Key : topology.DeepestCommonDevice([.. anchors.Select(g => g.Key)])!.Value;
        var joined = byTransformer.Where(g => anchors.Contains(g) || topology.PathUp(g.Key).Contains(device)).ToList();
        foreach (var g in weak.Except(joined))
        {
            singles.Add(new SingleCustomer(g.First().CustomerId!.Value, g.First().DeviceId, g.Key, [.. g.Select(s => s.SignalId)]));
        }

        var grouped = joined.SelectMany(g => g).ToList();
        var below = topology.CustomersBelow(device).Count;
        var reporting = Reporting(topology, grouped);
        var terminal = grouped.Any(s => s.Kind == SignalKind.VoltageLoss);
        outages.Add(new InferredOutage(device, Confidence(reporting, below, terminal), [.. grouped.Select(s => s.SignalId)], reporting, below));
    }

    /// <summary>Distinct customers the signals speak for: each meter or caller for themselves, a terminal for its whole transformer.</summary>
    private static int Reporting(NetworkTopology topology, IEnumerable<SignalPoint> signals) =>
        signals.SelectMany(s => s.CustomerId is { } customer ? [customer] : topology.CustomersBelow(s.DeviceId)).Distinct().Count();
}
