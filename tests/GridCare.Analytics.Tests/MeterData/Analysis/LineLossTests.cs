using GridCare.Analytics.MeterData;
using static GridCare.Analytics.Tests.MeterData.Analysis.AnalysisData;

namespace GridCare.Analytics.Tests.MeterData.Analysis;

/// <summary>
/// 台区线损率 = (supply − sales) / supply, supply = the terminal's energy in + the customers' PV export, sales = the
/// customers' import + energy the terminal sends back up. Hand-computed areas: TL loses 136 of 968 kWh (14 %, high),
/// TN "loses" −96 of 480 kWh (negative: a meter on the wrong transformer or a wrong CT ratio), TI's terminal missed 10
/// of 96 intervals (incomplete, not judged), TX has no terminal (no line loss).
/// </summary>
public class LineLossTests
{
    [Fact]
    public async Task LossRateAndFlags_AreTheHandComputedOnes()
    {
        await using var temporary = await TemporaryMeterStore.CreateAsync();
        await MeterDirectoryWriter.ReplaceAsync(
            temporary.Store,
            [Meter("M1", "TL", generation: true), Meter("M2", "TL"), Meter("M3", "TN"), Meter("M4", "TI"), Meter("M5", "TX")],
            [Transformer("TL", 200), Transformer("TN", 200), Transformer("TI", 200), Transformer("TX", 200)],
            TestContext.Current.CancellationToken);
        await WriteAsync(temporary.Store, "readings", [
            .. WholeDay("M1", s => s is >= 40 and < 48 ? -1 : 4),
            .. WholeDay("M2", _ => 5),
            .. WholeDay("M3", _ => 6),
            .. WholeDay("M4", _ => 4),
            .. WholeDay("M5", _ => 4),
        ]);
        await WriteAsync(temporary.Store, "terminal_readings", [
            .. WholeDay("TL", _ => 10),
            .. WholeDay("TN", _ => 5),
            .. WholeDay("TI", _ => 5).Skip(10),
        ]);

        await AnalysisData.Analysis(temporary.Store).AnalyseDayAsync(Day, TestContext.Current.CancellationToken);

        var areas = (await RowsAsync(temporary.Store, "SELECT * FROM transformer_days")).ToDictionary(r => (string)r["transformer_code"]!);
        Assert.Equal((968.0, 832.0), ((double)areas["TL"]["supply_kwh"]!, (double)areas["TL"]["sales_kwh"]!));
        Assert.Equal(136.0 / 968, (double)areas["TL"]["line_loss_rate"]!, 12);
        Assert.Equal("high", areas["TL"]["line_loss_flag"]);
        Assert.Equal(-96.0 / 480, (double)areas["TN"]["line_loss_rate"]!, 12);
        Assert.Equal("negative", areas["TN"]["line_loss_flag"]);
        Assert.Equal(86.0 / 96, (double)areas["TI"]["terminal_coverage"]!, 12);
        Assert.Equal("incomplete", areas["TI"]["line_loss_flag"]);
        Assert.Null(areas["TX"]["line_loss_rate"]);
        Assert.Null(areas["TX"]["line_loss_flag"]);
    }
}
