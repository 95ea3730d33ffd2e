using GridCare.Features.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests.Infrastructure;

/// <summary>The hand-written labelled sample (tests/TestData/classifier-sample.tsv), and a host's model trained on it.</summary>
public static class ClassifierSample
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "classifier-sample.tsv");

    /// <summary>Trains and activates the sample model in the factory's data directory, once per host.</summary>
    public static async Task EnsureModelAsync(GridCareFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.EnsureAvailable();
        if (factory.Services.GetRequiredService<ActiveClassifier>().Current is not null)
        {
            return;
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TrainClassifier>().HandleAsync(Path, force: true, TestContext.Current.CancellationToken);
        Assert.Empty(result.Errors);
        Assert.True(result.Activated);
    }
}
