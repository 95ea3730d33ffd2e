using GridCare.Analytics.MeterData;
using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests.Infrastructure;

/// <summary>A meter of the demo area as the meter store's directory has it, with its customer.</summary>
public sealed record StoreMeter(string MeterNo, long CustomerId, string TransformerCode, int OrgUnitId);

/// <summary>
/// Fills the app's meter store the way the ingest and the directory sync do (those are the lead's): the directory
/// copied from the seeded demo network, and readings written straight into the store with the DuckDB appender.
/// </summary>
public static class MeterStoreData
{
    public static async Task<(List<StoreMeter> Meters, List<TransformerDirectoryEntry> Transformers)> CopyDirectoryAsync(GridCareFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var devices = await db.NetworkDevices.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.Kind, d.Code, d.Name, d.RatedKva, d.OrgUnitId, d.AreaType }).ToListAsync(ct);
        var byId = devices.ToDictionary(d => d.Id);
        string? Above(long id, DeviceKind kind)
        {
            for (var device = byId[id]; ; device = byId[device.ParentId!.Value])
            {
                if (device.Kind == kind)
                {
                    return device.Code;
                }

                if (device.ParentId is null)
                {
                    return null;
                }
            }
        }

        var transformers = devices.Where(d => d.Kind == DeviceKind.Transformer)
            .Select(d => new TransformerDirectoryEntry(d.Code, d.Name, d.RatedKva ?? 0, Above(d.Id, DeviceKind.Feeder), Above(d.Id, DeviceKind.Substation), d.OrgUnitId, d.AreaType.ToString().ToLowerInvariant()))
            .ToList();
        var customers = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.AccountNumber, c.ServicePointId, c.OrgUnitId, c.Category, c.ContractedCapacityKva }).ToListAsync(ct);
        var meters = customers.Select(c => (Customer: c, Meter: byId[byId[c.ServicePointId].ParentId!.Value])).ToList();
        var store = factory.Services.GetRequiredService<MeterStore>();
        await MeterDirectoryWriter.ReplaceAsync(
            store,
            meters.Select(m => new MeterDirectoryEntry(
                m.Meter.Code, m.Customer.Id, m.Customer.AccountNumber, m.Customer.Category.ToString().ToLowerInvariant(), (double)m.Customer.ContractedCapacityKva, false, 1,
                byId[m.Meter.ParentId!.Value].Code, Above(m.Meter.Id, DeviceKind.Feeder), Above(m.Meter.Id, DeviceKind.Substation), byId[m.Meter.ParentId!.Value].OrgUnitId)),
            transformers,
            ct);
        return ([.. meters.Select(m => new StoreMeter(m.Meter.Code, m.Customer.Id, byId[m.Meter.ParentId!.Value].Code, byId[m.Meter.ParentId!.Value].OrgUnitId))], transformers);
    }

    /// <summary>
    /// Stores valid 15-minute readings (device, UTC start, kWh, phase-A voltage) as the ingest does: energy in
    /// readings or terminal_readings, a meter's voltage in phase_readings (through a staging table, since the store's
    /// quality column is an ENUM), and the day index rebuilt from them.
    /// </summary>
    public static async Task WriteAsync(GridCareFactory factory, string table, IEnumerable<(string Device, DateTime Start, double Kwh, double? Voltage)> readings)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var connection = await factory.Services.GetRequiredService<MeterStore>().OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE OR REPLACE TEMP TABLE staging (device VARCHAR, ts TIMESTAMP, kwh DOUBLE, va DOUBLE)";
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using (var appender = connection.CreateAppender("staging"))
        {
            foreach (var (device, start, kwh, voltage) in readings)
            {
                appender.CreateRow().AppendValue(device).AppendValue(DateTime.SpecifyKind(start, DateTimeKind.Unspecified)).AppendValue(kwh).AppendValue(voltage).EndRow();
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = table == "terminal_readings"
            ? "INSERT INTO terminal_readings SELECT device, ts, 15, kwh, va, NULL, NULL, NULL, NULL, NULL, 'valid', 1 FROM staging"
            : """
              INSERT INTO readings SELECT device, ts, 15, kwh, 'valid', 1 FROM staging;
              INSERT INTO phase_readings SELECT device, ts, 15, va, NULL, NULL, NULL, NULL, NULL, 1 FROM staging WHERE va IS NOT NULL;
              """;
        await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        await factory.Services.GetRequiredService<MeterStore>().RebuildDayIndexAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Fourteen days of readings from <paramref name="first"/> for six residential customers of station GZBJ0102 (the
    /// lowest customer ids with a meter): the first three use 1 kWh per quarter hour 19:00–22:00 and 0.1 otherwise
    /// (evening peak), the others 1 kWh 09:00–17:00 and 0.05 otherwise (daytime). Returns the station and the six.
    /// </summary>
    public static async Task<(int Station, List<StoreMeter> Chosen)> WriteEveningAndDaytimeAsync(GridCareFactory factory, DateOnly first)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (meters, _) = await CopyDirectoryAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var station = await db.OrgUnits.Where(u => u.Code == "GZBJ0102").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var residential = await db.Customers.Where(c => c.OrgUnitId == station && c.Category == Domain.Customers.CustomerCategory.Residential)
            .Select(c => c.Id).OrderBy(id => id).ToListAsync(TestContext.Current.CancellationToken);
        var chosen = meters.Where(m => residential.Contains(m.CustomerId)).OrderBy(m => m.CustomerId).Take(6).ToList();
        var days = Enumerable.Range(0, 14).Select(first.AddDays).ToList();
        await WriteAsync(factory, "readings", chosen.SelectMany((m, i) => days.SelectMany(d => Enumerable.Range(0, 96).Select(s =>
            (m.MeterNo, Slot(d, s), i < 3 ? (s is >= 76 and < 88 ? 1 : 0.1) : (s is >= 36 and < 68 ? 1 : 0.05), (double?)null)))));
        return (station, chosen);
    }

    /// <summary>The UTC start of 15-minute slot <paramref name="slot"/> (0–95) of a China day.</summary>
    public static DateTime Slot(DateOnly day, int slot) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-8).AddMinutes(15 * slot), DateTimeKind.Utc);
}
