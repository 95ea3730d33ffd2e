using GridCare.Analytics.Network;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Tests.Network;

/// <summary>
/// A hand-built area, small enough to know every answer:
/// <code>
/// S1 (1) substation
/// ├─ F1 (2) feeder
/// │  ├─ K1 (3) branch switch
/// │  │  ├─ T1 (10) ─ M (100) ─ SP (1000) customer 5001
/// │  │  │          └ M (101) ─ SP (1001) customer 5002
/// │  │  └─ K2 (4) nested branch switch
/// │  │     └─ T2 (11) ─ M (102) ─ SP (1002) customer 5003
/// │  ├─ T3 (12) ─ M (103) ─ SP (1003) customer 5004
/// │  └─ K3 (5) normally-open tie switch
/// │     └─ T4 (13) ─ M (104) ─ SP (1004) customer 5005
/// └─ F2 (6) feeder
///    └─ T5 (14) ─ M (105) ─ SP (1005) customer 5006
/// S2 (7) another substation ─ F3 (8) ─ T6 (15) ─ M (106) ─ SP (1006) customer 5007
/// </code>
/// </summary>
internal static class SmallFeeder
{
    public const long S1 = 1, F1 = 2, K1 = 3, K2 = 4, K3 = 5, F2 = 6, S2 = 7, F3 = 8;
    public const long T1 = 10, T2 = 11, T3 = 12, T4 = 13, T5 = 14, T6 = 15;

    public static IReadOnlyList<TopologyNode> Nodes()
    {
        var nodes = new List<TopologyNode>
        {
            new(S1, null, DeviceKind.Substation, null, null, 1),
            new(F1, S1, DeviceKind.Feeder, null, null, 2),
            new(K1, F1, DeviceKind.Switch, true, null, 2),
            new(K2, K1, DeviceKind.Switch, true, null, 2),
            new(K3, F1, DeviceKind.Switch, false, null, 2),
            new(F2, S1, DeviceKind.Feeder, null, null, 3),
            new(S2, null, DeviceKind.Substation, null, null, 1),
            new(F3, S2, DeviceKind.Feeder, null, null, 4),
            new(T1, K1, DeviceKind.Transformer, null, null, 2),
            new(T2, K2, DeviceKind.Transformer, null, null, 2),
            new(T3, F1, DeviceKind.Transformer, null, null, 2),
            new(T4, K3, DeviceKind.Transformer, null, null, 2),
            new(T5, F2, DeviceKind.Transformer, null, null, 3),
            new(T6, F3, DeviceKind.Transformer, null, null, 4),
        };
        long[] transformerOfMeter = [T1, T1, T2, T3, T4, T5, T6];
        for (var k = 0; k < transformerOfMeter.Length; k++)
        {
            nodes.Add(new(Meter(k), transformerOfMeter[k], DeviceKind.Meter, null, null, 2));
            nodes.Add(new(ServicePoint(k), Meter(k), DeviceKind.ServicePoint, null, Customer(k), 2));
        }

        // Input order must not matter: children before parents here.
        nodes.Reverse();
        return nodes;
    }

    public static NetworkTopology Topology() => NetworkTopology.Build(Nodes());

    /// <summary>Meter k (0-based) is 100 + k, its service point 1000 + k, its customer 5001 + k.</summary>
    public static long Meter(int k) => 100 + k;

    public static long ServicePoint(int k) => 1000 + k;

    public static long Customer(int k) => 5001 + k;
}
