namespace GridCare.Features.Portal;

/// <summary>Marker for the portal's resource files: <c>PortalStrings.resx</c> (English) and <c>PortalStrings.zh-CN.resx</c>.</summary>
public sealed class PortalStrings;
