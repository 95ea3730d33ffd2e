using System.CommandLine;
using GridCare.Domain.Network;
using GridCare.Features.Network;

namespace GridCare.Cli;

/// <summary><c>gridcare network import-opendss &lt;master.dss&gt;</c>: one OpenDSS feeder into the network and accounts.</summary>
internal static class NetworkCommand
{
    public static Command Create(IServiceProvider services)
    {
        var master = new Argument<FileInfo>("master") { Description = "the OpenDSS script to compile (Redirect/Compile are followed)" };
        var substation = new Option<string?>("--substation") { Description = "code of the substation above the feeder (created when missing; default <feeder>-S)" };
        var orgUnit = new Option<string?>("--org-unit") { Description = "code of the org unit operating the feeder (default: the root org unit)" };
        var feeder = new Option<string?>("--feeder") { Description = "feeder code and prefix of every code (default: the circuit name)" };
        var area = new Option<AreaType>("--area-type") { Description = "urban, rural or remote", DefaultValueFactory = _ => AreaType.Urban };
        var import = new Command("import-opendss", "Import an OpenDSS feeder: switches, transformers, and one account per load (all or nothing; see docs/opendss-import.md).")
        {
            master, substation, orgUnit, feeder, area,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(master);
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName}: no such file");
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ImportOpenDss>();
            var result = await handler.HandleAsync(
                new ImportOpenDssRequest(path.FullName, parse.GetValue(substation), parse.GetValue(orgUnit), parse.GetValue(feeder), parse.GetValue(area)),
                cancellationToken);
            if (result.Report is not { } report)
            {
                Console.Error.WriteLine(result.Error);
                Console.WriteLine($"{path.Name}: rejected; nothing was imported.");
                return 1;
            }

            Console.WriteLine($"{path.Name}: feeder {report.Feeder} under substation {report.Substation}: " +
                              $"{report.Switches} switches, {report.Transformers} transformers ({report.VirtualTransformers} virtual).");
            Console.WriteLine($"Devices: {report.DevicesCreated} created, {report.DevicesUpdated} updated, {report.DevicesUnchanged} unchanged.");
            Console.WriteLine($"Accounts: {report.AccountsCreated} created, {report.AccountsUpdated} updated, {report.AccountsUnchanged} unchanged.");
            foreach (var note in report.Notes)
            {
                Console.WriteLine($"Note: {note}");
            }

            return 0;
        });
        return new Command("network", "Network register tools.") { import };
    }
}
