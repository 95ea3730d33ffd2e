using System.CommandLine;
using System.CommandLine.Parsing;
using GridCare.Analytics.Reliability;
using GridCare.Domain.Sla;
using GridCare.Features.Reliability;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare reliability</c>: the reliability engine on an analyst's own interruption log, without a database.
/// Prints the indices as JSON on stdout; bad files give every error on stderr, each naming file, line and column.
/// </summary>
internal static class ReliabilityCommand
{
    public static Command Create()
    {
        var interruptions = new Option<FileInfo>("--interruptions")
        {
            Description = "CSV, one row per customer interruption: event_id,customer_id,interrupted_at,restored_at[,cause] (ISO 8601 with offset)",
            Required = true,
        };
        var customersServed = new Option<int>("--customers-served") { Description = "N_T, the customers served in the scope", Required = true };
        customersServed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
            {
                r.AddError("--customers-served must be a whole number above zero");
            }
        });
        var from = new Option<DateOnly?>("--from") { Description = "first day of the period, yyyy-MM-dd (default: the day of the first interruption)", CustomParser = ParseDate };
        var to = new Option<DateOnly?>("--to") { Description = "last day of the period, yyyy-MM-dd, inclusive (default: the day of the last interruption)", CustomParser = ParseDate };
        var history = new Option<FileInfo?>("--saidi-history") { Description = "CSV of daily SAIDI before the period, date,saidi_minutes: major event days by the 2.5 beta method" };
        var deviation = new Option<DeviationConvention?>("--med-deviation")
        {
            Description = "standard deviation of the 2.5 beta method: sample (n − 1, the default) or population (n)",
        };
        deviation.AcceptOnlyFromAmong("sample", "population");
        var utcOffset = new Option<TimeSpan?>("--utc-offset")
        {
            Description = "UTC offset of the local days of the period and of major event days (default +08:00, China Standard Time)",
            CustomParser = ParseOffset,
        };
        var momentary = new Option<double>("--momentary-minutes")
        {
            Description = "interruptions this long or shorter are momentary (IEEE 1366: 5)",
            DefaultValueFactory = _ => ReliabilitySettings.DefaultMomentaryLimit.TotalMinutes,
        };
        momentary.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var minutes && (minutes < 0 || minutes > 1440 || !double.IsFinite(minutes)))
            {
                r.AddError("--momentary-minutes must be from 0 to 1440");
            }
        });
        var cemi = new Option<int[]>("--cemi-n")
        {
            Description = "the n of CEMI_n and CEMSMI_n",
            DefaultValueFactory = _ => [1, 2, 3, 4, 5],
            AllowMultipleArgumentsPerToken = true,
        };

        var command = new Command("reliability", "IEEE 1366 and DL/T 836 reliability indices of an interruption log, as JSON.")
        {
            interruptions, customersServed, from, to, history, deviation, utcOffset, momentary, cemi,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = new[] { parse.GetRequiredValue(interruptions), parse.GetValue(history) }.OfType<FileInfo>().ToList();
            if (files.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                await Console.Error.WriteLineAsync($"{missing.FullName}: no such file");
                return 2;
            }

            var request = new ReliabilityFilesRequest(
                parse.GetRequiredValue(interruptions).FullName,
                parse.GetValue(customersServed),
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(history)?.FullName,
                parse.GetValue(deviation) ?? DeviationConvention.Sample,
                parse.GetValue(utcOffset) ?? ChinaTime.Offset,
                TimeSpan.FromMinutes(parse.GetValue(momentary)),
                parse.GetRequiredValue(cemi));
            var result = await CalculateReliabilityFromFiles.HandleAsync(request, cancellationToken);
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            if (result.Report is null)
            {
                return 1;
            }

            await Console.Out.WriteLineAsync(ReliabilityJson.Write(result.Report, result.HasCauseColumn));
            return 0;
        });
        return command;
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IsoTime.TryParseDate(text, out var date))
        {
            return date;
        }

        result.AddError($"'{text}' is not a date in the form yyyy-MM-dd");
        return null;
    }

    private static TimeSpan? ParseOffset(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IsoTime.TryParseOffset(text, out var offset))
        {
            return offset;
        }

        result.AddError($"'{text}' is not a UTC offset such as +08:00, -05:00 or Z");
        return null;
    }
}
