namespace GridCare.Platform.Localization;

/// <summary>Marker for the console's resource files: <c>Strings.resx</c> (English) and <c>Strings.zh-CN.resx</c>.</summary>
public sealed class Strings;
