using GridCare.Domain.Network;

namespace GridCare.Analytics.Network.OpenDss;

internal enum DssEdgeKind
{
    Conductor,
    Switch,
    Transformer,
}

/// <summary>An element joining buses: a line or reactor (two), a transformer (one per winding, the first is the primary).</summary>
internal sealed record DssEdge(DssElement Element, string[] Buses, DssEdgeKind Kind, bool IsOpen, int RatedKva = 0);

internal sealed class DssGraph
{
    private readonly Dictionary<string, List<DssEdge>> byBus = new(StringComparer.Ordinal);

    public List<DssEdge> Edges { get; } = [];

    public void Add(DssEdge edge)
    {
        Edges.Add(edge);
        foreach (var bus in edge.Buses.Distinct())
        {
            if (!byBus.TryGetValue(bus, out var list))
            {
                byBus[bus] = list = [];
            }

            list.Add(edge);
        }
    }

    public IReadOnlyList<DssEdge> At(string bus) => byBus.TryGetValue(bus, out var list) ? list : [];
}

/// <summary>
/// Walks the graph breadth-first from the source bus, never through an open switch, and gives every reached bus the
/// device that supplies it (the feeder, the nearest switch or the distribution transformer above it).
/// </summary>
internal sealed class DssTracer(DssGraph graph, string prefix, List<string> notes)
{
    private readonly Dictionary<string, DssDevice> supply = new(StringComparer.Ordinal);
    private readonly Dictionary<DssEdge, DssDevice> created = [];

    public DssDevice? SupplyOf(string bus) => supply.GetValueOrDefault(bus);

    public List<DssDevice> Trace(string sourceBus, string circuitName, double sourceKv)
    {
        var feeder = new DssDevice(prefix, DeviceKind.Feeder, $"{circuitName} {DssFeederMapper.Invariant(sourceKv)} kV", null, null, null, "source");
        var devices = new List<DssDevice> { feeder };
        supply[sourceBus] = feeder;
        var queue = new Queue<string>([sourceBus]);
        while (queue.TryDequeue(out var bus))
        {
            var upstream = supply[bus];
            foreach (var edge in graph.At(bus).Where(e => !e.IsOpen))
            {
                foreach (var next in edge.Buses.Where(b => b != bus && !supply.ContainsKey(b)))
                {
                    supply[next] = Downstream(edge, upstream, devices);
                    queue.Enqueue(next);
                }
            }
        }

        PlaceOpenSwitches(devices);
        var unreached = graph.Edges.Count(e => e.Buses.All(b => !supply.ContainsKey(b)));
        if (unreached > 0)
        {
            notes.Add($"{unreached} element(s) are not connected to the source bus ({DssFeederMapper.Bus(sourceBus)}) and were left out.");
        }

        return devices;
    }

    private DssDevice Downstream(DssEdge edge, DssDevice upstream, List<DssDevice> devices)
    {
        if (edge.Kind == DssEdgeKind.Conductor)
        {
            return upstream;
        }

        if (created.TryGetValue(edge, out var existing))
        {
            return existing;
        }

        var element = edge.Element;
        if (upstream.Kind is not (DeviceKind.Feeder or DeviceKind.Switch))
        {
            notes.Add($"{element.Class}.{element.Name} ({element.DefinedAt.Where}) lies below transformer {upstream.Code}; GridCare's tree has no " +
                      $"{(edge.Kind == DssEdgeKind.Switch ? "switches" : "transformers")} there, so it is treated as a conductor.");
            return upstream;
        }

        var device = edge.Kind == DssEdgeKind.Switch
            ? new DssDevice(Code(element), DeviceKind.Switch, element.Name, upstream.Code, true, null, element.DefinedAt.Where)
            : new DssDevice(Code(element), DeviceKind.Transformer, element.Name, upstream.Code, null, Math.Max(1, edge.RatedKva), element.DefinedAt.Where);
        created[edge] = device;
        devices.Add(device);
        return device;
    }

    /// <summary>An open switch feeds nothing: it hangs, with nothing below it, from the side that is supplied.</summary>
    private void PlaceOpenSwitches(List<DssDevice> devices)
    {
        foreach (var edge in graph.Edges.Where(e => e.IsOpen))
        {
            var element = edge.Element;
            var fed = edge.Buses.Select(b => supply.GetValueOrDefault(b)).OfType<DssDevice>().FirstOrDefault();
            if (fed is null)
            {
                notes.Add($"Open switch {element.Name} ({element.DefinedAt.Where}) touches no supplied bus; left out.");
            }
            else if (fed.Kind is not (DeviceKind.Feeder or DeviceKind.Switch))
            {
                notes.Add($"Open switch {element.Name} ({element.DefinedAt.Where}) lies below transformer {fed.Code}; left out.");
            }
            else
            {
                devices.Add(new DssDevice(Code(element), DeviceKind.Switch, element.Name, fed.Code, false, null, element.DefinedAt.Where));
            }
        }
    }

    private string Code(DssElement element) => $"{prefix}-{DssFeederMapper.Sanitize(element.Name)}";
}
