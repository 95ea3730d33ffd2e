using GridCare.Domain.RoutingRules;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Demo;

/// <summary>
/// The demo's routing rules, as a county bureau would set them up: each station's repairs to its own repair crew and
/// its service applications to its business office; complaints to the county's customer service centre, except
/// supply-quality complaints, which the operations and maintenance team measures and fixes; reports to inspection.
/// </summary>
internal static class DemoRoutingRules
{
    public static IEnumerable<RoutingRule> Create(DemoOrganization organization)
    {
        foreach (var county in organization.Counties)
        {
            var countyName = DemoNames.CountyShort[county.Index];
            foreach (var (station, s) in county.Stations.Select((station, s) => (station, s)))
            {
                var stationName = DemoNames.Stations[county.Index][s];
                yield return Rule(station.Id, WorkOrderType.Repair, $"{stationName}抢修班");
                yield return Rule(station.Id, WorkOrderType.ServiceApplication, $"{stationName}营业班");
            }

            yield return Rule(county.County.Id, WorkOrderType.Complaint, $"{countyName}客户服务中心");
            yield return Rule(county.County.Id, WorkOrderType.Complaint, $"{countyName}运维检修班", ComplaintClass.SupplyQuality);
            yield return Rule(county.County.Id, WorkOrderType.Report, $"{countyName}营销稽查班");
        }
    }

    private static RoutingRule Rule(int orgUnitId, WorkOrderType type, string team, ComplaintClass? complaintClass = null) =>
        RoutingRule.Create(new RoutingRuleDefinition(orgUnitId, type, complaintClass, Priority: null, team));
}
