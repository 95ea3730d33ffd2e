namespace GridCare.Features.ComplaintRisk;

/// <summary>Marker for the complaint-risk page's and reasons' resource files: <c>ComplaintRiskStrings.resx</c> and <c>ComplaintRiskStrings.zh-CN.resx</c>.</summary>
public sealed class ComplaintRiskStrings;
