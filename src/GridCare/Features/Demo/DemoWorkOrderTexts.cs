using GridCare.Analytics.Classification;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Demo;

/// <summary>
/// The customers' words of generated orders, drawn from the labelled corpus by type and complaint class, so a demo
/// order reads like the real message of its kind (and the classifier agrees with the stored class).
/// </summary>
internal sealed class DemoWorkOrderTexts
{
    private readonly Dictionary<(WorkOrderType, ComplaintClass?), string[]> byLabel;

    public DemoWorkOrderTexts(IEnumerable<LabelledText> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        byLabel = corpus
            .GroupBy(t => (t.Type, t.ComplaintClass))
            .ToDictionary(g => g.Key, g => g.Select(t => t.Text).ToArray());
    }

    public static DemoWorkOrderTexts Shipped() => new(Classification.ClassifierCorpus.Read(null).Rows);

    public string Pick(Random random, WorkOrderType type, ComplaintClass? complaintClass)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (byLabel.TryGetValue((type, complaintClass), out var texts) && texts.Length > 0)
        {
            return texts[random.Next(texts.Length)];
        }

        // A corpus without this kind (a trimmed one in a test): the type's name keeps the order valid.
        return complaintClass is { } c ? $"{type} {c}" : type.ToString();
    }
}
