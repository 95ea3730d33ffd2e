namespace GridCare.Domain.RepairGuidance;

/// <summary>A text in both languages of the service; the English one falls back to Chinese when missing.</summary>
public sealed record LocalText(string Zh, string? En)
{
    public string For(bool english) => english && !string.IsNullOrWhiteSpace(En) ? En : Zh;
}

/// <summary>What the crew does at a step; safety steps come first in every procedure.</summary>
public enum GuidanceStepKind
{
    /// <summary>验电、挂接地线、警示围栏: done and confirmed before anything is touched.</summary>
    Safety,

    /// <summary>A visual or functional check the crew confirms.</summary>
    Check,

    /// <summary>Readings to record, each with its unit and limits.</summary>
    Measurement,

    /// <summary>Photos to attach before the step counts as done.</summary>
    Photo,

    /// <summary>A yes/no question whose answer selects the next step.</summary>
    Decision,

    /// <summary>Restoring supply and handing the site back.</summary>
    Restore,
}

/// <summary>A reading to record; a value outside [Lower, Upper] is flagged, never refused — the crew saw it.</summary>
public sealed record MeasurementSpec(string Id, LocalText Name, string Unit, double? Lower, double? Upper)
{
    public bool IsWithin(double value) => (Lower is null || value >= Lower) && (Upper is null || value <= Upper);
}

/// <summary>
/// One step of a procedure. <see cref="Next"/> overrides the following step (<c>end</c> finishes the procedure);
/// a decision goes to <see cref="Yes"/> or <see cref="No"/>.
/// </summary>
public sealed record ProcedureStep(
    string Id,
    GuidanceStepKind Kind,
    LocalText Title,
    LocalText Text,
    IReadOnlyList<MeasurementSpec>? Measurements = null,
    int Photos = 0,
    LocalText? Question = null,
    string? Yes = null,
    string? No = null,
    string? Next = null)
{
    public IReadOnlyList<MeasurementSpec> Readings => Measurements ?? [];
}

/// <summary>
/// A guided repair procedure for one fault type. <see cref="Code"/> is the fault type in the cause-code vocabulary
/// the crew resolves repair orders with (<c>low-voltage-line-fault</c>, <c>meter-fault</c>, …), so the procedure a
/// crew followed and the cause they report name the same fault.
/// </summary>
public sealed record RepairProcedure(string Code, LocalText Title, LocalText Summary, IReadOnlyList<ProcedureStep> Steps)
{
    public const string End = "end";

    public ProcedureStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);

    public int IndexOf(string id) => Steps.ToList().FindIndex(s => s.Id == id);

    /// <summary>The step after <paramref name="step"/>, given the answer of a decision; null when the procedure ends.</summary>
    public string? NextAfter(ProcedureStep step, bool? answer)
    {
        ArgumentNullException.ThrowIfNull(step);
        var target = step.Kind == GuidanceStepKind.Decision ? (answer == true ? step.Yes : step.No) : step.Next;
        if (target is not null)
        {
            return target == End ? null : target;
        }

        var index = IndexOf(step.Id);
        return index + 1 < Steps.Count ? Steps[index + 1].Id : null;
    }

    /// <summary>What is wrong with the definition itself; a shipped procedure must have none (a test reads them all).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Steps.Count == 0 || Steps[0].Kind != GuidanceStepKind.Safety)
        {
            problems.Add($"{Code}: the first step must be a safety step.");
        }

        var firstOther = Steps.ToList().FindIndex(s => s.Kind != GuidanceStepKind.Safety);
        if (firstOther >= 0 && Steps.Skip(firstOther).Any(s => s.Kind == GuidanceStepKind.Safety))
        {
            problems.Add($"{Code}: safety steps come before all others.");
        }

        foreach (var duplicate in Steps.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{Code}: step id '{duplicate.Key}' is used twice.");
        }

        foreach (var step in Steps)
        {
            var targets = new[] { step.Yes, step.No, step.Next }.Where(t => t is not null && t != End);
            problems.AddRange(targets.Where(t => Step(t!) is null).Select(t => $"{Code}/{step.Id}: no step '{t}'."));
            if (step.Kind == GuidanceStepKind.Decision && (step.Question is null || step.Yes is null || step.No is null))
            {
                problems.Add($"{Code}/{step.Id}: a decision needs a question, yes and no.");
            }

            if (step.Kind == GuidanceStepKind.Measurement && step.Readings.Count == 0)
            {
                problems.Add($"{Code}/{step.Id}: a measurement step needs measurements.");
            }

            problems.AddRange(step.Readings.Where(m => m.Lower > m.Upper).Select(m => $"{Code}/{step.Id}/{m.Id}: lower limit above upper."));
        }

        return problems;
    }
}
