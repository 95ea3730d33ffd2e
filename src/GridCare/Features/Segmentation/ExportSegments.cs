using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace GridCare.Features.Segmentation;

/// <summary>The segments as an .xlsx workbook: one sheet of groups, one of customers with their group.</summary>
public sealed class ExportSegments(IStringLocalizer<SegmentationStrings> l)
{
    public byte[] Handle(SegmentsResponse segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var groups = segments.Groups.Select(g => new Dictionary<string, object?>
        {
            [l["Col_Segment"]] = g.Label,
            ["key"] = g.Key,
            [l["Col_Size"]] = g.Size,
            [l["Col_Share"]] = g.Share,
            ["centroid"] = g.Centroid is null ? null : string.Join(' ', g.Centroid.Select(v => v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture))),
        }).ToList();
        var members = segments.Groups.SelectMany(g => g.Members.Select(m => new Dictionary<string, object?> { ["customer_id"] = m, [l["Col_Segment"]] = g.Label, ["key"] = g.Key })).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [l["Sheet_Segments"]] = groups, [l["Sheet_Customers"]] = members });
        return stream.ToArray();
    }
}
