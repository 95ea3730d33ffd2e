using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Classification;
using GridCare.Features.Outages;
using GridCare.Features.RoutingRules;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// Takes a batch of contacts into work orders in one transaction, all or nothing: answers messages already taken in
/// with their order, identifies the callers, then — holding the repeat locks of the batch's customers and types —
/// adds each contact to its customer's open order of that type or opens a new numbered order. Contacts are applied
/// in arrival order, so a first contact and its repeats in the same batch make one order, as one at a time would.
/// </summary>
public sealed class TakeInContacts(
    AppDbContext db,
    IdentifyCallers identify,
    OrderNumbers numbers,
    StaffScopeResolver scopes,
    SlaClock clock,
    SlaPolicies policies,
    RouteWorkOrder routing,
    TimeProvider time,
    IOptions<WorkOrdersOptions> options)
{
    public async Task<IReadOnlyList<ReceiveContactResult>> HandleAsync(IReadOnlyList<PendingContact> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var earlier = await FindEarlierAsync(batch, cancellationToken);
        var fresh = batch.Where(c => !earlier.ContainsKey(c.MessageKey)).ToList();
        var callers = await identify.IdentifyAsync(fresh, cancellationToken);
        var tree = await scopes.TreeAsync(cancellationToken);
        string PrefixOf(PendingContact c) => tree.OrderPrefixOf(callers[c].Customer?.OrgUnitId ?? c.Scope.OrgUnitId);

        // Numbers for as many new orders as there are distinct messages, leased before the transaction begins.
        using var lease = await numbers.LeaseAsync(fresh.DistinctBy(c => c.MessageKey).Select(c => (PrefixOf(c), c.AtUtc)), cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = fresh.Where(c => callers[c].Customer is not null).Select(c => (callers[c].Customer!.Id, c.Type)).ToList();
        await RepeatLocks.AcquireAsync(db, keys, cancellationToken);
        var open = await OpenOrdersAsync(keys, cancellationToken);
        var outages = await KnownOutagesAsync(fresh, callers, cancellationToken);

        var window = TimeSpan.FromHours(options.Value.RepeatWindowHours);
        var taken = new Dictionary<(Channel, string), (WorkOrder? Order, ContactReceived Contact)>();
        var results = new ReceiveContactResult[batch.Count];
        var copies = new HashSet<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var contact = batch[i];
            if (earlier.TryGetValue(contact.MessageKey, out var received))
            {
                results[i] = new ReceiveContactResult.AlreadyReceived(received);
                continue;
            }

            if (taken.ContainsKey(contact.MessageKey))
            {
                copies.Add(i);
                continue;
            }

            var caller = callers[contact];
            var customer = caller.Customer;
            if (customer is not null && contact.Type == WorkOrderType.Repair && outages.Find(customer.Id) is { } known)
            {
                taken[contact.MessageKey] = outages.Link(contact, customer, known);
                AddCorrection(contact, taken[contact.MessageKey].Order);
                continue;
            }

            var current = customer is null ? null : open.GetValueOrDefault((customer.Id, contact.Type));
            var isRepeat = current is not null && current.IsRepeatContact(customer!.Id, contact.Type, contact.AtUtc, window);
            var context = new ChangeContext(contact.Scope.UserName, contact.AtUtc, clock, contact.Channel);
            WorkOrder order;
            if (isRepeat)
            {
                order = current!;
                if (order.AddContact(contact.Request.Text!, context) is { } refused)
                {
                    throw new InvalidOperationException($"An open order refused a contact: {refused.Message}");
                }
            }
            else
            {
                var number = lease.Peek(PrefixOf(contact), contact.AtUtc);
                var made = WorkOrder.Receive(Intake(contact, number, customer?.OrgUnitId ?? contact.Scope.OrgUnitId, caller), policies.Current, clock);
                if (made.Error is { } error)
                {
                    results[i] = new ReceiveContactResult.Invalid(new Dictionary<string, string[]> { [FieldOf(error.Code)] = [error.Message] });
                    continue;
                }

                lease.Take(number);
                order = made.Order!;
                await routing.HandleAsync(order, context, cancellationToken);
                db.WorkOrders.Add(order);
                if (customer is not null && (current is null || order.ReceivedAt >= current.ReceivedAt))
                {
                    open[(customer.Id, contact.Type)] = order;
                }
            }

            db.Contacts.Add(Contact.Record(
                contact.Channel, contact.ExternalId, contact.AtUtc, contact.Request.AccountNumber, contact.Request.Phone, contact.Request.MeterNumber,
                contact.Request.Text!, customer?.Id, order, isRepeat));
            if (customer is not null && contact.Type == WorkOrderType.Repair)
            {
                outages.Signal(contact, customer);
            }

            taken[contact.MessageKey] = (order, new ContactReceived(isRepeat, order.ToSummary()));
            AddCorrection(contact, order);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Answers show each order as the contact left it; a new order's id is known only now that it is saved.
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
            {
                var (order, contact) = taken[batch[i].MessageKey];
                var answer = contact with { Order = order is null ? null : contact.Order! with { Id = order.Id } };
                results[i] = copies.Contains(i) ? new ReceiveContactResult.AlreadyReceived(answer) : new ReceiveContactResult.Created(answer);
            }
        }

        return results;
    }

    /// <summary>
    /// The sender chose another type or class than the model read: the difference is learning data, saved with the
    /// batch (one commit for all, ADR 0011) rather than in a transaction of its own per contact.
    /// </summary>
    private void AddCorrection(PendingContact contact, WorkOrder? order)
    {
        if (order is not null && contact.Suggestion is { } suggestion && !string.IsNullOrWhiteSpace(contact.Request.Type))
        {
            RecordCorrection.AddIfDifferent(
                db, suggestion, contact.Request.Text!, contact.Type, contact.ComplaintClass, CorrectionSource.Intake, order.Number, order.OrgUnitId, contact.Scope.UserName, time.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>Messages of the batch already taken in, each with the order it went to.</summary>
    public async Task<Dictionary<(Channel, string), ContactReceived>> FindEarlierAsync(IReadOnlyList<PendingContact> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = batch.Select(c => c.ExternalId).Distinct().ToList();
        var keys = batch.Select(c => c.MessageKey).ToHashSet();
        var contacts = (await db.Contacts.AsNoTracking()
                .Where(c => ids.Contains(c.ExternalId))
                .Select(c => new { c.Channel, c.ExternalId, c.IsRepeat, c.WorkOrderId, c.OutageId })
                .ToListAsync(cancellationToken))
            .Where(c => keys.Contains((c.Channel, c.ExternalId)))
            .ToList();
        if (contacts.Count == 0)
        {
            return [];
        }

        var orderIds = contacts.Where(c => c.WorkOrderId is not null).Select(c => c.WorkOrderId!.Value).Distinct().ToList();
        var orders = await db.WorkOrders.AsNoTracking().Where(w => orderIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var outageIds = contacts.Where(c => c.OutageId is not null).Select(c => c.OutageId!.Value).Distinct().ToList();
        var outages = outageIds.Count == 0 ? [] : await OutageQueries.KnownAsync(db, outageIds, cancellationToken);
        return contacts.ToDictionary(c => (c.Channel, c.ExternalId), c => new ContactReceived(
            c.IsRepeat,
            c.WorkOrderId is { } id ? orders[id].ToSummary() : null,
            c.OutageId is { } outage ? outages[outage] : null));
    }

    /// <summary>The current outages of the batch's identified repair callers, with the tracked outages and repair orders to link calls to.</summary>
    private async Task<CallsInOutages> KnownOutagesAsync(List<PendingContact> fresh, Dictionary<PendingContact, Caller> callers, CancellationToken cancellationToken)
    {
        var repairCallers = fresh.Where(c => c.Type == WorkOrderType.Repair && callers[c].Customer is not null).Select(c => callers[c].Customer!.Id).ToList();
        return await CallsInOutages.LoadAsync(db, repairCallers, clock, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>
    /// The open order a contact of each customer and type would be added to: the one received last. The keys of the
    /// candidates are read first, so that only those orders are loaded and tracked.
    /// </summary>
    private async Task<Dictionary<(long, WorkOrderType), WorkOrder>> OpenOrdersAsync(
        List<(long CustomerId, WorkOrderType Type)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        // Joined from the customers, so that the filter is on a non-null key and stays an index lookup.
        var customerIds = keys.Select(k => k.CustomerId).Distinct().ToList();
        var wanted = keys.ToHashSet();
        var candidates = await (
                from customer in db.Customers
                where customerIds.Contains(customer.Id)
                join order in db.WorkOrders on customer.Id equals order.CustomerId
                where order.Status != WorkOrderStatus.Closed && order.Status != WorkOrderStatus.Cancelled
                select new { order.Id, order.CustomerId, order.Type, order.ReceivedAt })
            .ToListAsync(cancellationToken);
        var latest = candidates
            .Where(w => wanted.Contains((w.CustomerId!.Value, w.Type)))
            .GroupBy(w => (w.CustomerId!.Value, w.Type))
            .Select(g => g.OrderByDescending(w => w.ReceivedAt).ThenByDescending(w => w.Id).First().Id)
            .ToList();
        if (latest.Count == 0)
        {
            return [];
        }

        var orders = await db.WorkOrders.Where(w => latest.Contains(w.Id)).ToListAsync(cancellationToken);
        return orders.ToDictionary(w => (w.CustomerId!.Value, w.Type));
    }

    private static WorkOrderIntake Intake(PendingContact contact, WorkOrderNumber number, int orgUnitId, Caller caller) =>
        new(number.ToString(), contact.Type, contact.Channel, contact.AtUtc, orgUnitId, contact.Scope.UserName, contact.Request.Text!)
        {
            ComplaintClass = contact.ComplaintClass,
            ServiceApplication = contact.Application,
            Customer = caller.Customer is { } customer ? CustomerFacts.Of(customer) : null,
            CandidateCustomerIds = caller.Candidates,
            ExternalId = contact.ExternalId,
            Priority = contact.Priority,
        };

    private static string FieldOf(WorkOrderErrorCode code) => code switch
    {
        WorkOrderErrorCode.ComplaintClassRequired or WorkOrderErrorCode.ComplaintClassNotAllowed => "complaintClass",
        WorkOrderErrorCode.ServiceApplicationRequired or WorkOrderErrorCode.ServiceApplicationNotAllowed => "serviceApplication",
        _ => "type",
    };
}
