namespace GridCare.Domain.RepairGuidance;

/// <summary>A reading as recorded, with the name, unit and limits it was taken against.</summary>
public sealed record GuidanceReading(string MeasurementId, string Name, string Unit, double Value, double? Lower, double? Upper, bool OutOfLimit);

/// <summary>A completed step as the crew's phone reports it; <see cref="ClientId"/> is made on the phone.</summary>
public sealed record StepReport(
    Guid ClientId, int Sequence, string StepId, DateTime CompletedAtUtc, bool? Answer, IReadOnlyList<(string MeasurementId, double Value)> Readings,
    IReadOnlyList<Guid> PhotoIds, string? Note);

/// <summary>
/// One step a crew completed on an order. The phone's id is the idempotency key: a queue replayed after a lost
/// answer finds its steps already here. <see cref="Sequence"/> is the order in which the crew completed them on the
/// phone, which is the step order whatever order the requests arrive in.
/// </summary>
public sealed class GuidanceStep
{
    private readonly List<GuidanceReading> readings = [];
    private readonly List<Guid> photoIds = [];

    private GuidanceStep()
    {
        StepId = string.Empty;
        ProcedureCode = string.Empty;
        CrewMember = string.Empty;
    }

    public long Id { get; private set; }

    public long WorkOrderId { get; private set; }

    public Guid ClientId { get; private set; }

    public string ProcedureCode { get; private set; }

    public string StepId { get; private set; }

    public int Sequence { get; private set; }

    public bool? Answer { get; private set; }

    public string? Note { get; private set; }

    /// <summary>When the crew completed it, by the phone's clock (shown as reported).</summary>
    public DateTime CompletedAt { get; private set; }

    /// <summary>When it reached the server: after a dead spot this is minutes or hours later.</summary>
    public DateTime ReceivedAt { get; private set; }

    public string CrewMember { get; private set; }

    public bool OutOfLimit { get; private set; }

    public IReadOnlyList<GuidanceReading> Readings => readings;

    public IReadOnlyList<Guid> PhotoIds => photoIds;

    /// <summary>
    /// The problems of a report against its procedure, keyed by the report's field: an unknown step, a missing or
    /// unknown reading, a decision without an answer, fewer photos than the step asks for.
    /// </summary>
    public static Dictionary<string, string> Check(RepairProcedure procedure, StepReport report)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(report);
        var errors = new Dictionary<string, string>();
        if (report.ClientId == Guid.Empty)
        {
            errors["clientId"] = "Each step needs the id the phone gave it.";
        }

        if (report.Sequence < 1)
        {
            errors["sequence"] = "The sequence counts from 1.";
        }

        if (procedure.Step(report.StepId) is not { } step)
        {
            errors["stepId"] = $"Procedure {procedure.Code} has no step '{report.StepId}'.";
            return errors;
        }

        for (var i = 0; i < report.Readings.Count; i++)
        {
            var (id, value) = report.Readings[i];
            if (step.Readings.All(m => m.Id != id))
            {
                errors[$"readings[{i}].measurement"] = $"Step {step.Id} records no '{id}'.";
            }
            else if (!double.IsFinite(value))
            {
                errors[$"readings[{i}].value"] = "A reading is a number.";
            }
        }

        foreach (var missing in step.Readings.Where(m => report.Readings.All(r => r.MeasurementId != m.Id)))
        {
            errors["readings"] = $"Step {step.Id} needs the reading '{missing.Id}' ({missing.Unit}).";
        }

        if (step.Kind == GuidanceStepKind.Decision && report.Answer is null)
        {
            errors["answer"] = $"Step {step.Id} is a decision and needs a yes or no answer.";
        }

        if (report.PhotoIds.Distinct().Count() < step.Photos)
        {
            errors["photoIds"] = $"Step {step.Id} needs {step.Photos} photo(s).";
        }

        return errors;
    }

    /// <summary>Records a report that <see cref="Check"/> passed; readings outside their limits are flagged.</summary>
    public static GuidanceStep Record(long workOrderId, RepairProcedure procedure, StepReport report, string crewMember, DateTime receivedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(report);
        DomainRuleException.ThrowIfBlank(crewMember, "crew member");
        var step = procedure.Step(report.StepId) ?? throw new DomainRuleException($"No step {report.StepId} in {procedure.Code}.");
        var recorded = new GuidanceStep
        {
            WorkOrderId = workOrderId,
            ClientId = report.ClientId,
            ProcedureCode = procedure.Code,
            StepId = step.Id,
            Sequence = report.Sequence,
            Answer = step.Kind == GuidanceStepKind.Decision ? report.Answer : null,
            Note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim(),
            CompletedAt = report.CompletedAtUtc,
            ReceivedAt = receivedAtUtc,
            CrewMember = crewMember,
        };
        foreach (var spec in step.Readings)
        {
            var value = report.Readings.First(r => r.MeasurementId == spec.Id).Value;
            recorded.readings.Add(new GuidanceReading(spec.Id, spec.Name.Zh, spec.Unit, value, spec.Lower, spec.Upper, !spec.IsWithin(value)));
        }

        recorded.photoIds.AddRange(report.PhotoIds.Distinct());
        recorded.OutOfLimit = recorded.readings.Any(r => r.OutOfLimit);
        return recorded;
    }
}
