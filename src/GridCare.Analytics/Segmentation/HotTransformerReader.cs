using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;

namespace GridCare.Analytics.Segmentation;

/// <summary>A transformer that ran heavy or overloaded on recent days, with the customers it feeds.</summary>
public sealed record HotTransformer(string TransformerCode, string Name, int OrgUnitId, double PeakLoadRate, int HeavyMinutes, int OverloadMinutes, int Days, IReadOnlyList<long> CustomerIds);

/// <summary>Hot transformers from the daily analyses (<c>transformer_days</c>), for advance contact with their customers.</summary>
public sealed class HotTransformerReader(MeterStore store)
{
    public async Task<List<HotTransformer>> ListAsync(IReadOnlyCollection<int> orgUnitIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var hot = await AnalysisRows.ListAsync(
            store,
            $"""
            SELECT transformer_code, any_value(name) AS name, any_value(org_unit_id) AS org_unit_id, max(peak_load_rate) AS peak_load_rate,
                   CAST(sum(heavy_minutes) AS INTEGER) AS heavy_minutes, CAST(sum(overload_minutes) AS INTEGER) AS overload_minutes, CAST(count(*) AS INTEGER) AS days
            FROM transformer_days
            WHERE day BETWEEN $from AND $to AND org_unit_id IN {AnalysisRows.Units(orgUnitIds)} AND (heavy_minutes > 0 OR overload_minutes > 0)
            GROUP BY transformer_code ORDER BY sum(overload_minutes) DESC, max(peak_load_rate) DESC, transformer_code
            """,
            r => (Code: r.Text("transformer_code")!, Name: r.Text("name")!, Unit: r.Int("org_unit_id"), Peak: r.Double("peak_load_rate") ?? 0, Heavy: r.Int("heavy_minutes"), Overload: r.Int("overload_minutes"), Days: r.Int("days")),
            cancellationToken,
            ("from", from),
            ("to", to));
        if (hot.Count == 0)
        {
            return [];
        }

        var customers = await AnalysisRows.ListAsync(
            store,
            $"SELECT DISTINCT transformer_code, customer_id FROM meter_directory WHERE customer_id IS NOT NULL AND org_unit_id IN {AnalysisRows.Units(orgUnitIds)}",
            r => (Code: r.Text("transformer_code")!, Customer: r.Long("customer_id")!.Value),
            cancellationToken);
        var byTransformer = customers.ToLookup(c => c.Code, c => c.Customer);
        return [.. hot.Select(h => new HotTransformer(h.Code, h.Name, h.Unit, h.Peak, h.Heavy, h.Overload, h.Days, [.. byTransformer[h.Code].Order()]))];
    }
}
