using GridCare.Analytics.ComplaintRisk;
using Microsoft.Extensions.Options;

namespace GridCare.Features.ComplaintRisk;

/// <summary>The backtest of both levels on the stored history: train on the months before the last 30 days, rank at their start.</summary>
public sealed class BacktestComplaintRisk(ComplaintRiskHistoryReader reader, IOptions<ComplaintRiskOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<RiskBacktestResult>> HandleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // No meter facts: the store's days describe now, not the start of the test month.
        var history = await reader.ReadAsync(now, withMeterFacts: false, cancellationToken);
        var modelOptions = new RiskModelOptions { Trees = options.Value.Trees };
        return [.. Enum.GetValues<RiskLevel>().Select(level => RiskEngine.Backtest(history, level, now, now - ComplaintRiskHistoryReader.Reach, modelOptions))];
    }
}
