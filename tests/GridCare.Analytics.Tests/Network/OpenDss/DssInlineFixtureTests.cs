using GridCare.Analytics.Network.OpenDss;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Tests.Network.OpenDss;

/// <summary>A small script that uses each construct the import reads, written to a temporary folder.</summary>
public sealed class DssInlineFixtureTests : IDisposable
{
    private const string Master = """
        Clear
        ! A feeder with a branch switch, a nested switch set by Edit, an opened tie, a regulator,
        ! two distribution transformers and one MV load.
        New Circuit.Demo basekv=10 bus1=SRC pu=1.0   // the source
        Redirect lines.dss
        New Transformer.T1 Phases=3 Windings=2 Xhl=2
        ~ wdg=1 bus=B3 kv=10 kva=400
        ~ wdg=2 bus=LV1 kv=0.4 kva=400
        New Transformer.T2 Buses=[B5.1.2.3, LV2] kVs=[10 0.4] kVAs=[200 200]
        new transformer.REG phases=1 buses=(b2.1 b2r.1) kvs="10 10"
        New Load.House1 Bus1=LV1.1 Phases=1 kW=5 kvar=1
        MORE kV=0.23
        New Load.House2 1 LV1.2 0.23 3
        New Load.Shop Bus1=LV2 kW=60 pf=0.9
        New Load.Mv Bus1=B4 kW=500 kvar=100
        New Load.Old Bus1=B4 kW=1 enabled=no
        Open Line.Tie 2
        Edit Line.K2 Switch=yes
        Set VoltageBases=[10, 0.4]
        Solve
        """;

    private const string Lines = """
        /* lines of the demo feeder,
           written in several styles */
        New Line.L1 Bus1=src.1.2.3 Bus2=B1 LineCode=x Length=1
        New Line.K1 Bus1=B1 Bus2=B2 Switch=y
        New Line.L2 Bus1=B2R Bus2=B3
        NEW LINE.K2 b3 b4     ! positional buses
        New Line.L3 Bus1=B1 Bus2=B5
        New Line.Tie Bus1=B5 Bus2=B4 switch=yes
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("gridcare-dss-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Map_EveryConstruct_TheExpectedTree()
    {
        var feeder = Map(Master, Lines);

        Assert.Equal("Demo", feeder.CircuitName);
        Assert.Equal(10, feeder.SourceKv);
        var devices = feeder.Devices.ToDictionary(d => d.Code);
        Assert.Equal(DeviceKind.Feeder, devices["DEMO"].Kind);
        Assert.Equal(("DEMO", true), (devices["DEMO-K1"].ParentCode, devices["DEMO-K1"].IsClosed));
        Assert.Equal(("DEMO-K1", true), (devices["DEMO-K2"].ParentCode, devices["DEMO-K2"].IsClosed));
        Assert.Equal(("DEMO", false), (devices["DEMO-TIE"].ParentCode, devices["DEMO-TIE"].IsClosed));
        Assert.Equal(("DEMO-K1", 400), (devices["DEMO-T1"].ParentCode, devices["DEMO-T1"].RatedKva));
        Assert.Equal(("DEMO", 200), (devices["DEMO-T2"].ParentCode, devices["DEMO-T2"].RatedKva));
        Assert.Equal(("DEMO-K2", 510), (devices["DEMO-VT-B4"].ParentCode, devices["DEMO-VT-B4"].RatedKva));
        Assert.DoesNotContain("DEMO-REG", devices.Keys);
        Assert.DoesNotContain("DEMO-L1", devices.Keys);
        Assert.Equal(1, feeder.VirtualTransformers);
        Assert.Contains(feeder.Notes, n => n.Contains("virtual transformer", StringComparison.Ordinal));
    }

    [Fact]
    public void Map_Loads_AccountsWithCategoryFromKw()
    {
        var accounts = Map(Master, Lines).Accounts.ToDictionary(a => a.LoadName);

        Assert.Equal(["House1", "House2", "Mv", "Shop"], accounts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("DEMO-HOUSE1", "DEMO-T1", "DEMO-M-HOUSE1", "DEMO-SP-HOUSE1"), (accounts["House1"].AccountNumber, accounts["House1"].TransformerCode, accounts["House1"].MeterCode, accounts["House1"].ServicePointCode));
        Assert.Equal((1, 5.1m, CustomerCategory.Residential), (accounts["House1"].Phases, accounts["House1"].ContractedKva, accounts["House1"].Category));
        Assert.Equal(("DEMO-T1", 3.0), (accounts["House2"].TransformerCode, accounts["House2"].Kw));
        Assert.Equal(("DEMO-T2", CustomerCategory.Commercial, 66.7m), (accounts["Shop"].TransformerCode, accounts["Shop"].Category, accounts["Shop"].ContractedKva));
        Assert.Equal(("DEMO-VT-B4", CustomerCategory.Industrial), (accounts["Mv"].TransformerCode, accounts["Mv"].Category));
        Assert.Equal("master.dss:13", accounts["House2"].Source);
    }

    [Fact]
    public void Impact_OnTheMappedTree_FollowsSwitchesAndTheOpenTie()
    {
        var topology = new DssTopology(Map(Master, Lines));

        Assert.Equal(["House1", "House2", "Mv"], topology.LoadsBelow("DEMO-K1"));
        Assert.Equal(["Mv"], topology.LoadsBelow("DEMO-K2"));
        Assert.Equal(["Shop"], topology.LoadsBelow("DEMO-T2"));
        Assert.Empty(topology.LoadsBelow("DEMO-TIE"));
        Assert.Equal(4, topology.LoadsBelow("DEMO").Count);
    }

    [Theory]
    [InlineData("New Line.Bad Bus1=B1", "lines.dss:9: line.Bad has no Bus2")]
    [InlineData("New Line.Bad Bus1=[B1 Bus2=B2", "lines.dss:9: '[' is not closed")]
    [InlineData("Edit Line.Nothing Switch=y", "lines.dss:9: Edit names 'line.Nothing', which is not defined")]
    [InlineData("Redirect missing.dss", "lines.dss:9: no such file")]
    [InlineData("Bus1=B1", "lines.dss:9: a command was expected")]
    [InlineData("Open Line.Nothing", "lines.dss:9: open names 'line.Nothing'")]
    public void Map_UnreadableLine_ErrorNamesFileAndLine(string badLine, string expected)
    {
        var error = Assert.Throws<DssFormatException>(() => Map(Master, Lines + "\n" + badLine));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_NoCircuit_Error() =>
        Assert.Throws<DssFormatException>(() => Map("New Line.L1 Bus1=a Bus2=b", string.Empty));

    private DssFeeder Map(string master, string lines)
    {
        File.WriteAllText(Path.Combine(folder, "master.dss"), master);
        File.WriteAllText(Path.Combine(folder, "lines.dss"), lines);
        return DssFeederMapper.Map(DssCircuit.Load(Path.Combine(folder, "master.dss")), "Demo");
    }
}
