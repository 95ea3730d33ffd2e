using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.Warnings;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Intake.Receiving;
using GridCare.Features.RoutingRules;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Warnings;

/// <summary>
/// Opens one proactive work order (主动工单, channel proactive) per warning, routed by the routing rules like any new
/// order, with the warning's evidence and suggested action as its text; the warning keeps the order number. Everything
/// the caller has tracked is saved in the same transaction, so a warning never points at an order that was not saved.
/// </summary>
/// <remarks>
/// The orders are repairs because the work is a crew's (load transfer, tap change, inspection); the SLA policies do
/// not tell maintenance from fault repairs yet, so they run on the repair clocks of their area.
/// </remarks>
public sealed class OpenProactiveOrder(
    AppDbContext db, OrderNumbers numbers, StaffScopeResolver scopes, SlaClock clock, SlaPolicies policies, RouteWorkOrder routing, IStringLocalizer<WarningStrings> localizer)
{
    private static readonly CultureInfo OrderLanguage = CultureInfo.GetCultureInfo("zh-CN");

    public async Task<List<WorkOrder>> OpenAsync(IReadOnlyList<Warning> warnings, string actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (warnings.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        var customerIds = warnings.Where(w => w.CustomerId is not null).Select(w => w.CustomerId!.Value).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var codes = warnings.Select(w => w.TransformerCode).Distinct().ToList();
        var devices = await db.NetworkDevices.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, cancellationToken);
        var tree = await scopes.TreeAsync(cancellationToken);

        // The number lease writes its counter on a connection of its own, which SQLite refuses while this
        // transaction holds the write lock: lease first.
        using var lease = await numbers.LeaseAsync(warnings.Select(w => (tree.OrderPrefixOf(w.OrgUnitId), nowUtc)), cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var context = new ChangeContext(actor, nowUtc, clock, Channel.Proactive);
        var orders = new List<WorkOrder>();
        foreach (var warning in warnings)
        {
            var number = lease.Peek(tree.OrderPrefixOf(warning.OrgUnitId), nowUtc);
            var customer = warning.CustomerId is { } id && customers.TryGetValue(id, out var found) ? CustomerFacts.Of(found) : null;
            var intake = new WorkOrderIntake(number.ToString(), WorkOrderType.Repair, Channel.Proactive, nowUtc, warning.OrgUnitId, actor, Text(warning))
            {
                Customer = customer,
                AreaType = devices.TryGetValue(warning.TransformerCode, out var device) ? device.AreaType : null,
                Priority = warning.Severity == WarningSeverity.Critical ? WorkOrderPriority.High : WorkOrderPriority.Normal,
            };
            var made = WorkOrder.Receive(intake, policies.Current, clock);
            var order = made.Order ?? throw new InvalidOperationException($"A proactive order was refused: {made.Error?.Message}");
            lease.Take(number);
            await routing.HandleAsync(order, context, cancellationToken);
            db.WorkOrders.Add(order);
            warning.OrderOpened(order.Number, actor, nowUtc);
            orders.Add(order);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return orders;
    }

    // Orders are read by the bureau's staff in Chinese whatever the language of the request that opened them.
    private string Text(Warning warning)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = OrderLanguage;
        try
        {
            return WarningEvidence.Summary(warning, localizer);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
