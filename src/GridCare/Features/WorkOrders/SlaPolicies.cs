using GridCare.Domain.Sla;

namespace GridCare.Features.WorkOrders;

/// <summary>
/// The SLA policies new orders are timed by. These are the shipped defaults of DOMAIN.md §4; the administrator's
/// editor (issue #3) replaces them with stored policies behind this same seam.
/// </summary>
public sealed class SlaPolicies
{
    public IReadOnlyList<SlaPolicy> Current { get; } = SlaDefaults.Policies();
}
