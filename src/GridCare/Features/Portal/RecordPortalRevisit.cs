using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Portal;

public sealed record PortalRevisit(string Number, string Phone, RevisitResult Result, string? Comment);

public enum PortalRevisitResult
{
    /// <summary>No order with this number and phone; the same answer either way.</summary>
    NotFound,

    /// <summary>The order is not in the Revisit status, so there is nothing to rate.</summary>
    NotAwaitingRevisit,

    Closed,

    /// <summary>The customer was not satisfied: the aggregate reopened the order.</summary>
    Reopened,
}

/// <summary>The customer answers the revisit (回访) themselves on the portal, as they would on the phone.</summary>
public sealed class RecordPortalRevisit(AppDbContext db, SlaClock clock, TimeProvider time)
{
    /// <summary>The actor recorded on the order's history.</summary>
    public const string Actor = "customer";

    public async Task<PortalRevisitResult> HandleAsync(PortalRevisit revisit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisit);
        var number = PortalCustomers.Normalize(revisit.Number).ToUpperInvariant();

        // The thread and history are loaded with the order: its SLA rules and its history read them.
        var order = await db.WorkOrders.WithThread()
            .FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        if (order is null || !await PortalCustomers.OwnsAsync(db, order.CustomerId, revisit.Phone, cancellationToken))
        {
            return PortalRevisitResult.NotFound;
        }

        if (order.Status != WorkOrderStatus.Revisit)
        {
            return PortalRevisitResult.NotAwaitingRevisit;
        }

        var comment = string.IsNullOrWhiteSpace(revisit.Comment) ? null : revisit.Comment.Trim();
        var context = new ChangeContext(Actor, time.GetUtcNow().UtcDateTime, clock, Channel.Web);
        if (order.RecordRevisit(revisit.Result, comment, context) is not null)
        {
            return PortalRevisitResult.NotAwaitingRevisit;
        }

        await db.SaveChangesAsync(cancellationToken);
        return order.Status == WorkOrderStatus.Closed ? PortalRevisitResult.Closed : PortalRevisitResult.Reopened;
    }
}
