using System.CommandLine;
using System.Text.Json;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Domain.Sla;
using GridCare.Platform;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare meter backtest</c>: how well the peak forecast did on this store's own transformers — every transformer's
/// rolling-origin backtest pooled, beside the naive baselines, as JSON. The per-transformer figures are on
/// <c>GET /api/v1/transformers/{code}/load</c>; this is the whole area's, for an analyst deciding whether to trust them.
/// </summary>
internal static class MeterBacktestCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(IServiceProvider services)
    {
        var to = new Option<string?>("--to") { Description = "the last day of the history, yyyy-MM-dd (default: today, China time)" };
        var days = new Option<int>("--days") { Description = "days of history before --to", DefaultValueFactory = _ => 180 };
        days.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 21 or > 3660)
            {
                r.AddError("--days must be from 21 (two weeks of history and a week ahead) to 3660.");
            }
        });
        var command = new Command("backtest", "Backtest the transformers' peak forecast on the analysed days in the store (MAPE against naive baselines), as JSON.")
        {
            to, days,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            var last = ApiDates.Parse(parse.GetValue(to), "--to", errors) ?? ChinaTime.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            if (errors.Count > 0)
            {
                Console.Error.WriteLine($"--to: {errors["--to"][0]}");
                return 2;
            }

            await services.GetRequiredService<MeterStore>().InitializeAsync(TimeProvider.System, cancellationToken);
            var span = parse.GetValue(days);
            var peaks = await services.GetRequiredService<TransformerLoadReader>().DailyPeaksOfAllAsync(last, span, cancellationToken);
            var methods = Enum.GetValues<ForecastMethod>().Select(m => PeakForecaster.BacktestMany(peaks.Values, m)).ToList();
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    from = last.AddDays(1 - span),
                    to = last,
                    transformers = peaks.Count,
                    analysedDays = peaks.Values.SelectMany(p => p.Keys).Distinct().Count(),
                    methods = methods.Select(m => new { method = JsonNamingPolicy.CamelCase.ConvertName(m.Method.ToString()), m.Origins, m.NextDayMape, m.NextWeekMape }),
                },
                Json));
            if (methods[0].Origins > 0)
            {
                return 0;
            }

            Console.Error.WriteLine($"No transformer has three weeks of analysed days up to {last:yyyy-MM-dd}: nothing to backtest.");
            return 1;
        });
        return command;
    }
}
