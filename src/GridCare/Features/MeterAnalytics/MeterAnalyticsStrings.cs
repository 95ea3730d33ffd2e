namespace GridCare.Features.MeterAnalytics;

/// <summary>Marker for the meter analytics pages' resource files: <c>MeterAnalyticsStrings.resx</c> and <c>MeterAnalyticsStrings.zh-CN.resx</c>.</summary>
public sealed class MeterAnalyticsStrings;
