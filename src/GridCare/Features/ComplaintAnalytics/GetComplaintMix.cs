using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.ComplaintAnalytics;

public sealed record ClassShare(string ComplaintClass, int Count, double Share, double BaselineShare);

public sealed record TypeCount(string Type, int Count);

public sealed record MixPeriod(string Month, int Complaints, double PerThousandCustomers, IReadOnlyDictionary<string, int> ByClass);

public sealed record UnitComplaints(int OrgUnitId, string Name, int Customers, int Complaints, double PerThousandCustomers);

public sealed record RepeatComplainant(long CustomerId, string AccountNumber, string Name, bool Sensitive, int Complaints, IReadOnlyList<string> Orders);

public sealed record ComplaintMixResponse(
    int OrgUnitId,
    string OrgUnitName,
    DateOnly From,
    DateOnly To,
    int Customers,
    int Complaints,
    double PerThousandCustomers,
    int SensitiveCustomerComplaints,
    IReadOnlyList<ClassShare> ByClass,
    IReadOnlyList<TypeCount> ByType,
    IReadOnlyList<MixPeriod> Trend,
    IReadOnlyList<UnitComplaints> ByUnit,
    IReadOnlyList<RepeatComplainant> RepeatComplainants);

/// <summary>
/// The complaint mix of a unit and period: complaints by class beside the baseline mix, all orders by type,
/// complaints per 1,000 customers (千户投诉率, over today's customers of the units), per China month and per unit
/// directly below, customers who complained more than once, and complaints from sensitive customers.
/// </summary>
public sealed class GetComplaintMix(AppDbContext db, IOptions<ComplaintAnalyticsOptions> options)
{
    public async Task<ComplaintMixResponse> HandleAsync(ComplaintScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var complaints = await ComplaintData.ComplaintsAsync(db, scope, cancellationToken);
        var units = scope.Units.ToList();
        var customersByUnit = await db.Customers.AsNoTracking().Where(c => units.Contains(c.OrgUnitId))
            .GroupBy(c => c.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var customers = customersByUnit.Values.Sum();
        var (from, to) = (scope.FromUtc, scope.ToUtc);
        var byType = await db.WorkOrders.AsNoTracking()
            .Where(w => units.Contains(w.OrgUnitId) && w.ReceivedAt >= from && w.ReceivedAt < to)
            .GroupBy(w => w.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var baseline = options.Value.BaselineMix;
        var byClass = Enum.GetValues<ComplaintClass>().Select(c =>
        {
            var count = complaints.Count(r => r.ComplaintClass == c);
            return new ClassShare(ApiEnums.Name(c), count, Share(count, complaints.Count), baseline.GetValueOrDefault(c.ToString()));
        }).ToList();

        var trend = complaints
            .GroupBy(r => Month(r.ReceivedAt))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MixPeriod(g.Key, g.Count(), PerThousand(g.Count(), customers), Enum.GetValues<ComplaintClass>()
                .ToDictionary(c => ApiEnums.Name(c), c => g.Count(r => r.ComplaintClass == c))))
            .ToList();

        var tree = await db.OrgUnits.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(cancellationToken);
        var parents = tree.ToDictionary(u => u.Id, u => u.ParentId);
        var children = tree.Where(u => u.ParentId == scope.OrgUnitId).ToList();
        var byUnit = children.Select(child =>
        {
            var below = units.Where(u => IsAtOrBelow(u, child.Id, parents)).ToHashSet();
            var served = below.Sum(u => customersByUnit.GetValueOrDefault(u));
            var count = complaints.Count(r => below.Contains(r.OrgUnitId));
            return new UnitComplaints(child.Id, child.Name, served, count, PerThousand(count, served));
        }).OrderByDescending(u => u.PerThousandCustomers).ToList();

        var repeatIds = complaints.Where(r => r.CustomerId is not null).GroupBy(r => r.CustomerId!.Value)
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReceivedAt).Select(r => r.Number).ToList());
        var repeatIdList = repeatIds.Keys.ToList();
        var repeat = (await db.Customers.AsNoTracking().Where(c => repeatIdList.Contains(c.Id))
                .Select(c => new { c.Id, c.AccountNumber, c.Name, c.IsSensitive }).ToListAsync(cancellationToken))
            .Select(c => new RepeatComplainant(c.Id, c.AccountNumber, c.Name, c.IsSensitive, repeatIds[c.Id].Count, repeatIds[c.Id]))
            .OrderByDescending(c => c.Complaints).ThenBy(c => c.AccountNumber, StringComparer.Ordinal)
            .ToList();

        return new ComplaintMixResponse(
            scope.OrgUnitId, scope.OrgUnitName, scope.From, scope.To, customers, complaints.Count, PerThousand(complaints.Count, customers),
            complaints.Count(r => r.Sensitive), byClass,
            [.. Enum.GetValues<WorkOrderType>().Select(t => new TypeCount(ApiEnums.Name(t), byType.FirstOrDefault(b => b.Key == t)?.Count ?? 0))],
            trend, byUnit, repeat);
    }

    public static double PerThousand(int complaints, int customers) => customers == 0 ? 0 : Math.Round(complaints * 1000.0 / customers, 3);

    private static double Share(int count, int total) => total == 0 ? 0 : Math.Round(count * 100.0 / total, 1);

    private static string Month(DateTime utc) => ChinaTime.DateOf(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static bool IsAtOrBelow(int unit, int ancestor, Dictionary<int, int?> parents)
    {
        for (int? current = unit; current is { } id; current = parents.GetValueOrDefault(id))
        {
            if (id == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
