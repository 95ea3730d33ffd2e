using GridCare.Domain.Sla;
using GridCare.Features.Sla;

namespace GridCare.Features.WorkOrders;

/// <summary>
/// The SLA policies new orders are timed by: the enabled policies administrators keep (seeded with the defaults of
/// DOMAIN.md §4), as of the last revision this instance loaded. Of those that match an order the most specific wins
/// (<see cref="SlaPolicy.BestMatch"/>). Intake and every other caller choose a policy through this one seam.
/// </summary>
public sealed class SlaPolicies(SlaSettings settings)
{
    public IReadOnlyList<SlaPolicy> Current => settings.Policies;
}
