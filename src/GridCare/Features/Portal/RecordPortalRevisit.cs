using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Revisits;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Portal;

public sealed record PortalRevisit(string Number, string Phone, RevisitResult Result, string? Comment, RevisitFollowUp? FollowUp = null);

public enum PortalRevisitResult
{
    /// <summary>No order with this number and phone; the same answer either way.</summary>
    NotFound,

    /// <summary>The order is not in the Revisit status, so there is nothing to rate.</summary>
    NotAwaitingRevisit,

    Closed,

    /// <summary>The customer was not satisfied: the order was reopened.</summary>
    Reopened,

    /// <summary>The customer was not satisfied with the service: a complaint was opened.</summary>
    ComplaintOpened,
}

/// <summary>The customer answers the revisit (回访) themselves on the portal, as they would on the phone.</summary>
public sealed class RecordPortalRevisit(AppDbContext db, AnswerRevisit answers, PortalScope portal)
{
    /// <summary>The actor recorded on the order's history.</summary>
    public const string Actor = "customer";

    /// <summary>The outcome, and the complaint's number when one was opened.</summary>
    public async Task<(PortalRevisitResult Result, string? Complaint)> HandleAsync(PortalRevisit revisit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisit);
        var number = PortalCustomers.Normalize(revisit.Number).ToUpperInvariant();
        var order = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Number == number)
            .Select(w => new { w.Id, w.CustomerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null || !await PortalCustomers.OwnsAsync(db, order.CustomerId, revisit.Phone, cancellationToken))
        {
            return (PortalRevisitResult.NotFound, null);
        }

        var request = new RevisitAnswerRequest(revisit.Result.ToString(), revisit.Comment, revisit.FollowUp?.ToString());
        var answerer = new RevisitAnswerer(Actor, RevisitSource.Portal, Channel.Web, await portal.ResolveAsync(cancellationToken));
        return await answers.ForOrderAsync(order.Id, request, answerer, cancellationToken) switch
        {
            AnswerRevisitResult.Answered { Task.FollowUpOrderNumber: { } complaint } => (PortalRevisitResult.ComplaintOpened, complaint),
            AnswerRevisitResult.Answered { OrderStatus: WorkOrderStatus.Closed } => (PortalRevisitResult.Closed, null),
            AnswerRevisitResult.Answered => (PortalRevisitResult.Reopened, null),
            _ => (PortalRevisitResult.NotAwaitingRevisit, null),
        };
    }
}
