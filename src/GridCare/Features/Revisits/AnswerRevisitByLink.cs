using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Revisits;

public enum RevisitLinkState
{
    /// <summary>The link opens the form.</summary>
    Valid,

    /// <summary>Not a link GridCare made, or its revisit no longer exists.</summary>
    Unknown,

    Expired,

    /// <summary>The revisit was answered (through this link or otherwise) or ended without an answer.</summary>
    Used,
}

/// <summary>What the customer sees above the form: which order, and until when the link works.</summary>
public sealed record RevisitLinkView(RevisitLinkState State, string? OrderNumber, WorkOrderType? Type, DateTime? ResolvedAt, DateTime? ExpiresAt);

/// <summary>
/// The revisit through the SMS invitation's link (<c>/portal/revisit/{token}</c>): the signed token stands in for the
/// customer's number and phone, works until it expires, and only once.
/// </summary>
public sealed class AnswerRevisitByLink(AppDbContext db, RevisitLinks links, AnswerRevisit answers, TimeProvider time)
{
    /// <summary>The actor recorded on the order's history for an answer through the link.</summary>
    public const string Actor = "customer";

    public async Task<RevisitLinkView> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var (state, task) = await FindAsync(token, cancellationToken);
        if (task is null)
        {
            return new RevisitLinkView(state, null, null, null, null);
        }

        var resolvedAt = await db.WorkOrders.AsNoTracking().Where(w => w.Id == task.WorkOrderId).Select(w => w.ResolvedAt).FirstOrDefaultAsync(cancellationToken);
        return new RevisitLinkView(state, task.WorkOrderNumber, task.Type, resolvedAt, task.LinkExpiresAt);
    }

    public async Task<AnswerRevisitResult> AnswerAsync(string token, RevisitAnswerRequest request, StaffScope intakeScope, CancellationToken cancellationToken)
    {
        var (state, task) = await FindAsync(token, cancellationToken);
        return state switch
        {
            RevisitLinkState.Valid => await answers.HandleAsync(task!, request, new RevisitAnswerer(Actor, RevisitSource.SmsLink, Channel.Web, intakeScope), cancellationToken),
            RevisitLinkState.Unknown => new AnswerRevisitResult.NotFound(),
            _ => new AnswerRevisitResult.NotOpen($"The link is {state}."),
        };
    }

    private async Task<(RevisitLinkState State, RevisitTask? Task)> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (links.ReadExpiry(token) is not { } expiresAt)
        {
            return (RevisitLinkState.Unknown, null);
        }

        var hash = RevisitLinks.Hash(token);
        var task = await db.Set<RevisitTask>().FirstOrDefaultAsync(t => t.LinkTokenHash == hash, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var state = task switch
        {
            null => RevisitLinkState.Unknown,
            _ when task.Status != RevisitTaskStatus.Open || task.LinkUsedAt is not null => RevisitLinkState.Used,
            _ when now >= expiresAt || !task.LinkIsValid(now) => RevisitLinkState.Expired,
            _ => RevisitLinkState.Valid,
        };
        return (state, task);
    }
}
