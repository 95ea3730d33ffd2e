using GridCare.Analytics.Segmentation;

namespace GridCare.Features.Segmentation;

/// <summary>
/// A customer's place in the last saved load-shape segmentation: its cluster, the words for the cluster's shape and
/// the run it came from, so the 360° profile can show it without clustering again.
/// </summary>
public sealed class CustomerSegment
{
    private CustomerSegment()
    {
    }

    public long CustomerId { get; private set; }

    public int Cluster { get; private set; }

    public LoadShape Shape { get; private set; }

    public int ClusterSize { get; private set; }

    public int K { get; private set; }

    public double Silhouette { get; private set; }

    /// <summary>The China days whose readings made the customer's mean day.</summary>
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateTime SavedAt { get; private set; }

    public string SavedBy { get; private set; } = string.Empty;

    public static CustomerSegment Create(long customerId) => new() { CustomerId = customerId };

    public void Assign(Segment segment, SegmentationResult result, DateOnly from, DateOnly to, DateTime savedAtUtc, string savedBy)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(result);
        (Cluster, Shape, ClusterSize, K, Silhouette, From, To, SavedAt, SavedBy) =
            (segment.Index, segment.Shape, segment.Size, result.K, result.Silhouette, from, to, savedAtUtc, savedBy);
    }
}
