using System.Globalization;
using GridCare.Domain.Organization;
using GridCare.Domain.Revisits;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Notifications;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Revisits;

/// <summary>
/// Keeps revisit tasks in step with the order, in the save of every lifecycle action: a resolved repair or complaint
/// goes straight into its revisit and gets a task — with an invitation through the notification outbox (template
/// <c>workorder.revisit</c>, on the customer's own channels) when the customer is known —
/// and a task whose order leaves the revisit is settled: answered when an agent recorded the answer on the order,
/// cancelled when the order was closed unreached or reopened.
/// </summary>
public sealed class OpenRevisitTask(
    AppDbContext db,
    RevisitLinks links,
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

    /// <summary>Opens the task of an order now in its revisit; a known customer is invited to answer it through a link.</summary>
    /// <remarks>
    /// The invitation joins the caller's save as an outbox row (ADR 0012), so it exists exactly when the task does; its
    /// event key carries the link's hash, so a reopened order revisited again invites again while a retried save does not.
    /// The customer's preferences decide the channel and language; an opt-out of non-emergency messages is honoured.
    /// </remarks>
    public async Task<RevisitTask> OpenAsync(WorkOrder order, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var task = RevisitTask.Open(order, atUtc, options.Value.DueAfter);
        db.Add(task);
        if (order.CustomerId is not { } customerId)
        {
            return task;
        }

        var link = links.Create(atUtc + options.Value.LinkLifetime);
        task.AttachLink(link.TokenHash, link.ExpiresAtUtc);
        var tree = await scopes.TreeAsync(cancellationToken);
        var path = tree.PathTo(order.OrgUnitId);
        var bureau = path.LastOrDefault(u => u.Level <= OrgUnitLevel.County) ?? (path.Count > 0 ? path[^1] : null);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bureau"] = bureau?.Name ?? string.Empty,
            ["number"] = order.Number,
            ["link"] = link.Url.ToString(),
            ["expires"] = ChinaTime.ToCst(link.ExpiresAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
        await NotificationOutbox.EnqueueAsync(
            db,
            new NotificationRequest($"{SubjectType}:{order.Number}:revisit:{link.TokenHash}", NotificationTemplates.WorkOrderRevisit, [customerId], values, SubjectType: SubjectType, SubjectId: order.Number),
            cancellationToken);
        return task;
    }

    /// <summary>What revisit invitations are about in the outbox: the order, by its number.</summary>
    public const string SubjectType = "workorder";
}
