namespace GridCare.Features.Campaigns;

/// <summary>Marker for the campaign pages' resource files: <c>CampaignStrings.resx</c> and <c>CampaignStrings.zh-CN.resx</c>.</summary>
public sealed class CampaignStrings;
