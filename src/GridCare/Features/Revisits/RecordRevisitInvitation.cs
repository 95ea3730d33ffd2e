using GridCare.Domain.Revisits;
using GridCare.Platform.Database;

namespace GridCare.Features.Revisits;

/// <summary>An invitation as it would be sent: to whom, the text with its link, and when.</summary>
public sealed class RevisitInvitationRecord
{
    private RevisitInvitationRecord()
    {
        Phone = string.Empty;
        Text = string.Empty;
    }

    public long Id { get; private set; }

    public long RevisitTaskId { get; private set; }

    public RevisitTask? Task { get; private set; }

    public string Phone { get; private set; }

    public string Text { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static RevisitInvitationRecord Of(RevisitInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new RevisitInvitationRecord
        {
            Task = invitation.Task,
            Phone = invitation.Phone,
            Text = invitation.Text,
            CreatedAt = invitation.Task.CreatedAt,
        };
    }
}

/// <summary>
/// The invitation sender until the notification outbox exists: it stores the message with the task, in the same
/// save, so the console and tests can see what the customer would receive. Nothing leaves the system.
/// </summary>
public sealed class RecordRevisitInvitation(AppDbContext db) : IRevisitInvitationSender
{
    public ValueTask EnqueueAsync(RevisitInvitation invitation, CancellationToken cancellationToken)
    {
        db.Add(RevisitInvitationRecord.Of(invitation));
        return ValueTask.CompletedTask;
    }
}
