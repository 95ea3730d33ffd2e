using System.Text.RegularExpressions;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using GridCare.Platform.Imports;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Customers;

/// <summary>
/// Imports accounts from a marketing-system export, one row per account with its meter and transformer. The
/// account register is where meters and service points are known, so the import creates them under the
/// transformer as needed. Accounts are matched by 户号: new ones are opened, changed ones updated, identical ones
/// left alone, so re-importing the same file changes nothing.
/// </summary>
public sealed partial class ImportCustomers(AppDbContext db, NetworkTopologyCache topology, TimeProvider time)
{
    public static readonly string[] RequiredColumns =
        ["account_number", "name", "address", "category", "contracted_capacity_kva", "tariff", "transformer_code", "meter_number"];

    public static readonly string[] OptionalColumns =
        ["phone", "id_number", "important", "sensitive", "meter_phases", "has_generation", .. CustomerArrearsColumns.Columns];

    /// <summary>A row to import; <see cref="Arrears"/> is null when the file has no arrears columns (left as they are).</summary>
    private sealed record Row(CsvRecord Record, CustomerDetails Details, string TransformerCode, string MeterNumber, int Phases, ArrearsRecord? Arrears);

    public async Task<ImportResult> HandleAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (records, errors) = await CsvImport.ReadAsync(content, fileName, RequiredColumns, OptionalColumns, cancellationToken);
        var rows = new List<Row>();
        var accounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var meters = new Dictionary<string, (int Line, string Account)>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (Parse(record) is not { } row)
            {
                continue;
            }

            if (!accounts.TryAdd(row.Details.AccountNumber, record.Line))
            {
                record.Error("account_number", $"'{row.Details.AccountNumber}' appears again (first on line {accounts[row.Details.AccountNumber]})");
            }
            else if (!meters.TryAdd(row.MeterNumber, (record.Line, row.Details.AccountNumber)))
            {
                record.Error("meter_number", $"meter '{row.MeterNumber}' already serves account {meters[row.MeterNumber].Account} on line {meters[row.MeterNumber].Line}");
            }
            else
            {
                rows.Add(row);
            }
        }

        var transformerCodes = rows.Select(r => r.TransformerCode).Distinct().ToList();
        var transformers = await db.NetworkDevices
            .Where(d => d.Kind == DeviceKind.Transformer && transformerCodes.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var meterNumbers = rows.Select(r => r.MeterNumber).ToList();
        var existingMeters = await db.NetworkDevices
            .Where(d => meterNumbers.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var meterIds = existingMeters.Values.Select(m => m.Id).ToList();
        var servicePoints = await db.NetworkDevices
            .Where(d => d.Kind == DeviceKind.ServicePoint && d.ParentId != null && meterIds.Contains(d.ParentId.Value))
            .ToListAsync(cancellationToken);
        var servicePointByMeter = servicePoints.ToLookup(sp => sp.ParentId!.Value);
        var accountNumbers = rows.Select(r => r.Details.AccountNumber).ToList();
        var customers = await db.Customers
            .Where(c => accountNumbers.Contains(c.AccountNumber))
            .ToDictionaryAsync(c => c.AccountNumber, StringComparer.Ordinal, cancellationToken);
        var spIds = servicePoints.Select(sp => sp.Id).ToList();
        var accountBySp = await db.Customers.Where(c => spIds.Contains(c.ServicePointId))
            .ToDictionaryAsync(c => c.ServicePointId, c => c.AccountNumber, cancellationToken);

        foreach (var row in rows)
        {
            if (!transformers.TryGetValue(row.TransformerCode, out var transformer))
            {
                row.Record.Error("transformer_code", $"no transformer '{row.TransformerCode}'; import the network first");
                continue;
            }

            if (existingMeters.TryGetValue(row.MeterNumber, out var meter))
            {
                if (meter.Kind != DeviceKind.Meter)
                {
                    row.Record.Error("meter_number", $"'{row.MeterNumber}' is the code of a {meter.Kind}, not a meter");
                }
                else if (meter.ParentId != transformer.Id)
                {
                    row.Record.Error("meter_number", $"meter '{row.MeterNumber}' is on another transformer; move it in the network register first");
                }
                else if (servicePointByMeter[meter.Id].Select(sp => accountBySp.GetValueOrDefault(sp.Id)).FirstOrDefault(a => a is not null && a != row.Details.AccountNumber) is { } other)
                {
                    row.Record.Error("meter_number", $"meter '{row.MeterNumber}' already serves account {other}");
                }
            }
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            var transformer = transformers[row.TransformerCode];
            if (!existingMeters.TryGetValue(row.MeterNumber, out var meter))
            {
                meter = NetworkDevice.Meter(transformer, row.MeterNumber, row.Phases);
                db.NetworkDevices.Add(meter);
            }

            var servicePoint = meter.Id == 0 ? null : servicePointByMeter[meter.Id].FirstOrDefault();
            if (servicePoint is null)
            {
                servicePoint = NetworkDevice.ServicePoint(meter, $"SP{row.Details.AccountNumber}", row.Details.Address);
                db.NetworkDevices.Add(servicePoint);
            }

            if (!customers.TryGetValue(row.Details.AccountNumber, out var customer))
            {
                var opened = Customer.Open(row.Details, servicePoint);
                opened.ApplyArrears(row.Arrears ?? ArrearsRecord.None);
                db.Customers.Add(opened);
                created++;
            }
            else if (customer.Matches(row.Details, servicePoint.Id) && (row.Arrears is null || row.Arrears == customer.Arrears))
            {
                unchanged++;
            }
            else
            {
                customer.Apply(row.Details);
                customer.AttachTo(servicePoint);
                if (row.Arrears is not null)
                {
                    customer.ApplyArrears(row.Arrears);
                }

                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (created + updated > 0)
        {
            await NetworkRevision.RaiseAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        topology.Invalidate();
        await DatabaseStatistics.RefreshAsync(db, cancellationToken);
        return new ImportResult(created, updated, unchanged, []);
    }

    private static Row? Parse(CsvRecord record)
    {
        var account = record.Required("account_number");
        var name = record.Required("name");
        var address = record.Required("address");
        var category = record.Choice<CustomerCategory>("category");
        var capacity = record.Number("contracted_capacity_kva", 0, 1_000_000, required: true);
        var tariff = record.Required("tariff");
        var transformer = record.Required("transformer_code");
        var meter = record.Required("meter_number");
        var phone = record.Optional("phone");
        var idNumber = record.Optional("id_number");
        var phases = record.WholeNumber("meter_phases", 1, 3, required: false) ?? 1;
        var important = record.Flag("important");
        var sensitive = record.Flag("sensitive");
        var generation = record.Flag("has_generation");
        var arrears = CustomerArrearsColumns.Parse(record);

        if (account.Length > 0 && !AccountPattern().IsMatch(account))
        {
            record.Error("account_number", $"'{account}' is not an account number (4–32 letters, digits or dashes)");
        }

        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            record.Error("phone", $"'{phone}' is not a phone number (digits, optionally with +, - or spaces)");
        }

        if (phases == 2)
        {
            record.Error("meter_phases", "a meter has 1 or 3 phases");
        }

        if (account.Length == 0 || name.Length == 0 || address.Length == 0 || tariff.Length == 0 || transformer.Length == 0 || meter.Length == 0
            || category is null || capacity is null)
        {
            return null;
        }

        var details = new CustomerDetails(account, name, phone?.Replace(" ", string.Empty, StringComparison.Ordinal), idNumber, address, category.Value, capacity.Value, tariff, important, sensitive, generation);
        return new Row(record, details, transformer, meter, phases, arrears);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{4,32}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 -]{4,19}$")]
    private static partial Regex PhonePattern();
}
