using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Demo;

/// <summary>
/// Drives one generated order through the domain's own transitions at given instants, doing first what the SLA
/// scanner would have done by then (warn, then breach), so deadlines, met times and breaches come out exactly as for
/// a real order. A step after "now" does not happen: the order stays where it is, open, as recent orders are.
/// </summary>
internal sealed class DemoWorkOrderLifecycle(WorkOrder order, SlaClock clock, DateTime nowUtc, Channel channel)
{
    public const string Actor = "demo";

    private DateTime last = order.ReceivedAt;

    public WorkOrder Order => order;

    /// <summary>The instant of the last step taken.</summary>
    public DateTime Last => last;

    /// <summary>Takes the step at <paramref name="atUtc"/> (never before the previous one); false if that is after now.</summary>
    public bool Step(DateTime atUtc, Func<ChangeContext, WorkOrderError?> step, string actor = Actor, bool fromCustomer = false)
    {
        ArgumentNullException.ThrowIfNull(step);
        var at = atUtc <= last ? last.AddSeconds(1) : atUtc;
        if (at > nowUtc)
        {
            return false;
        }

        Scan(at);
        if (step(new ChangeContext(actor, at, clock, fromCustomer ? channel : null)) is { } error)
        {
            throw new InvalidOperationException($"Demo order {order.Number}: {error.Message}");
        }

        last = at;
        return true;
    }

    /// <summary>What the breach scanner has done by <paramref name="atUtc"/>; called for every step and once at the end.</summary>
    public void Scan(DateTime atUtc)
    {
        if (order.NextSlaWarningAt is { } warnAt && warnAt <= atUtc)
        {
            order.MarkWarned(warnAt);
        }

        if (order.NextSlaDeadlineAt is { } due && due <= atUtc)
        {
            order.MarkBreached(due);
        }
    }
}
