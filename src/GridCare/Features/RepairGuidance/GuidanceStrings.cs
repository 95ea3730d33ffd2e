namespace GridCare.Features.RepairGuidance;

/// <summary>Marker for the guidance pages' and thread texts' resource files: <c>GuidanceStrings.resx</c> and <c>GuidanceStrings.zh-CN.resx</c>.</summary>
public sealed class GuidanceStrings;
