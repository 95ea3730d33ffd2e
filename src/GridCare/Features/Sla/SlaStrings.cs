namespace GridCare.Features.Sla;

/// <summary>Marker for the SLA settings page's resource files: <c>SlaStrings.resx</c> and <c>SlaStrings.zh-CN.resx</c>.</summary>
public sealed class SlaStrings;
