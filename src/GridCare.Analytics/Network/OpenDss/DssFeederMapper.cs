using System.Globalization;
using System.Text.RegularExpressions;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Network.OpenDss;

/// <summary>
/// Maps an OpenDSS circuit onto GridCare's 站—线—变—表—户 tree (docs/opendss-import.md):
/// <list type="bullet">
/// <item>the source bus is the feeder (the importer adds the substation above it); supply is traced breadth-first
/// from it over lines, reactors and transformers, never through an open switch;</item>
/// <item>a line with <c>Switch=y</c>, or switched by a <c>SwtControl</c>, <c>Fuse</c> or <c>Recloser</c>, or named by
/// an <c>Open</c>/<c>Close</c> command, is a Switch device (open when the script leaves it open); other lines are
/// plain conductors;</item>
/// <item>a transformer whose lowest winding is at most 1 kV is a distribution Transformer (its largest winding kVA);
/// regulators (a RegControl names them, or their windings have the same kV) and MV step-downs (the substation's)
/// are conductors;</item>
/// <item>each enabled Load is an account with a meter and a service point; a load fed at MV with no distribution
/// transformer between it and the source gets a virtual transformer for its bus (noted in the report).</item>
/// </list>
/// Codes are <c>{prefix}-{element name}</c> upper-cased, so a re-import of the same files finds the same devices.
/// </summary>
public static partial class DssFeederMapper
{
    public const string VirtualSource = "virtual";

    private const double LowVoltageKv = 1.0;

    public static DssFeeder Map(DssCircuit circuit, string codePrefix)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentException.ThrowIfNullOrWhiteSpace(codePrefix);
        var prefix = Sanitize(codePrefix);
        var source = circuit.Find("vsource", "source")!;
        var sourceBus = Bus(source.Last("bus1") ?? "sourcebus");
        var sourceKv = source.Number("basekv") ?? 115;
        var notes = new List<string>();
        var switchedLines = SwitchedLines(circuit);
        var regulated = circuit.OfClass("regcontrol").Select(r => r.Last("transformer")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var graph = new DssGraph();
        foreach (var line in circuit.OfClass("line").Where(l => l.Enabled))
        {
            var bus1 = line.Last("bus1") ?? throw Error(line, "has no Bus1");
            var bus2 = line.Last("bus2") ?? throw Error(line, "has no Bus2");
            var isSwitch = line.Flag("switch") || switchedLines.Contains(line.Name) || line.OpenedByCommand is not null;
            graph.Add(new DssEdge(line, [Bus(bus1), Bus(bus2)], isSwitch ? DssEdgeKind.Switch : DssEdgeKind.Conductor, line.OpenedByCommand == true));
        }

        foreach (var reactor in circuit.OfClass("reactor").Where(r => r.Enabled && r.Last("bus2") is not null))
        {
            graph.Add(new DssEdge(reactor, [Bus(reactor.Last("bus1")!), Bus(reactor.Last("bus2")!)], DssEdgeKind.Conductor, false));
        }

        foreach (var transformer in circuit.OfClass("transformer").Where(t => t.Enabled))
        {
            var windings = DssWindings.Of(transformer);
            if (windings.Any(w => w.Bus is null))
            {
                throw Error(transformer, "has a winding with no bus");
            }

            var kvs = windings.Select(w => w.Kv).ToList();
            var isRegulator = regulated.Contains(transformer.Name) || kvs.Max() - kvs.Min() < 0.05 * kvs.Max();
            var distribution = !isRegulator && kvs.Skip(1).Min() <= LowVoltageKv;
            graph.Add(new DssEdge(
                transformer, [.. windings.Select(w => Bus(w.Bus!))], distribution ? DssEdgeKind.Transformer : DssEdgeKind.Conductor, false,
                (int)Math.Ceiling(windings.Max(w => w.Kva))));
        }

        var tracer = new DssTracer(graph, prefix, notes);
        var devices = tracer.Trace(sourceBus, circuit.Name!, sourceKv);
        var accounts = Accounts(circuit, prefix, tracer, devices, notes);
        return new DssFeeder(circuit.Name!, sourceKv, sourceBus, devices, accounts, notes);
    }

    private static List<DssAccount> Accounts(DssCircuit circuit, string prefix, DssTracer tracer, List<DssDevice> devices, List<string> notes)
    {
        var accounts = new List<DssAccount>();
        var virtualTransformers = new Dictionary<string, DssDevice>(StringComparer.Ordinal);
        var loads = circuit.OfClass("load").Where(l => l.Enabled).ToList();
        var kvaByBus = loads.GroupBy(l => Bus(l.Last("bus1") ?? string.Empty)).ToDictionary(g => g.Key, g => g.Sum(Kva), StringComparer.Ordinal);
        foreach (var load in loads)
        {
            var bus = Bus(load.Last("bus1") ?? throw Error(load, "has no Bus1"));
            if (tracer.SupplyOf(bus) is not { } supply)
            {
                notes.Add($"Load.{load.Name} at bus {bus} ({load.DefinedAt.Where}) is not fed from the source bus; left out.");
                continue;
            }

            var transformer = supply;
            if (supply.Kind != DeviceKind.Transformer)
            {
                if (!virtualTransformers.TryGetValue(bus, out transformer))
                {
                    transformer = new DssDevice(
                        $"{prefix}-VT-{Sanitize(bus)}", DeviceKind.Transformer, $"Virtual transformer at bus {bus}", supply.Code, null,
                        Math.Max(1, (int)Math.Ceiling(kvaByBus[bus])), VirtualSource);
                    virtualTransformers[bus] = transformer;
                    devices.Add(transformer);
                }
            }

            var kw = load.Number("kw") ?? 10;
            var name = Sanitize(load.Name);
            var account = $"{prefix}-{name}";
            if (account.Length > 32)
            {
                throw Error(load, $"gives the account number '{account}', longer than 32 characters; use a shorter --code prefix");
            }

            accounts.Add(new DssAccount(
                account, load.Name, bus, transformer.Code, $"{prefix}-M-{name}", $"{prefix}-SP-{name}",
                (load.Number("phases") ?? 3) >= 2 ? 3 : 1, kw, Math.Round((decimal)Kva(load), 1), Category(kw), load.DefinedAt.Where));
        }

        if (virtualTransformers.Count > 0)
        {
            notes.Add($"{virtualTransformers.Count} bus(es) with loads have no distribution transformer between them and the source " +
                      "(a primary-feeder model): each got a virtual transformer (code …-VT-<bus>, kVA = its loads' kVA).");
        }

        return accounts;
    }

    /// <summary>Residential unless the load is larger than a household: over 30 kW commercial, over 200 kW industrial.</summary>
    public static CustomerCategory Category(double kw) => kw switch
    {
        > 200 => CustomerCategory.Industrial,
        > 30 => CustomerCategory.Commercial,
        _ => CustomerCategory.Residential,
    };

    /// <summary>kVA from <c>kVA=</c>, else from kW with kvar or the power factor (OpenDSS's default 0.88).</summary>
    private static double Kva(DssElement load)
    {
        if (load.Number("kva") is { } kva)
        {
            return kva;
        }

        var kw = load.Number("kw") ?? 10;
        return load.Number("kvar") is { } kvar ? Math.Sqrt((kw * kw) + (kvar * kvar)) : kw / Math.Clamp(Math.Abs(load.Number("pf") ?? 0.88), 0.05, 1);
    }

    private static HashSet<string> SwitchedLines(DssCircuit circuit)
    {
        var lines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var control in circuit.OfClass("swtcontrol").Concat(circuit.OfClass("fuse")).Concat(circuit.OfClass("recloser")))
        {
            var target = control.Last("switchedobj") ?? control.Last("monitoredobj");
            if (target is not null && target.StartsWith("line.", StringComparison.OrdinalIgnoreCase))
            {
                var name = target[5..];
                lines.Add(name);
                if (control.Class == "swtcontrol" && (control.Last("normal") ?? control.Last("state") ?? control.Last("action")) is { } state
                    && circuit.Find("line", name) is { } line && line.OpenedByCommand is null)
                {
                    line.OpenedByCommand = state.StartsWith('o') || state.StartsWith('O');
                }
            }
        }

        return lines;
    }

    /// <summary>The bus name without its phase suffix (<c>150r.1.2.3</c> → <c>150r</c>), lower-case.</summary>
    public static string Bus(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? text : text[..dot]).Trim().ToLowerInvariant();
    }

    public static string Sanitize(string text) => NotCodeCharacters().Replace(text.Trim(), "-").ToUpperInvariant();

    private static DssFormatException Error(DssElement element, string message) =>
        new(element.DefinedAt.File, element.DefinedAt.Line, $"{element.Class}.{element.Name} {message}");

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex NotCodeCharacters();

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
