using System.Text.Json.Nodes;
using GridCare.Features.Network;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>
/// The OpenDSS import on the demo database, then traced through the impact endpoint: a small inline script
/// always, the IEEE 123-bus feeder where ../shared/data is present. Its own class: it adds feeders to the network.
/// </summary>
public abstract class OpenDssImportTests(GridCareFactory factory) : IDisposable
{
    private const string Script = """
        Clear
        New Circuit.Dss1 basekv=10 bus1=SRC
        New Line.L1 Bus1=SRC Bus2=B1
        New Line.K1 Bus1=B1 Bus2=B2 Switch=y
        New Line.Tie Bus1=B1 Bus2=B9 Switch=y
        ~ Length=0.01   ! continuation
        New Transformer.T1 Buses=[B2 LV1] kVs=[10 0.4] kVAs=[315 315]
        New Transformer.T2 Buses=[B1 LV2] kVs=[10 0.4] kVAs=[200 200]
        New Load.A Bus1=LV1.1 kW=4 Phases=1
        New Load.B Bus1=LV1.2 kW=6 Phases=1
        New Load.C Bus1=LV2 kW=80
        Open Line.Tie 1
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("gridcare-dss-").FullName;

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Import_InlineScript_TracedByTheImpactEndpoint_AndReimportChangesNothing()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var path = Write("dss1.dss", Script);

        var first = await ImportAsync(new ImportOpenDssRequest(path, OrgUnitCode: "GZBJ01"));
        var again = await ImportAsync(new ImportOpenDssRequest(path, OrgUnitCode: "GZBJ01"));
        var branch = await dispatcher.GetJsonAsync("/api/v1/network/devices/DSS1-K1/impact");
        var feeder = await dispatcher.GetJsonAsync("/api/v1/network/devices/DSS1/impact");
        var tie = await dispatcher.GetJsonAsync("/api/v1/network/devices/DSS1-TIE/impact");

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal((3, 0), (first.Report!.AccountsCreated, first.Report.VirtualTransformers));
        Assert.Equal(1 + 1 + 2 + 2 + 3 * 2, first.Report.DevicesCreated); // substation, feeder, 2 switches, 2 transformers, meters + service points
        Assert.Equal((0, 0, 0, 0), (again.Report!.DevicesCreated, again.Report.DevicesUpdated, again.Report.AccountsCreated, again.Report.AccountsUpdated));
        Assert.Equal(["DSS1-A", "DSS1-B"], Accounts(branch));
        Assert.Equal("T1", branch["transformers"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(315, branch["transformers"]![0]!["ratedKva"]!.GetValue<int>());
        Assert.Equal(["DSS1-A", "DSS1-B", "DSS1-C"], Accounts(feeder));
        Assert.Equal(0, tie["customerCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Import_ChangedScript_UpdatesInPlace_ABadLineOrKindClashStoresNothing()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        await ImportAsync(new ImportOpenDssRequest(Write("dss2.dss", Script.Replace("Dss1", "Dss2", StringComparison.Ordinal)), OrgUnitCode: "GZBJ01"));

        // Load A moves to T2, and K1 is opened by the script.
        var changed = Script.Replace("Dss1", "Dss2", StringComparison.Ordinal).Replace("Bus1=LV1.1", "Bus1=LV2.1", StringComparison.Ordinal) + "\nOpen Line.K1";
        var update = await ImportAsync(new ImportOpenDssRequest(Write("dss2.dss", changed), OrgUnitCode: "GZBJ01"));
        var bad = await ImportAsync(new ImportOpenDssRequest(Write("dss2.dss", changed + "\nNew Line.Broken Bus1=B2"), OrgUnitCode: "GZBJ01"));
        var clash = await ImportAsync(new ImportOpenDssRequest(Write("dss3.dss", Script), FeederCode: "BJ01-T0001", OrgUnitCode: "GZBJ01"));
        var feeder = await dispatcher.GetJsonAsync("/api/v1/network/devices/DSS2/impact");
        var (missing, _, _) = await dispatcher.SendAsync(HttpMethod.Get, "/api/v1/network/devices/BJ01-T0001-K1/impact");

        Assert.True(update.Succeeded, update.Error);
        Assert.Equal((0, 1), (update.Report!.AccountsCreated, update.Report.AccountsUpdated));
        Assert.True(update.Report.DevicesUpdated >= 2, $"{update.Report.DevicesUpdated} devices updated"); // K1 opened, A's meter and service point moved
        Assert.Equal(["DSS2-A", "DSS2-C"], Accounts(feeder));
        Assert.Equal("dss2.dss:14: line.Broken has no Bus2", bad.Error);
        Assert.Contains("'BJ01-T0001' exists as a Transformer", clash.Error, StringComparison.Ordinal);
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Import_Ieee123_ImpactOfSw3IsItsDownstreamLoads()
    {
        var master = SharedDataFile("opendss_ieee_feeders", "Version8", "Distrib", "IEEETestCases", "123Bus", "IEEE123Switches.dss");
        var dispatcher = await factory.ClientForAsync("dispatcher");

        var result = await ImportAsync(new ImportOpenDssRequest(master, SubstationCode: "BJ01-S1", OrgUnitCode: "GZBJ01"));
        var sw3 = await dispatcher.GetJsonAsync("/api/v1/network/devices/IEEE123-SW3/impact");
        var sw1 = await dispatcher.GetJsonAsync("/api/v1/network/devices/IEEE123-SW1/impact");
        var sw7 = await dispatcher.GetJsonAsync("/api/v1/network/devices/IEEE123-SW7/impact");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((91, 85, 8), (result.Report!.AccountsCreated, result.Report.VirtualTransformers, result.Report.Switches));

        // Loads on buses 35–51, 151 (below Sw3 on the IEEE 123-bus one-line diagram; Sw7 to 300 is open).
        string[] expected = ["S35a", "S37a", "S38b", "S39b", "S41c", "S42a", "S43b", "S45a", "S46a", "S47", "S48", "S49a", "S49b", "S49c", "S50c", "S51a"];
        Assert.Equal(expected.Select(e => "IEEE123-" + e.ToUpperInvariant()).Order(StringComparer.Ordinal), Accounts(sw3));
        Assert.Equal(91, sw1["customerCount"]!.GetValue<int>());
        Assert.Equal(0, sw7["customerCount"]!.GetValue<int>());
        Assert.Equal("Switch", sw7["device"]!["kind"]!.GetValue<string>());
    }

    private static List<string> Accounts(JsonNode impact) =>
        [.. impact["customers"]!.AsArray().Select(c => c!["accountNumber"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private async Task<ImportOpenDssResult> ImportAsync(ImportOpenDssRequest request)
    {
        factory.EnsureAvailable();
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportOpenDss>().HandleAsync(request, TestContext.Current.CancellationToken);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string SharedDataFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, "shared", "data", .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Skip($"../shared/data/{string.Join('/', parts)} is not here; this test runs where the shared data sets are.");
        return string.Empty;
    }
}

public sealed class SqliteOpenDssImportTests(SqliteFactory factory) : OpenDssImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresOpenDssImportTests(PostgresFactory factory) : OpenDssImportTests(factory), IClassFixture<PostgresFactory>;
