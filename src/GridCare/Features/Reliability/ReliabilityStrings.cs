namespace GridCare.Features.Reliability;

/// <summary>Marker for the reliability page's resource files: <c>ReliabilityStrings.resx</c> and <c>ReliabilityStrings.zh-CN.resx</c>.</summary>
public sealed class ReliabilityStrings;
