namespace GridCare.Features.Warnings;

/// <summary>Marker for the warnings' resource files: <c>WarningStrings.resx</c> and <c>WarningStrings.zh-CN.resx</c>.</summary>
public sealed class WarningStrings;
