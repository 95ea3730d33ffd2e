namespace GridCare.Features.Outages;

/// <summary>Marker for the outage pages' resource files: <c>OutagesStrings.resx</c> and <c>OutagesStrings.zh-CN.resx</c>.</summary>
public sealed class OutagesStrings;
