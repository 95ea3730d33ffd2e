using System.Globalization;
using System.Text;
using System.Text.Json;
using GridCare.Analytics.Reliability;

namespace GridCare.Features.Reliability;

/// <summary>
/// The JSON the <c>reliability</c> verb prints. Top-level index keys are the indices over every interruption of the
/// period; <c>excluding_major_event_days</c> repeats them without the interruptions that began on a major event day.
/// Keys are snake_case and stable: analysts' scripts read them.
/// </summary>
internal static class ReliabilityJson
{
    public const string NoCauseColumn =
        "the interruptions file has no cause column, so no interruption is taken as caused by insufficient system supply (限电/有序用电): RS-3 equals RS-1";

    public const string CauseColumn =
        "interruptions whose cause is supply_shortage (限电, 有序用电, 系统电源不足) are left out of RS-3; any other or empty cause counts";

    public static string Write(ReliabilityReport report, bool hasCauseColumn)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var settings = report.Settings;
            json.WriteStartObject();
            json.WriteStartObject("period");
            json.WriteString("from", Date(settings.Period.From));
            json.WriteString("to", Date(settings.Period.To));
            json.WriteNumber("days", settings.Period.Days);
            json.WriteString("utc_offset", IsoTime.FormatOffset(settings.Period.UtcOffset));
            json.WriteEndObject();
            json.WriteNumber("customers_served", settings.CustomersServed);
            json.WriteNumber("momentary_limit_minutes", settings.MomentaryLimit.TotalMinutes);
            json.WriteNumber("interruptions_outside_period", report.InterruptionsOutsidePeriod);
            Indices(json, report.All);
            json.WriteString("rs_3_assumption", hasCauseColumn ? CauseColumn : NoCauseColumn);

            Number(json, "t_med", report.Threshold?.TMedMinutes);
            if (report.Threshold is { } threshold)
            {
                json.WriteStartObject("med_method");
                json.WriteString("method", "2.5 beta (IEEE 1366)");
                json.WriteString("deviation", threshold.Deviation == DeviationConvention.Sample ? "sample" : "population");
                json.WriteNumber("alpha", threshold.Alpha);
                json.WriteNumber("beta", threshold.Beta);
                json.WriteNumber("history_days_used", threshold.DaysUsed);
                json.WriteEndObject();
            }

            json.WriteStartArray("major_event_days");
            foreach (var day in report.MajorEventDays)
            {
                json.WriteStringValue(Date(day.Date));
            }

            json.WriteEndArray();
            json.WriteStartObject("major_event_day_saidi");
            foreach (var day in report.MajorEventDays)
            {
                json.WriteNumber(Date(day.Date), day.SaidiMinutes);
            }

            json.WriteEndObject();
            json.WriteStartObject("excluding_major_event_days");
            Indices(json, report.ExcludingMajorEventDays);
            json.WriteEndObject();
            json.WriteStartObject("units");
            foreach (var (key, unit) in Units)
            {
                json.WriteString(key, unit);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static readonly (string Key, string Unit)[] Units =
    [
        ("saifi", "interruptions per customer served"), ("saidi", "minutes per customer served"),
        ("caidi", "minutes per interruption"), ("caifi", "interruptions per customer interrupted"),
        ("ctaidi", "minutes per customer interrupted"), ("asai", "fraction of customer time served (0 to 1)"),
        ("maifi", "momentary interruptions per customer served"), ("maifi_e", "momentary events per customer served"),
        ("cemi", "fraction of customers served, by n"), ("cemsmi", "fraction of customers served, by n"),
        ("aihc_1", "hours per customer served"), ("aitc_1", "interruptions per customer served"),
        ("rs_1", "percent"), ("rs_3", "percent"), ("t_med", "minutes of daily SAIDI"),
        ("customer_minutes_interrupted", "customer minutes"),
    ];

    private static void Indices(Utf8JsonWriter json, ReliabilityIndices indices)
    {
        json.WriteNumber("saifi", indices.Saifi);
        json.WriteNumber("saidi", indices.Saidi);
        Number(json, "caidi", indices.Caidi);
        Number(json, "caifi", indices.Caifi);
        Number(json, "ctaidi", indices.Ctaidi);
        json.WriteNumber("asai", indices.Asai);
        json.WriteNumber("maifi", indices.Maifi);
        json.WriteNumber("maifi_e", indices.MaifiE);
        ByN(json, "cemi", indices.Cemi);
        ByN(json, "cemsmi", indices.Cemsmi);
        json.WriteNumber("aihc_1", indices.Aihc1Hours);
        json.WriteNumber("aitc_1", indices.Aitc1);
        json.WriteNumber("rs_1", indices.Rs1Percent);
        json.WriteNumber("rs_3", indices.Rs3Percent);
        json.WriteNumber("customer_interruptions", indices.CustomerInterruptions);
        json.WriteNumber("customer_minutes_interrupted", indices.CustomerMinutesInterrupted);
        json.WriteNumber("customers_interrupted", indices.CustomersInterrupted);
        json.WriteNumber("momentary_interruptions", indices.MomentaryInterruptions);
        json.WriteNumber("momentary_events", indices.MomentaryEvents);
        json.WriteNumber("supply_shortage_customer_interruptions", indices.SupplyShortageCustomerInterruptions);
    }

    private static void ByN(Utf8JsonWriter json, string name, IReadOnlyDictionary<int, double> values)
    {
        json.WriteStartObject(name);
        foreach (var (n, value) in values)
        {
            json.WriteNumber(n.ToString(CultureInfo.InvariantCulture), value);
        }

        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
