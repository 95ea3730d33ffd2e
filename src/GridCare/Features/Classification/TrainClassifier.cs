using System.Diagnostics;
using System.Globalization;
using GridCare.Analytics.Classification;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Classification;

public sealed record TrainClassifierResult(
    IReadOnlyList<string> Errors,
    ClassifierModelInfo? Candidate = null,
    ClassifierEvaluation? Evaluation = null,
    string? PreviousVersion = null,
    double? PreviousLabelMacroF1 = null,
    bool Activated = false);

/// <summary>
/// Trains a model from the corpus and the agents' stored corrections, evaluates it on the held-out split of the
/// corpus (stratified, fixed seed; corrections only ever train) and activates it — unless the active model does
/// better on the same held-out texts (macro-F1 over the twelve labels): then the new model is not stored and the
/// active one stays. The first model, or one trained with <c>force</c>, is activated whatever its score.
/// </summary>
public sealed partial class TrainClassifier(AppDbContext db, ActiveClassifier active, TimeProvider time, IOptions<ClassifierOptions> options, ILogger<TrainClassifier> logger)
{
    public async Task<TrainClassifierResult> HandleAsync(string? corpusPath, bool force, CancellationToken cancellationToken)
    {
        var (corpus, errors) = ClassifierCorpus.Read(corpusPath ?? options.Value.CorpusPath);
        if (errors.Count > 0)
        {
            return new TrainClassifierResult(errors);
        }

        if (corpus.Count == 0)
        {
            return new TrainClassifierResult(["The corpus holds no labelled texts."]);
        }

        var corrections = await db.ClassificationCorrections.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new { c.Text, c.ChosenType, c.ChosenComplaintClass })
            .ToListAsync(cancellationToken);
        var (train, test) = TrainingSplit.Stratified(corpus);
        var rows = train.Concat(corrections.Select(c => new LabelledText(c.Text, c.ChosenType, c.ChosenComplaintClass))).ToList();

        var version = NewVersion();
        var watch = Stopwatch.StartNew();
        var candidate = await Task.Run(() => ClassifierTrainer.Train(rows, version, options.Value.Algorithm), cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var evaluation = ClassifierEvaluation.Run(candidate, test);
        var info = new ClassifierModelInfo(
            version, time.GetUtcNow().UtcDateTime, options.Value.Algorithm.ToString(), corpus.Count, corrections.Count,
            rows.Count, test.Count, evaluation.Type.Accuracy, evaluation.Type.MacroF1, evaluation.Label.MacroF1, Math.Round(seconds, 2));

        var previous = active.Store.ActiveVersion() is { } activeVersion ? active.Store.Load(activeVersion) : null;
        var previousF1 = previous is null ? (double?)null : ClassifierEvaluation.Run(previous, test).Label.MacroF1;
        if (!force && previousF1 is { } bar && evaluation.Label.MacroF1 < bar)
        {
            LogRefused(logger, version, evaluation.Label.MacroF1, previous!.Version, bar);
            return new TrainClassifierResult([], info, evaluation, previous!.Version, previousF1, Activated: false);
        }

        active.Store.Save(candidate, info);
        active.Store.Activate(version);
        active.Use(candidate);
        LogActivated(logger, version, rows.Count, evaluation.Label.MacroF1, seconds);
        return new TrainClassifierResult([], info, evaluation, previous?.Version, previousF1, Activated: true);
    }

    private string NewVersion()
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var version = stamp;
        for (var n = 2; active.Store.Info(version) is not null; n++)
        {
            version = $"{stamp}-{n}";
        }

        return version;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Classifier {Version} not activated: macro-F1 {NewF1} below the active {Active}'s {ActiveF1}")]
    private static partial void LogRefused(ILogger logger, string version, double newF1, string active, double activeF1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier {Version} active: {Rows} texts, macro-F1 {F1}, trained in {Seconds} s")]
    private static partial void LogActivated(ILogger logger, string version, int rows, double f1, double seconds);
}
