using System.Globalization;
using System.Text.Json;
using GridCare.Analytics.ComplaintRisk;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.ComplaintRisk;

/// <summary>What a refresh stored, per level; a level without both outcomes in its history is skipped (no model can learn it).</summary>
public sealed record ComplaintRiskRefreshed(DateTime ScoredAt, string ModelVersion, int Customers, int Transformers, IReadOnlyList<string> Skipped, double Seconds);

/// <summary>
/// Trains the model on the history (monthly cut-offs whose 30 days have passed) and scores every customer and
/// transformer as of now, then replaces the stored scores of each level in one transaction. The model is trained
/// afresh each time from the database, so no model file has to be kept in step with the data.
/// </summary>
public sealed class RefreshComplaintRisk(
    IDbContextFactory<AppDbContext> dbFactory, ComplaintRiskHistoryReader reader, IOptions<ComplaintRiskOptions> options, TimeProvider time)
{
    public const string Algorithm = "fasttree";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ComplaintRiskRefreshed> HandleAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow().UtcDateTime;
        var history = await reader.ReadAsync(now, withMeterFacts: true, cancellationToken);
        var version = string.Create(CultureInfo.InvariantCulture, $"{Algorithm}-{options.Value.Trees}-{now:yyyyMMddHHmm}");
        var modelOptions = new RiskModelOptions { Trees = options.Value.Trees };
        var counts = new Dictionary<RiskLevel, int>();
        var skipped = new List<string>();
        foreach (var level in Enum.GetValues<RiskLevel>())
        {
            IReadOnlyList<RiskScore> scores;
            try
            {
                scores = await Task.Run(() => RiskEngine.ScoreNow(history, level, now, now - ComplaintRiskHistoryReader.Reach, modelOptions), cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                skipped.Add($"{level}: {e.Message}");
                continue;
            }

            await StoreAsync(level, scores, now, version, cancellationToken);
            counts[level] = scores.Count;
        }

        return new ComplaintRiskRefreshed(
            now, version, counts.GetValueOrDefault(RiskLevel.Customer), counts.GetValueOrDefault(RiskLevel.Transformer), skipped, time.GetElapsedTime(started).TotalSeconds);
    }

    private async Task StoreAsync(RiskLevel level, IReadOnlyList<RiskScore> scores, DateTime now, string version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ComplaintRiskScore>().Where(s => s.Level == level).ExecuteDeleteAsync(cancellationToken);
        var rank = 0;
        db.Set<ComplaintRiskScore>().AddRange(scores
            .OrderByDescending(s => s.Probability)
            .ThenBy(s => s.Subject.Id)
            .Select(s => new ComplaintRiskScore
            {
                Level = level,
                CustomerId = level == RiskLevel.Customer ? s.Subject.Id : null,
                TransformerId = s.Subject.TransformerId,
                TransformerCode = s.Subject.TransformerCode,
                OrgUnitId = s.Subject.OrgUnitId,
                Score = Math.Round(s.Probability, 5),
                Rank = ++rank,
                ReasonsJson = JsonSerializer.Serialize(s.Reasons, Json),
                ScoredAt = now,
                ModelVersion = version,
            }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
