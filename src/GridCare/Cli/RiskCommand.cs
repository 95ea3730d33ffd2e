using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GridCare.Features.ComplaintRisk;
using GridCare.Platform.Database;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare risk backtest</c>: train on the months before the last 30 days and rank customers and transformers at
/// their start (AUC, precision at the top 5 %, against the rule "complained in the last 90 days");
/// <c>gridcare risk score</c>: score everyone now and store the scores, as the daily refresh does.
/// </summary>
internal static class RiskCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(IServiceProvider services) => new("risk", "Complaint-risk prediction: backtest on the stored history, score now.")
    {
        Backtest(services), Score(services),
    };

    private static Command Backtest(IServiceProvider services)
    {
        var json = new Option<bool>("--json") { Description = "print the results as JSON" };
        var command = new Command("backtest", "Train on earlier months, test on the last 30 days; compare with the 90-day complaint rule.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            if ((await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().PendingMigrationsAsync(cancellationToken)).Count > 0)
            {
                await Console.Error.WriteLineAsync("The database has pending migrations: run 'gridcare migrate' first.");
                return 1;
            }

            var results = await scope.ServiceProvider.GetRequiredService<BacktestComplaintRisk>().HandleAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(results, Json));
                return 0;
            }

            foreach (var r in results)
            {
                Console.WriteLine(Invariant($"{r.Level}: trained on {r.TrainingExamples} examples ({r.TrainingPositives} complained); tested {r.TestSubjects} from {r.TestFromUtc:yyyy-MM-dd HH:mm} UTC, {r.TestPositives} complained."));
                Console.WriteLine(Invariant($"  model: AUC {r.Model.Auc:F3}, precision at top 5 % {r.Model.PrecisionAtTop5Percent:P1}"));
                Console.WriteLine(Invariant($"  rule (complaint in last 90 days): AUC {r.Rule.Auc:F3}, precision at top 5 % {r.Rule.PrecisionAtTop5Percent:P1}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Score(IServiceProvider services)
    {
        var command = new Command("score", "Train on the whole history and store fresh scores of every customer and transformer.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RefreshComplaintRisk>().HandleAsync(cancellationToken);
            Console.WriteLine(Invariant($"Scored {result.Customers} customers and {result.Transformers} transformers with {result.ModelVersion} in {result.Seconds:F1} s."));
            foreach (var skipped in result.Skipped)
            {
                await Console.Error.WriteLineAsync("Skipped " + skipped);
            }

            return 0;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
