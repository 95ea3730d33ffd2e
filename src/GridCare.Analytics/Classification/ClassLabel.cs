using GridCare.Domain.WorkOrders;

namespace GridCare.Analytics.Classification;

/// <summary>
/// What the model predicts: a work-order type, and for a complaint its class — twelve labels in one model (seven
/// types and five complaint classes), so a complaint's type and class come from one consistent decision and the
/// type probability of a complaint is the sum over its classes.
/// </summary>
public readonly record struct ClassLabel(WorkOrderType Type, ComplaintClass? ComplaintClass)
{
    /// <summary>All labels in the model's fixed order (the order of the score vector).</summary>
    public static IReadOnlyList<ClassLabel> All { get; } =
    [
        .. Enum.GetValues<WorkOrderType>().Where(t => t != WorkOrderType.Complaint).Select(t => new ClassLabel(t, null)),
        .. Enum.GetValues<ComplaintClass>().Select(c => new ClassLabel(WorkOrderType.Complaint, c)),
    ];

    private static readonly Dictionary<ClassLabel, int> Positions = All.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);

    public static ClassLabel Of(WorkOrderType type, ComplaintClass? complaintClass)
    {
        if (type == WorkOrderType.Complaint && complaintClass is null)
        {
            throw new ArgumentException("A complaint needs its class.", nameof(complaintClass));
        }

        return new ClassLabel(type, type == WorkOrderType.Complaint ? complaintClass : null);
    }

    /// <summary>The position of this label in <see cref="All"/>.</summary>
    public int Index => Positions[this];

    /// <summary>camelCase as in the API: <c>repair</c>, <c>complaint/supplyQuality</c>.</summary>
    public override string ToString() => ComplaintClass is { } c ? $"complaint/{Camel(c.ToString())}" : Camel(Type.ToString());

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
