using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.MeterData.Events;
using GridCare.Domain.Reliability;
using GridCare.Domain.Sla;
using GridCare.Domain.Warnings;
using GridCare.Features.Warnings;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterAnalytics;

/// <summary>
/// The customer's own supply as measured by their meters over the window: the voltage compliance is the mean of the
/// meter-days' shares of time within the GB/T 12325 limits, and the days below target are meter-days under the area's
/// target (DOMAIN.md §4). <see cref="MeterEvents"/> are the meters' stored events (power-off/on, cover open, clock
/// error, reverse flow…), newest first.
/// </summary>
public sealed record CustomerEvidence(
    IReadOnlyList<string> Meters, int DaysWithData, double? VoltageCompliancePercent, double CompliancePercentTarget, int DaysBelowTarget,
    IReadOnlyList<ConsumptionDayResponse> Days, IReadOnlyList<MeterEventEvidence> MeterEvents);

public sealed record MeterEventEvidence(string MeterNo, DateTime OccurredAt, string Kind);

/// <summary>The supplying transformer over the window: load, voltage pockets and line loss from its daily analyses.</summary>
public sealed record TransformerEvidence(
    string Code, string? Name, double? RatedKva, int DaysWithData, double? MaxPeakLoadPercent, int HeavyDays, int OverloadDays, int HeavyMinutes, int OverloadMinutes,
    double? VoltageCompliancePercent, int LowVoltagePocketDays, int HighVoltagePocketDays, double? MaxImbalancePercent, IReadOnlyList<LoadEpisodeResponse> Episodes);

public sealed record InterruptionEvidence(DateTime InterruptedAt, DateTime? RestoredAt, int? Minutes, bool Planned, long? OutageId);

/// <summary>
/// What the network measured around a work order, so the agent answering a voltage or supply-quality complaint sees
/// the facts: the customer's voltage compliance, the transformer's load episodes and voltage pockets, the customer's
/// interruptions and the transformer's warnings, over the days up to the order's arrival.
/// </summary>
public sealed record WorkOrderEvidenceResponse(
    string OrderNumber, long? CustomerId, DateOnly From, DateOnly To, CustomerEvidence? Customer, TransformerEvidence? Transformer,
    IReadOnlyList<InterruptionEvidence> Interruptions, int InterruptionMinutes, IReadOnlyList<WarningResponse> Warnings);

public sealed class GetWorkOrderEvidence(
    IDbContextFactory<AppDbContext> dbFactory, ConsumptionReader consumption, TransformerLoadReader transformers, MeterEventReader events, StaffScopeResolver scopes,
    IOptions<WarningsOptions> targets)
{
    /// <summary>Days before the order (its China day included) the evidence covers.</summary>
    public const int WindowDays = 30;

    public async Task<MeterAnalyticsResult<WorkOrderEvidenceResponse>> HandleAsync(string number, StaffScope scope, CancellationToken cancellationToken)
    {
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.ConsumptionReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<WorkOrderEvidenceResponse>.Forbidden(refusal);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number)
            .Select(w => new { w.Number, w.CustomerId, w.OrgUnitId, w.ReceivedAt, w.AreaType }).FirstOrDefaultAsync(cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return new MeterAnalyticsResult<WorkOrderEvidenceResponse>.NotFound($"No work order {number} in your org units.");
        }

        var to = ChinaTime.DateOf(order.ReceivedAt);
        var from = to.AddDays(1 - WindowDays);
        if (order.CustomerId is not { } customerId)
        {
            return new MeterAnalyticsResult<WorkOrderEvidenceResponse>.Found(new WorkOrderEvidenceResponse(order.Number, null, from, to, null, null, [], 0, []));
        }

        // The same compliance targets the voltage warnings use, so the card and the warnings never disagree.
        var target = order.AreaType == Domain.Network.AreaType.Urban ? targets.Value.UrbanVoltageCompliancePercent : targets.Value.RuralVoltageCompliancePercent;
        var days = await consumption.DaysAsync(customerId, from, to, cancellationToken);
        var compliances = days.Where(d => d.VoltageCompliance is not null).Select(d => 100 * d.VoltageCompliance!.Value).ToList();
        var meters = await consumption.MetersOfAsync(customerId, cancellationToken);
        var start = ChinaTime.FromCst(from, TimeOnly.MinValue);
        var end = ChinaTime.FromCst(to.AddDays(1), TimeOnly.MinValue);
        var meterEvents = await events.ForDevicesAsync(meters, start, end, 100, cancellationToken);
        var customer = new CustomerEvidence(
            meters,
            days.Select(d => d.Day).Distinct().Count(),
            compliances.Count > 0 ? compliances.Average() : null,
            target,
            compliances.Count(c => c < target),
            [.. days.Select(d => new ConsumptionDayResponse(d.Day, d.MeterNo, d.ImportKwh, d.ExportKwh, d.PeakKw, d.LoadFactor, d.MinutesReported, 100 * d.VoltageCompliance))],
            [.. meterEvents.Select(m => new MeterEventEvidence(m.Device, m.OccurredAtUtc, m.Kind))]);

        var code = await consumption.TransformerOfAsync(customerId, cancellationToken);
        var transformer = code is null ? null : await TransformerAsync(code, from, to, cancellationToken);

        var interruptions = await db.Set<InterruptionRecord>().AsNoTracking()
            .Where(i => i.CustomerId == customerId && i.InterruptedAt >= start && i.InterruptedAt < end)
            .OrderBy(i => i.InterruptedAt)
            .Select(i => new InterruptionEvidence(i.InterruptedAt, i.RestoredAt, i.DurationSeconds / 60, i.Planned, i.OutageId))
            .ToListAsync(cancellationToken);

        var tree = await scopes.TreeAsync(cancellationToken);
        var warnings = code is null ? [] : await db.Set<Warning>().AsNoTracking()
            .Where(w => w.TransformerCode == code && (w.CustomerId == null || w.CustomerId == customerId) && w.LastSeenOn >= from && w.FirstSeenOn <= to)
            .OrderByDescending(w => w.LastSeenOn).ToListAsync(cancellationToken);
        return new MeterAnalyticsResult<WorkOrderEvidenceResponse>.Found(new WorkOrderEvidenceResponse(
            order.Number, customerId, from, to, customer, transformer, interruptions, interruptions.Sum(i => i.Minutes ?? 0),
            [.. warnings.Select(w => ListWarnings.Response(w, tree.Find(w.OrgUnitId)?.Name))]));
    }

    private async Task<TransformerEvidence> TransformerAsync(string code, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var directory = await transformers.TransformerAsync(code, cancellationToken);
        var days = await transformers.DaysAsync(code, from, to, cancellationToken);
        var episodes = await transformers.EpisodesAsync([code], from, to, cancellationToken);
        var voltage = days.Sum(d => d.VoltageMinutes);
        return new TransformerEvidence(
            code,
            directory?.Name,
            directory?.RatedKva,
            days.Count,
            days.Max(d => d.PeakLoadRate) * 100,
            days.Count(d => d.HeavyMinutes > 0),
            days.Count(d => d.OverloadMinutes > 0),
            days.Sum(d => d.HeavyMinutes),
            days.Sum(d => d.OverloadMinutes),
            voltage > 0 ? 100.0 * days.Sum(d => d.WithinMinutes) / voltage : null,
            days.Count(d => d.VoltagePocket == "low"),
            days.Count(d => d.VoltagePocket == "high"),
            days.Max(d => d.MaxImbalance) * 100,
            [.. episodes.Select(LoadEpisodeResponse.From)]);
    }
}
