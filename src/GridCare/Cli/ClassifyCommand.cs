using System.CommandLine;
using System.Globalization;
using GridCare.Analytics.Classification;
using GridCare.Features.Classification;
using GridCare.Platform;
using GridCare.Platform.Database;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare classify</c>: retrain from the corpus and the agents' corrections (refusing a model that scores worse
/// than the active one), evaluate the active model on a labelled file, classify a file, or go back to an older model.
/// </summary>
internal static class ClassifyCommand
{
    /// <summary>Exit code of <c>train</c> when the new model scored below the active one and was not activated.</summary>
    public const int Refused = 3;

    public static Command Create(IServiceProvider services) => new("classify", "Classify customers' words: train, evaluate, predict, activate.")
    {
        Train(services), Evaluate(services), Predict(services), Activate(services),
    };

    private static Command Train(IServiceProvider services)
    {
        var corpus = new Option<FileInfo?>("--corpus") { Description = "labelled TSV (text, type, complaint_class); default: the shipped corpus or GridCare:Classifier:CorpusPath" };
        var force = new Option<bool>("--force") { Description = "activate the new model even when it scores below the active one" };
        var command = new Command("train", "Train from the corpus plus stored corrections, evaluate on the held-out split, activate if not worse (macro-F1).") { corpus, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var pending = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().PendingMigrationsAsync(cancellationToken);
            if (pending.Count > 0)
            {
                await Console.Error.WriteLineAsync("The database has pending migrations (its corrections cannot be read): run 'gridcare migrate' first.");
                return 1;
            }

            var result = await scope.ServiceProvider.GetRequiredService<TrainClassifier>()
                .HandleAsync(parse.GetValue(corpus)?.FullName, parse.GetValue(force), cancellationToken);
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            if (result.Candidate is not { } info)
            {
                return 1;
            }

            Console.WriteLine(Invariant($"Trained {info.Version} ({info.Algorithm}) on {info.TrainRows} texts ({info.CorpusRows} in the corpus, {info.CorrectionRows} corrections) in {info.TrainingSeconds:F1} s; held out {info.TestRows}."));
            EvaluationReportText.Write(result.Evaluation!, Console.Out);
            if (!result.Activated)
            {
                await Console.Error.WriteLineAsync(Invariant(
                    $"Not activated: macro-F1 {info.LabelMacroF1:F4} is below the active model {result.PreviousVersion}'s {result.PreviousLabelMacroF1:F4} on the same held-out texts. The active model stays (use --force to replace it anyway)."));
                return Refused;
            }

            Console.WriteLine(result.PreviousVersion is null
                ? $"Activated {info.Version} (no model was active)."
                : Invariant($"Activated {info.Version}, replacing {result.PreviousVersion} (macro-F1 {result.PreviousLabelMacroF1:F4} → {info.LabelMacroF1:F4})."));
            return 0;
        });
        return command;
    }

    private static Command Evaluate(IServiceProvider services)
    {
        var input = new Option<FileInfo>("--input") { Description = "labelled TSV (text, type, complaint_class)", Required = true };
        var version = new Option<string?>("--model") { Description = "a stored model version (default: the active one)" };
        var command = new Command("evaluate", "Accuracy, macro-F1, per-class precision/recall and the confusion matrix of a model on a labelled file.") { input, version };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(input);
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.FullName}: no such file");
                return 2;
            }

            if (Load(services, parse.GetValue(version)) is not { } model)
            {
                return 1;
            }

            using var reader = file.OpenText();
            var (rows, errors) = CorpusFile.Read(reader, file.Name);
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            if (errors.Count > 0 || rows.Count == 0)
            {
                await Console.Error.WriteLineAsync($"{file.Name}: no labelled texts to evaluate on.");
                return 1;
            }

            Console.WriteLine($"Model {model.Version} on {file.Name}:");
            EvaluationReportText.Write(ClassifierEvaluation.Run(model, rows), Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Predict(IServiceProvider services)
    {
        var input = new Option<FileInfo>("--input") { Description = "TSV with a header and a text column", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "the same rows with type, complaint_class and confidence added", Required = true };
        var command = new Command("predict", "Classify every row of a TSV file.") { input, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(input);
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.FullName}: no such file");
                return 2;
            }

            if (Load(services, null) is not { } model)
            {
                return 1;
            }

            TsvTable table;
            using (var reader = file.OpenText())
            {
                table = TsvTable.Read(reader);
            }

            var text = table.Column("text");
            if (text < 0)
            {
                await Console.Error.WriteLineAsync($"{file.Name}:1: no text column in the header.");
                return 1;
            }

            var threshold = services.GetRequiredService<ActiveClassifier>().ReviewThreshold;
            await using var writer = new StreamWriter(parse.GetRequiredValue(output).FullName);
            await writer.WriteLineAsync(string.Join('\t', table.Header.Select(TsvTable.Clean).Concat(["type", "complaint_class", "confidence"])));
            foreach (var row in table.Rows)
            {
                var result = model.Classify(row.ElementAtOrDefault(text), threshold);
                await writer.WriteLineAsync(string.Join('\t', row.Concat([
                    ApiEnums.Name(result.Type),
                    result.ComplaintClass is { } c ? ApiEnums.Name(c) : string.Empty,
                    result.Confidence.ToString("F4", CultureInfo.InvariantCulture)])));
            }

            Console.WriteLine($"{table.Rows.Count} rows classified by {model.Version} into {parse.GetRequiredValue(output).Name}.");
            return 0;
        });
        return command;
    }

    private static Command Activate(IServiceProvider services)
    {
        var version = new Argument<string>("version") { Description = "a stored model version (see the console's classifier page)" };
        var command = new Command("activate", "Make a stored model the active one (roll back or forward).") { version };
        command.SetAction(parse =>
        {
            var store = services.GetRequiredService<ActiveClassifier>().Store;
            var name = parse.GetRequiredValue(version);
            if (store.Info(name) is null)
            {
                Console.Error.WriteLine($"No model {name} in {store.Directory}.");
                return 1;
            }

            store.Activate(name);
            Console.WriteLine($"Activated {name}; running instances load it within GridCare:Classifier:ReloadSeconds.");
            return 0;
        });
        return command;
    }

    private static TextClassifier? Load(IServiceProvider services, string? version)
    {
        var store = services.GetRequiredService<ActiveClassifier>().Store;
        var name = version ?? store.ActiveVersion();
        if (name is null || store.Info(name) is null)
        {
            Console.Error.WriteLine(name is null
                ? $"No active model in {store.Directory}: start GridCare once (it trains the default) or run 'gridcare classify train'."
                : $"No model {name} in {store.Directory}.");
            return null;
        }

        return store.Load(name);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
