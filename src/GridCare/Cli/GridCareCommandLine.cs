using System.CommandLine;
using GridCare.Features.Customers;
using GridCare.Features.Demo;
using GridCare.Features.Network;
using GridCare.Features.Organization;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using GridCare.Platform.Imports;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Cli;

/// <summary>
/// The command-line verbs of the one executable. <c>serve</c> (or no verb) starts the web host; the others run
/// the same use cases as the API against the configured database and exit with 0 on success.
/// </summary>
public static class GridCareCommandLine
{
    private static readonly string[] Verbs = ["migrate", "seed", "admin", "import", "network", "meter", "reliability", "classify", "knowledge", "risk", "segment", "--help", "-h", "-?", "--version"];

    /// <summary>Whether the arguments ask for a command rather than the web host.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    /// <summary>The arguments the web host sees: everything after an optional leading <c>serve</c>.</summary>
    public static string[] ServeArgs(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var root = new RootCommand("GridCare: customer service for electricity distribution utilities. Without a command, serves the web console and API.")
        {
            new Command("serve", "Start the web host (the default)."),
            Migrate(services),
            Seed(services),
            Admin(services),
            Import(services),
            ReliabilityCommand.Create(),
            NetworkCommand.Create(services),
            MeterCommand.Create(services),
            ClassifyCommand.Create(services),
            KnowledgeCommand.Create(),
            RiskCommand.Create(services),
            SegmentCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }

    private static Command Migrate(IServiceProvider services)
    {
        var command = new Command("migrate", "Apply pending database migrations (production deploy step).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            var pending = await migrator.PendingMigrationsAsync(cancellationToken);
            await migrator.MigrateAsync(cancellationToken);
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migrations: {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }

    private static Command Seed(IServiceProvider services)
    {
        var size = new Option<DemoSize>("--size") { Description = "small, county (30,000 customers) or city (300,000)", DefaultValueFactory = _ => DemoSize.County };
        var seed = new Option<int>("--seed") { Description = "random seed; the same seed gives the same area", DefaultValueFactory = _ => new DemoOptions().Seed };
        var command = new Command("seed", "Fill an empty database with a generated demo supply area and the demo accounts.") { size, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<SeedDemo>().HandleAsync(parse.GetValue(size), parse.GetValue(seed), cancellationToken);
            if (!result.Seeded)
            {
                Console.Error.WriteLine("The database already holds org units; seed only fills an empty database (use a new data directory).");
                return 1;
            }

            Console.WriteLine($"Seeded {result.OrgUnits} org units, {result.Devices} network devices and {result.Customers} customers in {result.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }

    private static Command Admin(IServiceProvider services)
    {
        var userName = new Option<string>("--username") { Description = "sign-in name", Required = true };
        var password = new Option<string>("--password") { Description = "at least 10 characters with upper and lower case and a digit", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "name shown in the console" };
        var orgUnit = new Option<string?>("--org-unit") { Description = "code of the org unit (default: the top of the tree)" };
        var create = new Command("create", "Create an administrator (the first user of a production installation).") { userName, password, displayName, orgUnit };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var name = parse.GetRequiredValue(userName);
            var result = await scope.ServiceProvider.GetRequiredService<CreateAdministrator>()
                .HandleAsync(name, parse.GetValue(displayName) ?? name, parse.GetRequiredValue(password), parse.GetValue(orgUnit), cancellationToken);
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error);
            }

            if (result.Succeeded)
            {
                Console.WriteLine($"Administrator '{name}' created.");
            }

            return result.Succeeded ? 0 : 1;
        });

        var removeDemo = new Command("remove-demo", "Delete the demo accounts, whose password is published, before leaving demo mode.");
        removeDemo.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var removed = await db.Users.Where(u => u.IsDemo).ExecuteDeleteAsync(cancellationToken);
            Console.WriteLine($"Removed {removed} demo accounts.");
            return 0;
        });

        return new Command("admin", "Administer staff accounts.") { create, removeDemo };
    }

    private static Command Import(IServiceProvider services)
    {
        var command = new Command("import", "Import org units, network or customers from a UTF-8 CSV file (all rows or none; see README).");
        command.Add(ImportVerb<ImportOrgUnits>(services, "org-units", "code,name,level,parent_code", (h, s, f, c) => h.HandleAsync(s, f, c)));
        command.Add(ImportVerb<ImportNetwork>(services, "network", "code,kind,name,parent_code,area_type,org_unit_code,rated_kva,voltage_kv,normally_open", (h, s, f, c) => h.HandleAsync(s, f, c)));
        command.Add(ImportVerb<ImportCustomers>(services, "customers", "account_number,name,phone,id_number,address,category,contracted_capacity_kva,tariff,important,sensitive,transformer_code,meter_number,meter_phases", (h, s, f, c) => h.HandleAsync(s, f, c)));
        return command;
    }

    private static Command ImportVerb<THandler>(IServiceProvider services, string name, string columns, Func<THandler, Stream, string, CancellationToken, Task<ImportResult>> run)
        where THandler : notnull
    {
        var file = new Argument<FileInfo>("file") { Description = $"CSV with the columns {columns}" };
        var command = new Command(name, $"Import {name} ({columns}).") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName}: no such file");
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var result = await run(scope.ServiceProvider.GetRequiredService<THandler>(), stream, path.Name, cancellationToken);
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.WriteLine(result.Succeeded
                ? $"{path.Name}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged."
                : $"{path.Name}: rejected with {result.Errors.Count} errors; nothing was imported.");
            return result.Succeeded ? 0 : 1;
        });
        return command;
    }
}
