using System.Globalization;
using GridCare.Analytics.Outages;
using GridCare.Domain.Outages;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// One customer without power while the others on the same transformer report nothing: before a crew is sent as
/// for a grid fault, tell the cases apart. An arrears disconnection on record is no fault (nothing is dispatched); the
/// neighbours still having supply points to the customer's side (meter, service line, the customer's own
/// installation) — the caller's repair order is told so, and no outage is opened for the transformer.
/// </summary>
public sealed class CheckSingleCustomer(AppDbContext db, SlaClock clock)
{
    public async Task HandleAsync(SingleCustomer lone, IReadOnlyList<OutageSignal> signals, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lone);
        ArgumentNullException.ThrowIfNull(signals);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == lone.CustomerId, cancellationToken);
        var transformer = lone.TransformerId is { } id
            ? await db.NetworkDevices.AsNoTracking().Where(d => d.Id == id).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken)
            : null;
        var conclusion = customer.ArrearsDisconnectedAt is { } cut
            ? string.Create(CultureInfo.InvariantCulture, $"Arrears disconnection on record since {ChinaTime.ToCst(cut):yyyy-MM-dd HH:mm} (CST): not a grid fault, no crew dispatched.")
            : $"Neighbours on transformer {transformer} still have supply: customer-side fault suspected (meter, service line or the customer's installation).";
        foreach (var signal in signals)
        {
            signal.SetAside(conclusion);
        }

        await NoteOnCallerOrdersAsync(signals, conclusion, nowUtc, cancellationToken);
    }

    /// <summary>The crew or agent working a caller's repair order reads the conclusion before going out.</summary>
    private async Task NoteOnCallerOrdersAsync(IReadOnlyList<OutageSignal> signals, string conclusion, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var orders = await CallerOrders.OpenAsync(db, signals, cancellationToken);
        foreach (var order in orders)
        {
            order.AddNote(EntryKind.AgentNote, conclusion, isCustomerVisible: false, new ChangeContext(DetectOutages.Actor, nowUtc, clock, null));
        }
    }
}
