using GridCare.Domain.RepairGuidance;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.RepairGuidance;

public sealed record MeasurementResponse(string Id, string Name, string Unit, double? Lower, double? Upper);

public sealed record ProcedureStepResponse(
    string Id, GuidanceStepKind Kind, string Title, string Text, IReadOnlyList<MeasurementResponse> Measurements, int Photos, string? Question,
    string? Yes, string? No, string? Next);

/// <summary>A procedure in the caller's language (zh-CN unless English was chosen).</summary>
public sealed record ProcedureResponse(string Code, string Title, string Summary, IReadOnlyList<ProcedureStepResponse> Steps)
{
    public static ProcedureResponse From(RepairProcedure procedure, bool english)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return new ProcedureResponse(
            procedure.Code,
            procedure.Title.For(english),
            procedure.Summary.For(english),
            [.. procedure.Steps.Select(s => new ProcedureStepResponse(
                s.Id, s.Kind, s.Title.For(english), s.Text.For(english),
                [.. s.Readings.Select(m => new MeasurementResponse(m.Id, m.Name.For(english), m.Unit, m.Lower, m.Upper))],
                s.Photos, s.Question?.For(english), s.Yes, s.No, s.Next))]);
    }
}

public sealed record ProcedureSummaryResponse(string Code, string Title, string Summary, int Steps, int Measurements, int Photos, int Decisions);

public sealed record GuidanceStepResponse(
    Guid ClientId, int Sequence, string StepId, string Title, bool? Answer, IReadOnlyList<GuidanceReading> Readings, IReadOnlyList<Guid> PhotoIds,
    string? Note, bool OutOfLimit, DateTime CompletedAt, DateTime ReceivedAt, string CrewMember);

public sealed record GuidanceMessageResponse(long Id, DateTime SentAt, string Author, string Text);

/// <summary>
/// An order's guidance as the crew's phone and the dispatcher's view read it: the procedure (null until chosen),
/// the steps done in step order, the next step, and the guidance messages.
/// </summary>
public sealed record GuidanceResponse(
    string Number, WorkOrderStatus Status, ProcedureResponse? Procedure, DateTime? StartedAt, string? StartedBy, IReadOnlyList<GuidanceStepResponse> Steps,
    string? NextStepId, bool Finished, IReadOnlyList<GuidanceMessageResponse> Messages);

public sealed record GuidanceReadingRequest(string? Measurement, double? Value);

/// <summary>A completed step from the phone's queue; <see cref="ClientId"/> makes a replay harmless.</summary>
public sealed record GuidanceStepRequest(
    Guid? ClientId, int? Sequence, string? StepId, DateTime? CompletedAt, bool? Answer, IReadOnlyList<GuidanceReadingRequest>? Readings,
    IReadOnlyList<Guid>? PhotoIds, string? Note);

public sealed record SyncGuidanceStepsRequest(string? Procedure, IReadOnlyList<GuidanceStepRequest>? Steps);

/// <summary>Which of the posted steps were stored now and which were already there; the phone drops both from its queue.</summary>
public sealed record SyncGuidanceStepsResponse(IReadOnlyList<Guid> Stored, IReadOnlyList<Guid> AlreadyStored, int StepsDone);

public sealed record GuidanceMessageRequest(string? Text);
