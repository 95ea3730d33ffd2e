using GridCare.Analytics.MeterData;
using GridCare.Analytics.Segmentation;
using GridCare.Analytics.Tests.MeterData;
using Microsoft.Extensions.Time.Testing;
using static GridCare.Analytics.Tests.MeterData.Analysis.AnalysisData;

namespace GridCare.Analytics.Tests.Segmentation;

/// <summary>
/// Stored mean days on hand-built readings of two analysed days (19 and 20 Nov 2026). Customer 1 has two meters:
/// M1 uses 1 kWh in every quarter hour on both days, M2 uses 2 kWh in quarter hour 0 on the 19th only (so slot 0
/// averages (1 + 2 + 1) / 2 = 2 kWh, the others 1). Customer 3's only meter missed slot 95 on both days: no shape.
/// </summary>
public class CustomerLoadShapesTests
{
    private static readonly DateOnly Before = Day.AddDays(-1);

    [Fact]
    public async Task Refresh_StoresEachFullyReadCustomersMeanDay_AndOnlyWhenTheNewestDayChanges()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store, [Meter("M1", "T1", customer: 1), Meter("M2", "T1", customer: 1), Meter("M3", "T1", customer: 3)], [Transformer("T1", 400)], ct);
        await WriteAsync(temporary.Store, "readings", [
            .. WholeDay("M1", _ => 1, Before), .. WholeDay("M1", _ => 1),
            .. WholeDay("M2", s => s == 0 ? 2 : null, Before),
            .. WholeDay("M3", s => s < 95 ? 1 : null, Before), .. WholeDay("M3", s => s < 95 ? 1 : null),
        ]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));
        using var shapes = new CustomerLoadShapes(temporary.Store, time);

        Assert.Null(await shapes.RefreshAsync(force: false, ct));
        await Analysis(temporary.Store).AnalyseDayAsync(Before, ct);
        var first = await shapes.RefreshAsync(force: false, ct);
        await Analysis(temporary.Store).AnalyseDayAsync(Day, ct);
        var second = await shapes.RefreshAsync(force: false, ct);
        var unchanged = await shapes.RefreshAsync(force: false, ct);
        var shape = await shapes.ReadAsync(1, ct);

        Assert.Equal((Before.AddDays(-29), Before, 1), (first!.From, first.To, first.Customers));
        Assert.Equal((Day.AddDays(-29), Day, 1), (second!.From, second.To, second.Customers));
        Assert.Null(unchanged);
        Assert.NotNull(shape);
        Assert.Equal((Day.AddDays(-29), Day), (shape.From, shape.To));
        Assert.Equal(96, shape.Kwh.Count);
        Assert.Equal(2.0, shape.Kwh[0], 9);
        Assert.All(shape.Kwh.Skip(1), kwh => Assert.Equal(1.0, kwh, 9));
        Assert.Null(await shapes.ReadAsync(3, ct));

        time.Advance(TimeSpan.FromDays(1));
        Assert.NotNull(await shapes.RefreshAsync(force: false, ct));
    }
}
