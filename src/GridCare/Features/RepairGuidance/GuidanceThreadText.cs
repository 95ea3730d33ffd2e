using System.Globalization;
using GridCare.Domain.RepairGuidance;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.RepairGuidance;

/// <summary>
/// The thread entries of guidance: one internal crew report per completed step with its readings (out-of-limit ones
/// marked), and one internal note per guidance message, so the order's history tells the whole repair.
/// </summary>
public sealed class GuidanceThreadText(IStringLocalizer<GuidanceStrings> localizer)
{
    public string Step(RepairProcedure procedure, GuidanceStep step)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(step);
        var english = ProcedureCatalog.English;
        var definition = procedure.Step(step.StepId);
        var parts = new List<string>
        {
            Format("Thread_Step", procedure.Title.For(english), step.Sequence, definition?.Title.For(english) ?? step.StepId),
        };
        if (step.Answer is { } answer)
        {
            parts.Add(Format("Thread_Answer", definition?.Question?.For(english) ?? string.Empty, localizer[answer ? "Answer_Yes" : "Answer_No"].Value));
        }

        foreach (var reading in step.Readings)
        {
            var name = definition?.Readings.FirstOrDefault(m => m.Id == reading.MeasurementId)?.Name.For(english) ?? reading.Name;
            var value = Format("Thread_Reading", name, Number(reading.Value), reading.Unit);
            parts.Add(reading.OutOfLimit ? value + Format("Thread_OutOfLimit", Limits(reading)) : value);
        }

        if (step.PhotoIds.Count > 0)
        {
            parts.Add(Format("Thread_Photos", step.PhotoIds.Count));
        }

        if (step.Note is { } note)
        {
            parts.Add(note);
        }

        return string.Join(localizer["Thread_Separator"].Value, parts);
    }

    public string Message(string text) => Format("Thread_Message", text);

    /// <summary>The limits as the crew sees them: "198–235.4 V", "≥ 0.5 MΩ", "≤ 85 °C".</summary>
    public static string Limits(GuidanceReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return Limits(reading.Lower, reading.Upper, reading.Unit);
    }

    public static string Limits(double? lower, double? upper, string unit) => (lower, upper) switch
    {
        ({ } l, { } u) => $"{Number(l)}–{Number(u)} {unit}",
        ({ } l, null) => $"≥ {Number(l)} {unit}",
        (null, { } u) => $"≤ {Number(u)} {unit}",
        _ => string.Empty,
    };

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, localizer[key].Value, values);
}
