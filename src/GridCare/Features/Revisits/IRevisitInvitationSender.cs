using GridCare.Domain.Revisits;

namespace GridCare.Features.Revisits;

/// <summary>The SMS that asks the customer to answer a revisit through its link.</summary>
public sealed record RevisitInvitation(RevisitTask Task, string Phone, string Text, Uri Link);

/// <summary>
/// Where revisit invitations go. It is called before the save that opens the task and must only enlist its work in
/// that save (never send from inside the request): the notification outbox of the outage issue will implement it
/// with an outbox row that its dispatcher sends after the commit. Until then <see cref="RecordRevisitInvitation"/>
/// records what the SMS would say.
/// </summary>
public interface IRevisitInvitationSender
{
    ValueTask EnqueueAsync(RevisitInvitation invitation, CancellationToken cancellationToken);
}
