using GridCare.Analytics.MeterData.Events;
using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Features.MeterAnalytics;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using GridCare.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.MeterData;

public sealed record MeterEventResponse(DateTime OccurredAt, string OccurredAtText, string Kind);

public sealed record MeterEventsResponse(string MeterNo, DateOnly From, DateOnly To, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<MeterEventResponse> Events);

/// <summary>
/// <c>GET /api/v1/meters/{meterNo}/events</c>: a meter's stored events (power-off/on, cover open, clock error, reverse
/// flow…) over China days, newest first. Read by those who read the customer's consumption; a meter outside the
/// caller's units is not found, as everywhere.
/// </summary>
public sealed class GetMeterEvents(AppDbContext db, MeterEventReader reader)
{
    public const int MaxEvents = 1000;

    public async Task<MeterAnalyticsResult<MeterEventsResponse>> HandleAsync(string meterNo, DateOnly from, DateOnly to, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (MeterAnalyticsAccess.Refusal(scope, MeterAnalyticsAccess.ConsumptionReaders) is { } refusal)
        {
            return new MeterAnalyticsResult<MeterEventsResponse>.Forbidden(refusal);
        }

        var code = meterNo.Trim();
        var unit = await db.NetworkDevices.AsNoTracking()
            .Where(d => d.Code == code && d.Kind == DeviceKind.Meter)
            .Select(d => (int?)d.OrgUnitId)
            .FirstOrDefaultAsync(cancellationToken);
        if (unit is not { } orgUnit || !scope.Sees(orgUnit))
        {
            return new MeterAnalyticsResult<MeterEventsResponse>.NotFound($"No meter {code} in your org units.");
        }

        var events = await reader.ForDevicesAsync([code], ChinaTime.FromCst(from, TimeOnly.MinValue), ChinaTime.FromCst(to.AddDays(1), TimeOnly.MinValue), MaxEvents, cancellationToken);
        return new MeterAnalyticsResult<MeterEventsResponse>.Found(new MeterEventsResponse(
            code,
            from,
            to,
            events.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            [.. events.Select(e => new MeterEventResponse(e.OccurredAtUtc, ChinaTimeText.Format(e.OccurredAtUtc), e.Kind))]));
    }
}
