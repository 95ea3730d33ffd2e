using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Features.RoutingRules;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.WorkOrders;

/// <param name="AccountNumber">The account the agent matched the caller to.</param>
public sealed record IdentifyOrderCustomerRequest(string? AccountNumber = null);

/// <summary>A customer a phone matched, shown so the agent can pick the right one.</summary>
public sealed record CandidateCustomer(long Id, string AccountNumber, string Name, string Address);

/// <summary>
/// Matches an order taken without a known customer (<c>POST /api/v1/work-orders/{number}/identify</c>) to the account
/// the agent found — one of the candidates a phone matched, or any account in the agent's units — and re-times it by
/// the SLA policy that now applies; a still-received order is then routed by the rules, as at intake.
/// </summary>
public sealed class IdentifyOrderCustomer(AppDbContext db, SlaPolicies policies, RouteWorkOrder routing, SlaClock clock, TimeProvider time)
{
    public static readonly StaffRole[] Roles = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Admin];

    public async Task<ChangeWorkOrderResult> HandleAsync(string number, IdentifyOrderCustomerRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var order = await db.WorkOrders.WithThread().FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return new ChangeWorkOrderResult.NotFound();
        }

        if (!Roles.Any(scope.IsIn))
        {
            return new ChangeWorkOrderResult.Forbidden($"'identify' is taken by {string.Join(", ", Roles.Select(StaffRoles.NameOf))}.");
        }

        if (string.IsNullOrWhiteSpace(request.AccountNumber))
        {
            return Invalid("'identify' needs accountNumber.");
        }

        var account = request.AccountNumber.Trim();
        var visible = scope.VisibleOrgUnitIds.ToList();
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.AccountNumber == account && visible.Contains(c.OrgUnitId))
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return Invalid($"No customer with account number {account} in your units.");
        }

        var context = new ChangeContext(scope.UserName, time.GetUtcNow().UtcDateTime, clock);
        if (order.IdentifyCustomer(CustomerFacts.Of(customer), policies.Current, context) is { } refused)
        {
            return new ChangeWorkOrderResult.Refused(refused);
        }

        // Now that the order sits at the customer's station it is routed as intake would have routed it.
        await routing.HandleAsync(order, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeWorkOrderResult.Changed(order.ToDetail());
    }

    /// <summary>The candidates of an unidentified order, limited to the caller's units.</summary>
    public async Task<IReadOnlyList<CandidateCustomer>> CandidatesAsync(IReadOnlyList<long> ids, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (ids.Count == 0)
        {
            return [];
        }

        var visible = scope.VisibleOrgUnitIds.ToList();
        return await db.Customers.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && visible.Contains(c.OrgUnitId))
            .OrderBy(c => c.AccountNumber)
            .Select(c => new CandidateCustomer(c.Id, c.AccountNumber, c.Name, c.Address))
            .ToListAsync(cancellationToken);
    }

    private static ChangeWorkOrderResult.Invalid Invalid(string error) =>
        new(new Dictionary<string, string[]> { ["accountNumber"] = [error] });
}
