using MiniExcelLibs;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>The mix and the hotspots of a scope as one Excel workbook (a sheet per table), for reports that leave GridCare.</summary>
public sealed class ExportComplaintAnalytics(GetComplaintMix mix, GetComplaintHotspots hotspots)
{
    public async Task<byte[]> HandleAsync(ComplaintScope scope, CancellationToken cancellationToken)
    {
        var m = await mix.HandleAsync(scope, cancellationToken);
        var h = await hotspots.HandleAsync(scope, cancellationToken);
        var sheets = new Dictionary<string, object>
        {
            ["summary"] = new[]
            {
                new { unit = m.OrgUnitName, from = m.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = m.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), customers = m.Customers, complaints = m.Complaints, per_1000_customers = m.PerThousandCustomers, sensitive_customer_complaints = m.SensitiveCustomerComplaints },
            },
            ["by_class"] = m.ByClass.Select(c => new { complaint_class = c.ComplaintClass, count = c.Count, share_percent = c.Share, baseline_percent = c.BaselineShare }).ToList(),
            ["by_type"] = m.ByType.Select(t => new { type = t.Type, count = t.Count }).ToList(),
            ["trend"] = m.Trend.Select(t => new { month = t.Month, complaints = t.Complaints, per_1000_customers = t.PerThousandCustomers }).ToList(),
            ["by_unit"] = m.ByUnit.Select(u => new { unit = u.Name, customers = u.Customers, complaints = u.Complaints, per_1000_customers = u.PerThousandCustomers }).ToList(),
            ["repeat_complainants"] = m.RepeatComplainants.Select(c => new { account_number = c.AccountNumber, name = c.Name, sensitive = c.Sensitive, complaints = c.Complaints, orders = string.Join(' ', c.Orders) }).ToList(),
            ["hotspots"] = h.Hotspots.Select(s => new
            {
                kind = s.Kind,
                code = s.Code,
                name = s.Name,
                complaints = s.Complaints,
                previous = s.PreviousComplaints,
                evidence = string.Join("; ", s.Evidence.Select(e => e.Text)),
                orders = string.Join(' ', s.Orders),
            }).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
