using GridCare.Domain.Organization;
using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Revisits;

/// <summary>
/// Keeps revisit tasks in step with the order, in the save of every lifecycle action: a resolved repair or complaint
/// goes straight into its revisit and gets a task — with an SMS invitation when the customer has a phone on record —
/// and a task whose order leaves the revisit is settled: answered when an agent recorded the answer on the order,
/// cancelled when the order was closed unreached or reopened.
/// </summary>
public sealed class OpenRevisitTask(
    AppDbContext db,
    RevisitLinks links,
    IRevisitInvitationSender invitations,
    RevisitMessages messages,
    StaffScopeResolver scopes,
    IOptions<RevisitsOptions> options) : IWorkOrderChangeHandler
{
    public async Task OnChangedAsync(WorkOrder order, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        if (order.Status == WorkOrderStatus.Resolved && order.IsRevisitedBeforeClosing
            && order.StartRevisit(context with { Actor = WorkOrder.RevisitActor, Channel = null }) is { } refused)
        {
            throw new InvalidOperationException($"A resolved order refused its revisit: {refused.Message}");
        }

        var leftRevisit = order.Status != WorkOrderStatus.Revisit && order.History.Count > 0 && order.History[^1].FromStatus == WorkOrderStatus.Revisit;
        if (order.Status != WorkOrderStatus.Revisit && !leftRevisit)
        {
            return;
        }

        var open = await db.Set<RevisitTask>().FirstOrDefaultAsync(t => t.WorkOrderId == order.Id && t.Status == RevisitTaskStatus.Open, cancellationToken);
        if (order.Status == WorkOrderStatus.Revisit)
        {
            if (open is null)
            {
                await OpenAsync(order, context.AtUtc, cancellationToken);
            }

            return;
        }

        if (open is null)
        {
            return;
        }

        var last = order.History[^1];
        if (last.Action == WorkOrderAction.RecordRevisit && order.RevisitResult is { } result)
        {
            var followUp = result == RevisitResult.Unsatisfied ? RevisitFollowUp.Reopen : (RevisitFollowUp?)null;
            open.Answer(new RevisitAnswer(result, order.RevisitComment, last.Actor, RevisitSource.Agent, followUp), context.AtUtc);
        }
        else
        {
            open.Cancel($"{last.Action}: the order is {order.Status}", context.AtUtc);
        }
    }

    /// <summary>Opens the task of an order now in its revisit; the customer is invited when their phone is known.</summary>
    public async Task<RevisitTask> OpenAsync(WorkOrder order, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var task = RevisitTask.Open(order, atUtc, options.Value.DueAfter);
        db.Add(task);
        var phone = order.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Phone).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return task;
        }

        var link = links.Create(atUtc + options.Value.LinkLifetime);
        task.AttachLink(link.TokenHash, link.ExpiresAtUtc);
        var tree = await scopes.TreeAsync(cancellationToken);
        var path = tree.PathTo(order.OrgUnitId);
        var bureau = path.LastOrDefault(u => u.Level <= OrgUnitLevel.County) ?? (path.Count > 0 ? path[^1] : null);
        var text = messages.Invitation(bureau?.Name ?? string.Empty, order, link.Url, link.ExpiresAtUtc);
        await invitations.EnqueueAsync(new RevisitInvitation(task, phone.Trim(), text, link.Url), cancellationToken);
        return task;
    }
}
