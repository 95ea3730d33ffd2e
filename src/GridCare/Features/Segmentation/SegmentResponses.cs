namespace GridCare.Features.Segmentation;

/// <summary>One group: its key (a load shape cluster's number, a band, a category…), words for it, its size and, for load shapes, the centroid (kWh or share per quarter hour).</summary>
public sealed record SegmentGroup(string Key, string Label, int Size, double Share, IReadOnlyList<double>? Centroid, IReadOnlyDictionary<string, double>? Features, IReadOnlyList<long> Members);

public sealed record SegmentsResponse(
    string By, int OrgUnitId, string OrgUnitName, int Customers, int? K, double? Silhouette, double? Inertia, DateOnly? From, DateOnly? To, IReadOnlyList<SegmentGroup> Groups);
