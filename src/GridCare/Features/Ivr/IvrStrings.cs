namespace GridCare.Features.Ivr;

/// <summary>Marker for the IVR's speech texts: <c>IvrStrings.resx</c> (English) and <c>IvrStrings.zh-CN.resx</c>.</summary>
public sealed class IvrStrings;
