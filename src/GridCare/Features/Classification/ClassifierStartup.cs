using GridCare.Analytics.Classification;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Classification;

/// <summary>
/// Readies the classifier without holding up the start: loads jieba's dictionaries and the active model, or — on a
/// first start, when the data directory has none — trains the default model from the shipped corpus in the
/// background (seconds; until then classification answers 503 and intake suggests nothing). Then checks now and
/// then whether another process activated a newer model.
/// </summary>
public sealed partial class ClassifierStartup(IServiceScopeFactory scopes, ActiveClassifier active, IOptions<ClassifierOptions> options, ILogger<ClassifierStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            ChineseTokenizer.Warm();
            active.ReloadIfChanged();
            if (active.Current is null && options.Value.TrainOnStart)
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<TrainClassifier>().HandleAsync(null, force: false, stoppingToken);
                foreach (var error in result.Errors)
                {
                    LogNotTrained(logger, error);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception);
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReloadSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (active.ReloadIfChanged())
                {
                    LogLoaded(logger, active.Current!.Version);
                }
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                LogReloadFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Default classifier not trained: {Error}")]
    private static partial void LogNotTrained(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The classifier could not be readied; classification stays unavailable")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier {Version} loaded")]
    private static partial void LogLoaded(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The active classifier could not be reloaded; the one in use stays")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
