using System.Globalization;
using System.Resources;
using GridCare.Analytics.Segmentation;

namespace GridCare.Features.Segmentation;

/// <summary>Marker for the segmentation resource files: <c>SegmentationStrings.resx</c> and <c>SegmentationStrings.zh-CN.resx</c>.</summary>
public sealed class SegmentationStrings
{
    private static readonly ResourceManager Resources = new(typeof(SegmentationStrings));

    /// <summary>The words for a load shape in a language, for the command line, which has no request culture.</summary>
    public static string Describe(LoadShape shape, string culture) =>
        Resources.GetString("Shape_" + shape, CultureInfo.GetCultureInfo(culture)) ?? shape.ToString();
}
