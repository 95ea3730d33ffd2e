using GridCare.Domain.Customers;
using GridCare.Domain.Sla;

namespace GridCare.Features.Demo;

/// <summary>
/// Arrears on a few demo accounts, so the hotline and IVR have something to tell: about one residential account in
/// two hundred owes a few months' bills, the first of them in each county has been cut off and the second has paid
/// since its cut and waits for reconnection. A random generator of its own keeps the rest of the area unchanged, and
/// the first three accounts of each transformer are left alone: outage tests pick those as single callers.
/// </summary>
public static class DemoArrears
{
    private const double Share = 0.005;

    public static void Apply(IReadOnlyList<Customer> customers, int seed, int countyIndex, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var random = new Random(unchecked((seed * 31) + countyIndex + 7919));
        var firstOnTransformer = customers
            .GroupBy(c => c.ServicePoint!.Parent!.Parent)
            .SelectMany(g => g.OrderBy(c => c.AccountNumber, StringComparer.Ordinal).Take(3))
            .ToHashSet();
        var today = ChinaTime.DateOf(nowUtc);
        var inArrears = customers
            .Where(c => c.Category == CustomerCategory.Residential && !firstOnTransformer.Contains(c))
            .Where(_ => random.NextDouble() < Share)
            .ToList();
        for (var i = 0; i < inArrears.Count; i++)
        {
            var customer = inArrears[i];
            var since = ChinaTime.FromCst(today.AddDays(-random.Next(35, 120)), TimeOnly.MinValue);
            customer.RecordArrears(random.Next(60, 900) + (random.Next(0, 100) / 100m), since);
            if (i == 0)
            {
                customer.DisconnectForArrears(ChinaTime.FromCst(today.AddDays(-2), new TimeOnly(10, 0)));
            }
            else if (i == 1)
            {
                customer.DisconnectForArrears(ChinaTime.FromCst(today.AddDays(-3), new TimeOnly(10, 0)));
                customer.PayArrears(nowUtc.AddHours(-3));
            }
        }
    }
}
