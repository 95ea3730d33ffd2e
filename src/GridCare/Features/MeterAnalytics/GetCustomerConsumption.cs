using GridCare.Analytics.MeterData.Analysis;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.MeterAnalytics;

public sealed record ConsumptionDayResponse(DateOnly Day, string MeterNo, double ImportKwh, double ExportKwh, double? PeakKw, double? LoadFactor, int MinutesReported, double? VoltageCompliancePercent);

public sealed record ConsumptionMonthResponse(string Month, string MeterNo, int Days, double ImportKwh, double ExportKwh, double? PeakKw, double? LoadFactor);

/// <summary>A suspected meter fault or theft: suddenDrop (value: the day's share of the baseline), longZero (minutes), reverseFlow (kWh).</summary>
public sealed record ConsumptionAnomalyResponse(DateOnly Day, string MeterNo, string Kind, double Value, double? BaselineKwh);

public sealed record CustomerConsumptionResponse(
    long CustomerId, IReadOnlyList<string> Meters, DateOnly From, DateOnly To, double ImportKwh, IReadOnlyList<ConsumptionDayResponse> Days,
    IReadOnlyList<ConsumptionMonthResponse> Months, IReadOnlyList<ConsumptionAnomalyResponse> Anomalies);

/// <summary>
/// A customer's consumption from the daily analyses of their meters (the meter store's copy of the directory), for
/// the customer page. A customer outside the caller's units is not found, as everywhere.
/// </summary>
public sealed class GetCustomerConsumption(IDbContextFactory<AppDbContext> dbFactory, ConsumptionReader reader)
{
    public async Task<MeterAnalyticsResult<CustomerConsumptionResponse>> HandleAsync(long customerId, DateOnly from, DateOnly to, StaffScope scope, CancellationToken cancellationToken)
    {
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.ConsumptionReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<CustomerConsumptionResponse>.Forbidden(refusal);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orgUnit = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => (int?)c.OrgUnitId).FirstOrDefaultAsync(cancellationToken);
        if (orgUnit is not { } unit || !scope.Sees(unit))
        {
            return new MeterAnalyticsResult<CustomerConsumptionResponse>.NotFound($"No customer {customerId} in your org units.");
        }

        var days = await reader.DaysAsync(customerId, from, to, cancellationToken);
        var months = await reader.MonthsAsync(customerId, from, to, cancellationToken);
        var anomalies = await reader.AnomaliesAsync(customerId, from, to, cancellationToken);
        return new MeterAnalyticsResult<CustomerConsumptionResponse>.Found(new CustomerConsumptionResponse(
            customerId,
            await reader.MetersOfAsync(customerId, cancellationToken),
            from,
            to,
            days.Sum(d => d.ImportKwh),
            [.. days.Select(d => new ConsumptionDayResponse(d.Day, d.MeterNo, d.ImportKwh, d.ExportKwh, d.PeakKw, d.LoadFactor, d.MinutesReported, 100 * d.VoltageCompliance))],
            [.. months.Select(m => new ConsumptionMonthResponse(m.Month, m.MeterNo, m.Days, m.ImportKwh, m.ExportKwh, m.PeakKw, m.LoadFactor))],
            [.. anomalies.Select(a => new ConsumptionAnomalyResponse(a.Day, a.MeterNo, a.Kind, a.Value, a.Baseline))]));
    }
}
