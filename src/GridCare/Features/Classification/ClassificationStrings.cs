namespace GridCare.Features.Classification;

/// <summary>Marker for the classifier's resource files: <c>ClassificationStrings.resx</c> and <c>ClassificationStrings.zh-CN.resx</c>.</summary>
public sealed class ClassificationStrings;
