namespace GridCare.Features.RoutingRules;

/// <summary>Marker for the routing rules page's resource files: <c>RoutingRulesStrings.resx</c> and <c>RoutingRulesStrings.zh-CN.resx</c>.</summary>
public sealed class RoutingRulesStrings;
