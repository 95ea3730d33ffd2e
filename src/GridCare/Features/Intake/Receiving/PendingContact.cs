using GridCare.Analytics.Classification;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// A checked contact waiting in the <see cref="IntakeWriter"/>: the request with its parsed values, the scope of
/// the caller who sent it, the instant it counts as received, and the answer its batch completes.
/// </summary>
public sealed class PendingContact(
    ContactRequest request,
    Channel channel,
    WorkOrderType type,
    ComplaintClass? complaintClass,
    ServiceApplicationKind? application,
    StaffScope scope,
    DateTime atUtc,
    CancellationToken cancellationToken = default)
{
    private readonly TaskCompletionSource<ReceiveContactResult> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ContactRequest Request { get; } = request;

    public Channel Channel { get; } = channel;

    public string ExternalId { get; } = request.ExternalId!;

    public WorkOrderType Type { get; } = type;

    public ComplaintClass? ComplaintClass { get; } = complaintClass;

    public ServiceApplicationKind? Application { get; } = application;

    public StaffScope Scope { get; } = scope;

    public DateTime AtUtc { get; } = atUtc;

    /// <summary>The priority a new order from this contact gets (from the text's safety and escalation flags).</summary>
    public WorkOrderPriority Priority { get; init; }

    /// <summary>
    /// What the classifier read in the text, when a model is loaded. Where the sender chose another type or class, the
    /// batch that takes the contact in records the difference as a correction (learning data) in its own transaction.
    /// </summary>
    public ClassificationResult? Suggestion { get; init; }

    /// <summary>The sender gave up waiting (request aborted) before its batch began; it is left out.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<ReceiveContactResult> Answer => answer.Task;

    public (Channel, string) MessageKey => (Channel, ExternalId);

    public void Complete(ReceiveContactResult result) => answer.TrySetResult(result);

    public void Fail(Exception exception) => answer.TrySetException(exception);

    public void Cancel() => answer.TrySetCanceled(CancellationToken);
}
