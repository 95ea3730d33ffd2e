namespace GridCare.Features.CustomerProfile;

/// <summary>Marker for the customer insight pages' resource files (profile, tariff advice, proactive contacts): <c>InsightStrings.resx</c> and <c>InsightStrings.zh-CN.resx</c>.</summary>
public sealed class InsightStrings;
