using System.Text.Json.Serialization;
using GridCare.Analytics.Reliability;

namespace GridCare.Features.Reliability;

/// <summary>
/// The indices of one scope and period under the names the <c>gridcare reliability</c> verb prints, so analysts'
/// scripts read the API and the command line alike. Units as there: SAIDI, CAIDI, CTAIDI in minutes, AIHC-1 in hours,
/// ASAI a fraction, RS-1 and RS-3 percent; CEMI_n and CEMSMI_n fractions of customers served by n.
/// </summary>
public sealed record ReliabilityIndicesResponse(
    [property: JsonPropertyName("saifi")] double Saifi,
    [property: JsonPropertyName("saidi")] double Saidi,
    [property: JsonPropertyName("caidi")] double? Caidi,
    [property: JsonPropertyName("caifi")] double? Caifi,
    [property: JsonPropertyName("ctaidi")] double? Ctaidi,
    [property: JsonPropertyName("asai")] double Asai,
    [property: JsonPropertyName("maifi")] double Maifi,
    [property: JsonPropertyName("maifi_e")] double MaifiE,
    [property: JsonPropertyName("cemi")] IReadOnlyDictionary<string, double> Cemi,
    [property: JsonPropertyName("cemsmi")] IReadOnlyDictionary<string, double> Cemsmi,
    [property: JsonPropertyName("aihc_1")] double Aihc1,
    [property: JsonPropertyName("aitc_1")] double Aitc1,
    [property: JsonPropertyName("rs_1")] double Rs1,
    [property: JsonPropertyName("rs_3")] double Rs3,
    [property: JsonPropertyName("customer_interruptions")] long CustomerInterruptions,
    [property: JsonPropertyName("customer_minutes_interrupted")] double CustomerMinutesInterrupted,
    [property: JsonPropertyName("customers_interrupted")] int CustomersInterrupted,
    [property: JsonPropertyName("momentary_interruptions")] long MomentaryInterruptions,
    [property: JsonPropertyName("momentary_events")] long MomentaryEvents,
    [property: JsonPropertyName("supply_shortage_customer_interruptions")] long SupplyShortageCustomerInterruptions)
{
    public static ReliabilityIndicesResponse From(ReliabilityIndices indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new ReliabilityIndicesResponse(
            indices.Saifi, indices.Saidi, indices.Caidi, indices.Caifi, indices.Ctaidi, indices.Asai, indices.Maifi, indices.MaifiE,
            ByN(indices.Cemi), ByN(indices.Cemsmi), indices.Aihc1Hours, indices.Aitc1, indices.Rs1Percent, indices.Rs3Percent,
            indices.CustomerInterruptions, indices.CustomerMinutesInterrupted, indices.CustomersInterrupted,
            indices.MomentaryInterruptions, indices.MomentaryEvents, indices.SupplyShortageCustomerInterruptions);
    }

    private static Dictionary<string, double> ByN(IReadOnlyDictionary<int, double> values) =>
        values.ToDictionary(v => v.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), v => v.Value, StringComparer.Ordinal);
}

/// <summary>
/// The unit or feeder reported. <see cref="TargetRs1"/> is the reliability target in percent: 99.9 for urban and 99.8
/// for rural customers (SGCC 2023), weighted by the scope's customers of each kind.
/// </summary>
public sealed record ReliabilityScopeResponse(int OrgUnitId, string OrgUnit, string? FeederCode, string? Feeder, int UrbanCustomers, double TargetRs1);

public sealed record ReliabilityPeriodResponse(DateOnly From, DateOnly To, int Days);

/// <summary>How the 2.5 beta threshold was found: over the daily SAIDI of <see cref="System"/> before the period.</summary>
public sealed record MajorEventMethodResponse(
    string Method, string Deviation, double? Alpha, double? Beta, int HistoryDaysUsed, DateOnly HistoryFrom, DateOnly HistoryTo, int SystemOrgUnitId, string System);

public sealed record MajorEventDayResponse(DateOnly Date, double SystemSaidi, double ScopeSaidi);

public sealed record ReliabilityMonthResponse(string Month, ReliabilityPeriodResponse Period, ReliabilityIndicesResponse All, ReliabilityIndicesResponse ExcludingMajorEvents);

/// <summary>
/// Reliability of a unit or feeder: <see cref="All"/> counts every interruption of the period,
/// <see cref="ExcludingMajorEvents"/> leaves out those that began on a major event day (IEEE 1366 asks for both).
/// </summary>
public sealed record ReliabilityResponse(
    ReliabilityScopeResponse Scope,
    ReliabilityPeriodResponse Period,
    int CustomersServed,
    [property: JsonPropertyName("t_med")] double? TMed,
    [property: JsonPropertyName("major_event_days")] IReadOnlyList<DateOnly> MajorEventDays,
    [property: JsonPropertyName("major_event_day_saidi")] IReadOnlyList<MajorEventDayResponse> MajorEventDaySaidi,
    MajorEventMethodResponse MedMethod,
    ReliabilityIndicesResponse All,
    ReliabilityIndicesResponse ExcludingMajorEvents,
    IReadOnlyList<ReliabilityMonthResponse>? Trend);
