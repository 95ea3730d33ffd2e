using GridCare.Analytics.MeterData.Import;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Analytics.Tests.MeterData;

/// <summary>
/// Real exports from ../shared/data (skipped where absent) import cleanly with a column mapping, as a utility would
/// load another system's files: SGSC half-hourly readings of ten households (UTC), and an Ausgrid solar home's
/// consumption (Australian Eastern Standard Time, one meter, no meter column).
/// </summary>
public class RealMeterFilesTests
{
    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sgsc_smart_meter_readings_import_with_a_column_mapping()
    {
        var file = Path.Combine(SharedData.RequireFolder("sgsc_smart_meter10"), "smart_meter10.csv");
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        var request = ReadingImportRequest.FromFile(file) with
        {
            IntervalMinutes = 30,
            UtcOffset = TimeSpan.Zero,
            Columns = new Dictionary<string, string> { ["meter_no"] = "customer_id", ["interval_start"] = "reading_datetime", ["kwh"] = "general_supply_kwh" },
        };

        var result = await new ReadingImporter(temporary.Store, new VeeSettings(), Now).ImportAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(293_874, result.Stored + result.DuplicatesInBatch);
        Assert.Equal(10, await temporary.ScalarAsync("SELECT count(DISTINCT meter_no) FROM readings"));
        Assert.Equal(10, result.UnknownDevices);
        Assert.True(result.MissingIntervals > 0, "the SGSC series have gaps");
        Assert.Equal(5907, await temporary.ScalarAsync("SELECT (max(kwh) * 1000)::BIGINT FROM readings"));
    }

    [Fact]
    public async Task An_ausgrid_solar_home_imports_as_one_meter_in_its_own_time_zone()
    {
        var file = Path.Combine(SharedData.RequireFolder("ausgrid_solarhome_customer12"), "data_2011-2012.csv");
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        var request = ReadingImportRequest.FromFile(file) with
        {
            IntervalMinutes = 30,
            UtcOffset = TimeSpan.FromHours(10),
            Device = "AUSGRID-12",
            Columns = new Dictionary<string, string> { ["interval_start"] = "column0", ["kwh"] = "GC" },
        };

        var result = await new ReadingImporter(temporary.Store, new VeeSettings(), Now).ImportAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(17_568, result.Stored);
        Assert.Equal(0, result.DuplicatesInBatch);
        Assert.Equal(1, await temporary.ScalarAsync("SELECT count(*) FROM readings WHERE interval_start = TIMESTAMP '2011-06-30 14:00:00'"));
    }
}
