using System.Text.RegularExpressions;
using GridCare.Analytics.Network.OpenDss;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Tests.Network.OpenDss;

/// <summary>
/// The IEEE 123-bus and European LV test feeders as OpenDSS ships them (../shared/data/opendss_ieee_feeders).
/// Expected loads are read from the load files with a plain regex and a bus list taken from the IEEE 123-bus
/// one-line diagram, not from the importer.
/// </summary>
public sealed partial class IeeeFeederTests
{
    // Below Sw3 (18–135): 135 → 35 → {36 → 37, 38 → 39; 40 → 41, 42 → 43, 44 → 45 → 46, 47 → 48, 49 → 50 → 51 → 151}.
    private static readonly string[] BelowSw3 = ["135", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "151"];

    [Fact]
    public void Ieee123Master_91LoadsOn85Buses_AllBehindVirtualTransformers()
    {
        var folder = Folder123();
        var feeder = DssFeederMapper.Map(DssCircuit.Load(Path.Combine(folder, "IEEE123Master.dss")), "IEEE123");
        var loads = LoadBuses(Path.Combine(folder, "IEEE123Loads.DSS"));

        Assert.Equal(91, loads.Count);
        Assert.Equal(85, loads.Values.Distinct().Count());
        Assert.Equal(91, feeder.Accounts.Count);
        Assert.Equal(85, feeder.VirtualTransformers);
        Assert.Equal("150", feeder.SourceBus);
        Assert.Equal(4.16, feeder.SourceKv);
        var xfm1 = Assert.Single(feeder.Devices, d => d.Kind == DeviceKind.Transformer && d.Source != DssFeederMapper.VirtualSource);
        Assert.Equal(("IEEE123-XFM1", 150), (xfm1.Code, xfm1.RatedKva));
        Assert.Equal(["IEEE123-SW1", "IEEE123-SW2", "IEEE123-SW3", "IEEE123-SW4", "IEEE123-SW5", "IEEE123-SW6", "IEEE123-SW7", "IEEE123-SW8"],
            feeder.Devices.Where(d => d.Kind == DeviceKind.Switch).Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ieee123Switches_Sw7AndSw8Open_ImpactOfSw3IsItsDownstreamLoads()
    {
        var folder = Folder123();
        var feeder = DssFeederMapper.Map(DssCircuit.Load(Path.Combine(folder, "IEEE123Switches.dss")), "IEEE123");
        var topology = new DssTopology(feeder);
        var loads = LoadBuses(Path.Combine(folder, "IEEE123Loads.DSS"));
        var expected = loads.Where(l => BelowSw3.Contains(l.Value)).Select(l => l.Key).Order(StringComparer.OrdinalIgnoreCase).ToList();

        var switches = feeder.Devices.Where(d => d.Kind == DeviceKind.Switch).ToDictionary(d => d.Code, d => d.IsClosed);
        Assert.Equal(false, switches["IEEE123-SW7"]);
        Assert.Equal(false, switches["IEEE123-SW8"]);
        Assert.All(Enumerable.Range(1, 6), i => Assert.Equal(true, switches[$"IEEE123-SW{i}"]));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, topology.LoadsBelow("IEEE123-SW3"));
        Assert.Equal(91, topology.LoadsBelow("IEEE123-SW1").Count);
        Assert.Empty(topology.LoadsBelow("IEEE123-SW7"));
    }

    [Fact]
    public void EuropeanLv_55LoadsOnTheOneTransformer()
    {
        var folder = SharedData.RequireFolder(Path.Combine("opendss_ieee_feeders", "Version8", "Distrib", "IEEETestCases", "LVTestCase"));
        var feeder = DssFeederMapper.Map(DssCircuit.Load(Path.Combine(folder, "Master.dss")), "LVTEST");
        var topology = new DssTopology(feeder);
        var loads = LoadBuses(Path.Combine(folder, "Loads.txt"));

        Assert.Equal(55, loads.Count);
        Assert.Equal(11, feeder.SourceKv);
        var transformer = Assert.Single(feeder.Devices, d => d.Kind == DeviceKind.Transformer);
        Assert.Equal(("LVTEST-TR1", 800, "LVTEST"), (transformer.Code, transformer.RatedKva, transformer.ParentCode));
        Assert.Equal(0, feeder.VirtualTransformers);
        Assert.Equal(loads.Keys.Order(StringComparer.OrdinalIgnoreCase), topology.LoadsBelow("LVTEST-TR1"));
        Assert.All(feeder.Accounts, a => Assert.Equal(Domain.Customers.CustomerCategory.Residential, a.Category));
    }

    private static string Folder123() =>
        SharedData.RequireFolder(Path.Combine("opendss_ieee_feeders", "Version8", "Distrib", "IEEETestCases", "123Bus"));

    /// <summary>Load name → bus, straight from the text.</summary>
    private static Dictionary<string, string> LoadBuses(string path) =>
        File.ReadLines(path).Select(l => LoadLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["bus"].Value.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*New\s+Load\.(?<name>\S+).*?Bus1=(?<bus>[^.\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LoadLine();
}
