using GridCare.Domain.RepairGuidance;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.RepairGuidance;

public abstract record SendGuidanceMessageResult
{
    public sealed record Sent(GuidanceMessageResponse Message) : SendGuidanceMessageResult;

    public sealed record Refused(GuidanceRefusal Refusal) : SendGuidanceMessageResult;
}

/// <summary>
/// A dispatcher or engineer sends the crew a guidance message (<c>POST /api/v1/work-orders/{number}/guidance/messages</c>
/// and the live view's box): stored with its internal thread note in one transaction, then pulled by the crew's phone.
/// </summary>
public sealed class SendGuidanceMessage(
    IDbContextFactory<AppDbContext> dbFactory, GuidanceThreadText thread, GuidanceNotifier notifier, SlaClock clock, TimeProvider time)
{
    public const int MaxLength = 1000;

    public async Task<SendGuidanceMessageResult> HandleAsync(string number, GuidanceMessageRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAsync(number, request, scope, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The crew's steps changed the order meanwhile; nothing of this message was saved, so send it again.
            }
        }
    }

    private async Task<SendGuidanceMessageResult> TryAsync(string number, GuidanceMessageRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.WithThread().FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return Refuse(new GuidanceRefusal.NotFound($"No work order {number} in your org units."));
        }

        if (!GuidanceAccess.Guides.Any(scope.IsIn))
        {
            return Refuse(new GuidanceRefusal.Forbidden($"Guidance messages are sent by {GuidanceAccess.Roles(GuidanceAccess.Guides)}."));
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return Refuse(new GuidanceRefusal.Invalid(new Dictionary<string, string[]> { ["text"] = [$"A message has 1 to {MaxLength} characters."] }));
        }

        if (!GuidanceAccess.InTheField.Contains(order.Status))
        {
            return Refuse(new GuidanceRefusal.Conflict($"{number} is {order.Status}; guidance goes to a crew working on it."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var message = GuidanceMessage.Send(order.Id, scope.UserName, text, now);
        db.Add(message);
        if (order.AddNote(EntryKind.AgentNote, thread.Message(text), isCustomerVisible: false, new ChangeContext(scope.UserName, now, clock)) is { } refused)
        {
            return Refuse(new GuidanceRefusal.Conflict(refused.Message));
        }

        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(number);
        return new SendGuidanceMessageResult.Sent(new GuidanceMessageResponse(message.Id, message.SentAt, message.Author, message.Text));
    }

    private static SendGuidanceMessageResult.Refused Refuse(GuidanceRefusal refusal) => new(refusal);
}
