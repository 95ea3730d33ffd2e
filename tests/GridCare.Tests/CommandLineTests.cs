using System.Diagnostics;
using System.Text.RegularExpressions;
using GridCare.Features.Demo;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary>The <c>gridcare</c> verbs, run as separate processes on a SQLite data directory.</summary>
public sealed partial class CommandLineTests : IDisposable
{
    private readonly GridCareProcess gridcare = new();

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task Seed_Small_FillsTheDatabase_AndRefusesASecondTime()
    {
        var (code, output, _) = await gridcare.RunAsync("seed", "--size", "small");
        var (again, _, error) = await gridcare.RunAsync("seed", "--size", "small");

        Assert.Equal(0, code);
        Assert.Contains("1500 customers", output, StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Contains("already holds", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCustomers_WithABadRow_ExitsWithErrorNamingFileLineAndColumn()
    {
        await gridcare.RunAsync("seed", "--size", "small");
        var file = Path.Combine(gridcare.DataDirectory, "accounts.csv");
        await File.WriteAllTextAsync(file, """
            account_number,name,address,category,contracted_capacity_kva,tariff,transformer_code,meter_number
            0190000001,蒋国,大方县红旗路1号,residential,6,RES-TIERED,BJ01-T0001,3019000000001
            0190000002,潘丽,大方县红旗路2号,residential,many,RES-TIERED,BJ01-T0001,3019000000002
            """, TestContext.Current.CancellationToken);

        var (code, output, error) = await gridcare.RunAsync("import", "customers", file);

        Assert.Equal(1, code);
        Assert.Contains("accounts.csv:3: contracted_capacity_kva:", error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkImportOpenDss_ImportsTheFeeder_AndABadLineExitsWithFileAndLine()
    {
        await gridcare.RunAsync("seed", "--size", "small");
        var good = Path.Combine(gridcare.DataDirectory, "feeder.dss");
        var bad = Path.Combine(gridcare.DataDirectory, "bad.dss");
        const string script = """
            New Circuit.Cli basekv=10 bus1=SRC
            New Line.K1 Bus1=SRC Bus2=B1 Switch=y
            New Transformer.T1 Buses=[B1 LV] kVs=[10 0.4] kVAs=[100 100]
            New Load.Home Bus1=LV.1 kW=3 Phases=1
            """;
        await File.WriteAllTextAsync(good, script, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(bad, script + "\nNew Transformer.T2 Buses=[B1 LV2", TestContext.Current.CancellationToken);

        var (code, output, _) = await gridcare.RunAsync("network", "import-opendss", good, "--substation", "BJ01-S1", "--org-unit", "GZBJ01");
        var (badCode, badOutput, badError) = await gridcare.RunAsync("network", "import-opendss", bad);

        Assert.Equal(0, code);
        Assert.Contains("feeder CLI under substation BJ01-S1: 1 switches, 1 transformers (0 virtual)", output, StringComparison.Ordinal);
        Assert.Contains("Accounts: 1 created", output, StringComparison.Ordinal);
        Assert.Equal(1, badCode);
        Assert.Contains("bad.dss:5: '[' is not closed", badError, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", badOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OutsideDemoMode_RefusesWhileDemoAccountsExist_AndStartsOnceAnAdministratorReplacesThem()
    {
        await gridcare.RunAsync("seed", "--size", "small");
        var production = new Dictionary<string, string> { ["GridCare__Demo__Enabled"] = "false", ["Urls"] = "http://127.0.0.1:0" };

        var (refused, _, refusal) = await gridcare.RunAsync([], production, TimeSpan.FromMinutes(1));
        var (removed, _, _) = await gridcare.RunAsync("admin", "remove-demo");
        var (created, createdOutput, _) = await gridcare.RunAsync("admin", "create", "--username", "chief", "--password", "Chief-admin-2026", "--org-unit", "GZBJ01");

        Assert.NotEqual(0, refused);
        Assert.Contains("demo accounts exist", refusal + string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, removed);
        Assert.Equal(0, created);
        Assert.Contains("chief", createdOutput, StringComparison.Ordinal);

        using var server = Process.Start(gridcare.StartInfo([], production))!;
        try
        {
            var url = await ReadConsoleUrlAsync(server);
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var health = await http.GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken);
            var token = await http.PostAsync(
                new Uri("api/v1/auth/token", UriKind.Relative),
                ApiJson.Json(new { username = "agent", password = DemoAccounts.Password }),
                TestContext.Current.CancellationToken);
            var admin = await http.PostAsync(
                new Uri("api/v1/auth/token", UriKind.Relative),
                ApiJson.Json(new { username = "chief", password = "Chief-admin-2026" }),
                TestContext.Current.CancellationToken);

            Assert.True(health.IsSuccessStatusCode);
            Assert.Equal(401, (int)token.StatusCode);
            Assert.True(admin.IsSuccessStatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> ReadConsoleUrlAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ConsoleLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("gridcare ended without printing its URL: " + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"Console:\s+(http://\S+/)")]
    private static partial Regex ConsoleLine();
}
