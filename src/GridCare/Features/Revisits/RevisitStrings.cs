namespace GridCare.Features.Revisits;

/// <summary>Marker for the revisit pages' and messages' resource files: <c>RevisitStrings.resx</c> and <c>RevisitStrings.zh-CN.resx</c>.</summary>
public sealed class RevisitStrings;
