using System.Globalization;
using GridCare.Analytics.Reliability;

namespace GridCare.Analytics.Tests.Reliability;

/// <summary>
/// A ten-customer system over ten days (2024-01-01 to 2024-01-10, China Standard Time; T = 10 × 1,440 = 14,400 min),
/// small enough to compute every index by hand. The arithmetic is in the tests that use it.
/// </summary>
internal static class HandExample
{
    public const int CustomersServed = 10;

    public static readonly ReliabilityPeriod Period = new(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 10), TimeSpan.FromHours(8));

    public static ReliabilitySettings Settings => new(CustomersServed, Period) { CemiThresholds = [0, 1, 2, 3] };

    /// <summary>
    /// E1 01-02 feeder fault restored in two steps: C01–C03 10:00–11:00 (60 min each), C04 10:00–12:30 (150 min).
    /// E2 01-05 C01 09:00–09:30 (30 min), written in UTC.
    /// E3 01-06 recloser operates twice then holds: C05 and C06 08:00:00–08:00:30 and 08:01:00–08:01:20; C03 sees
    ///    only the first operation. All momentary.
    /// E4 01-07 C07: a reclosing (14:00:00–14:00:10) then lockout, out 14:01–16:11 (130 min).
    /// E5 01-08 C08 out exactly 5:00 (momentary), C09 out 5:30 (sustained, 5.5 min).
    /// E6 01-09 rotating cuts ordered for supply shortage (有序用电): C01 and C02 08:00–10:00 (120 min each).
    /// E7 C10 at 2024-01-10T16:00Z = 2024-01-11 00:00 CST, the first instant after the period: not counted.
    /// </summary>
    public static IReadOnlyList<CustomerInterruption> Interruptions { get; } =
    [
        Row("E1", "C01", "2024-01-02T10:00:00+08:00", "2024-01-02T11:00:00+08:00"),
        Row("E1", "C02", "2024-01-02T10:00:00+08:00", "2024-01-02T11:00:00+08:00"),
        Row("E1", "C03", "2024-01-02T10:00:00+08:00", "2024-01-02T11:00:00+08:00"),
        Row("E1", "C04", "2024-01-02T10:00:00+08:00", "2024-01-02T12:30:00+08:00"),
        Row("E2", "C01", "2024-01-05T01:00:00Z", "2024-01-05T01:30:00Z"),
        Row("E3", "C05", "2024-01-06T08:00:00+08:00", "2024-01-06T08:00:30+08:00"),
        Row("E3", "C05", "2024-01-06T08:01:00+08:00", "2024-01-06T08:01:20+08:00"),
        Row("E3", "C06", "2024-01-06T08:00:00+08:00", "2024-01-06T08:00:30+08:00"),
        Row("E3", "C06", "2024-01-06T08:01:00+08:00", "2024-01-06T08:01:20+08:00"),
        Row("E3", "C03", "2024-01-06T08:00:00+08:00", "2024-01-06T08:00:30+08:00"),
        Row("E4", "C07", "2024-01-07T14:00:00+08:00", "2024-01-07T14:00:10+08:00"),
        Row("E4", "C07", "2024-01-07T14:01:00+08:00", "2024-01-07T16:11:00+08:00"),
        Row("E5", "C08", "2024-01-08T16:00:00+08:00", "2024-01-08T16:05:00+08:00"),
        Row("E5", "C09", "2024-01-08T16:00:00+08:00", "2024-01-08T16:05:30+08:00"),
        Row("E6", "C01", "2024-01-09T08:00:00+08:00", "2024-01-09T10:00:00+08:00", InterruptionCause.SupplyShortage),
        Row("E6", "C02", "2024-01-09T08:00:00+08:00", "2024-01-09T10:00:00+08:00", InterruptionCause.SupplyShortage),
        Row("E7", "C10", "2024-01-10T16:00:00Z", "2024-01-10T17:00:00Z"),
    ];

    /// <summary>
    /// Daily SAIDI history for the threshold: 1, 1, 4, 4 and a zero day. ln: 0, 0, ln 4, ln 4 (the zero day is left
    /// out), so α = ln 2 and every deviation from α is ±ln 2.
    /// </summary>
    public static readonly double[] History = [1, 1, 4, 4, 0];

    public static CustomerInterruption Row(string eventId, string customerId, string from, string to, InterruptionCause cause = InterruptionCause.Other) =>
        new(eventId, customerId, DateTimeOffset.Parse(from, CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, CultureInfo.InvariantCulture), cause);
}
