using GridCare.Domain.Customers;
using GridCare.Domain.Outages;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Outages;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// The intake step for repair calls and known outages. A call from a customer inside a current outage is linked to
/// it — counted on the outage, added to the outage's repair order when there is one — and answered with the outage
/// and its ETR instead of opening a new order. Every other repair call from a known customer is also a signal for
/// outage detection, which groups calls with meter events (<see cref="DetectOutages"/>).
/// </summary>
public sealed class CallsInOutages
{
    private readonly AppDbContext db;
    private readonly SlaClock clock;
    private readonly Dictionary<long, KnownOutage> byCustomer;
    private readonly Dictionary<string, Outage> outages;
    private readonly Dictionary<long, WorkOrder> repairOrders;

    private CallsInOutages(AppDbContext db, SlaClock clock, Dictionary<long, KnownOutage> byCustomer, Dictionary<string, Outage> outages, Dictionary<long, WorkOrder> repairOrders)
    {
        this.db = db;
        this.clock = clock;
        this.byCustomer = byCustomer;
        this.outages = outages;
        this.repairOrders = repairOrders;
    }

    /// <summary>Reads the current outages of the calling customers and tracks those outages and their open repair orders.</summary>
    public static async Task<CallsInOutages> LoadAsync(AppDbContext db, IReadOnlyCollection<long> repairCallerIds, SlaClock clock, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = await OutageQueries.CurrentForCustomersAsync(db, repairCallerIds, nowUtc, TimeSpan.Zero, cancellationToken);
        var numbers = known.Values.Select(o => o.Number).Distinct().ToList();
        if (numbers.Count == 0)
        {
            return new CallsInOutages(db, clock, known, [], []);
        }

        // The outages without their customers: a call adds a line to the timeline and changes nothing else.
        var tracked = await db.Set<Outage>().Where(o => numbers.Contains(o.Number)).ToDictionaryAsync(o => o.Number, cancellationToken);
        var orderIds = tracked.Values.Where(o => o.RepairOrderId is not null).Select(o => o.RepairOrderId!.Value).ToList();
        // Without their threads and histories: a call only appends to them, and an outage's repair order collects a
        // line per call, so loading them made every batch slower than the last for as long as the outage lasted.
        var orders = await db.WorkOrders
            .Where(w => orderIds.Contains(w.Id) && w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled)
            .ToDictionaryAsync(w => w.Id, cancellationToken);
        return new CallsInOutages(db, clock, known, tracked, orders);
    }

    public KnownOutage? Find(long customerId) => byCustomer.GetValueOrDefault(customerId);

    /// <summary>Links the call to the outage (and its open repair order) and records the contact.</summary>
    public (WorkOrder? Order, ContactReceived Received) Link(PendingContact contact, Customer customer, KnownOutage known)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(known);
        var outage = outages[known.Number];
        outage.LinkCall(contact.AtUtc, contact.Scope.UserName, $"{contact.Channel} {customer.AccountNumber}");
        var order = outage.RepairOrderId is { } id ? repairOrders.GetValueOrDefault(id) : null;
        if (order is not null && order.AddContact(contact.Request.Text!, new ChangeContext(contact.Scope.UserName, contact.AtUtc, clock, contact.Channel)) is not null)
        {
            order = null;
        }

        db.Contacts.Add(Contact.Record(
            contact.Channel, contact.ExternalId, contact.AtUtc, contact.Request.AccountNumber, contact.Request.Phone, contact.Request.MeterNumber,
            contact.Request.Text!, customer.Id, order, isRepeat: order is not null, outage.Id));
        return (order, new ContactReceived(order is not null, order?.ToSummary(), known));
    }

    /// <summary>A repair call outside any known outage: a signal for detection at the caller's service point.</summary>
    public void Signal(PendingContact contact, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(customer);
        db.Add(OutageSignal.Receive(
            OutageSource.Call, SignalKind.RepairCall, $"{ApiName(contact.Channel)}:{contact.ExternalId}", customer.ServicePointId, customer.Id, contact.AtUtc, contact.AtUtc));
    }

    private static string ApiName(Channel channel) => Platform.ApiEnums.Name(channel);
}
