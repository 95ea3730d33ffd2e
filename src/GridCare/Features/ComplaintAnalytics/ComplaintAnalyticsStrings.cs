namespace GridCare.Features.ComplaintAnalytics;

/// <summary>Marker for the complaint dashboard's resource files: <c>ComplaintAnalyticsStrings.resx</c> and <c>ComplaintAnalyticsStrings.zh-CN.resx</c>.</summary>
public sealed class ComplaintAnalyticsStrings;
