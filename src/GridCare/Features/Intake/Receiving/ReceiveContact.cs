using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.Classification;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Classification;
using GridCare.Features.Outages;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;

namespace GridCare.Features.Intake.Receiving;

/// <summary>A contact from any channel: who it is (any of account, phone, meter number, or nothing) and their words.</summary>
public sealed record ContactRequest(
    [property: Required] string? Channel,
    [property: Required, StringLength(128, MinimumLength = 1)] string? ExternalId,
    [property: Required, StringLength(8000, MinimumLength = 1)] string? Text,
    [property: StringLength(32)] string? AccountNumber = null,
    [property: StringLength(32)] string? Phone = null,
    [property: StringLength(64)] string? MeterNumber = null,
    string? Type = null,
    string? ComplaintClass = null,
    string? ServiceApplication = null,
    DateTimeOffset? OccurredAt = null);

/// <summary>
/// What became of a contact: the order it opened or joined, and — for a repair call from inside a known outage — that
/// outage with its ETR to tell the caller; then no new order is opened and <see cref="Order"/> is the outage's repair
/// order, or null when the outage has none (a planned outage).
/// </summary>
public sealed record ContactReceived(bool IsRepeat, WorkOrderSummary? Order, KnownOutage? Outage = null)
{
    /// <summary>What the classifier reads in the text (type, class, flags) for the agent to confirm or correct; null without a model.</summary>
    public ClassificationResponse? Suggestion { get; init; }
}

public abstract record ReceiveContactResult
{
    public sealed record Created(ContactReceived Contact) : ReceiveContactResult;

    public sealed record AlreadyReceived(ContactReceived Contact) : ReceiveContactResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : ReceiveContactResult;
}

/// <summary>
/// Takes a contact from any channel into one work order: identifies the customer (<see cref="IdentifyCallers"/>),
/// adds a repeat call to the customer's open order of the same type or opens a new order timed by the first matching
/// SLA policy (<see cref="TakeInContacts"/>). The same (channel, externalId) again answers with the order it made the
/// first time and changes nothing. Checked contacts are queued and saved in batches by <see cref="IntakeWriter"/>
/// (ADR 0011), so this handler only checks the request, stamps its time and waits for its batch to commit.
/// The answer carries the classifier's suggestion; a contact without a type takes the model's type when it is sure,
/// and the text's safety and escalation flags set a new order's priority. When the sender chose another type or class than the model's,
/// the batch stores a correction with the contact (learning data).
/// </summary>
public sealed class ReceiveContact(IntakeWriter writer, TimeProvider time, ActiveClassifier classifier)
{
    public async Task<ReceiveContactResult> HandleAsync(ContactRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new Dictionary<string, string[]>();
        var channel = ParseEnum<Channel>(request.Channel, "channel", errors);
        if (channel == Channel.Proactive)
        {
            errors["channel"] = ["'proactive' marks orders GridCare opens itself from network data; a contact comes in on a customer's channel."];
            channel = null;
        }

        var type = ParseEnum<WorkOrderType>(request.Type, "type", errors) ?? WorkOrderType.Inquiry;
        var complaintClass = ParseEnum<ComplaintClass>(request.ComplaintClass, "complaintClass", errors);
        var application = ParseEnum<ServiceApplicationKind>(request.ServiceApplication, "serviceApplication", errors);
        if (errors.Count > 0 || channel is not { } ch)
        {
            return new ReceiveContactResult.Invalid(errors);
        }

        var at = (request.OccurredAt ?? time.GetUtcNow()).UtcDateTime;
        var suggestion = classifier.Classify(request.Text);
        if (string.IsNullOrWhiteSpace(request.Type))
        {
            (type, complaintClass) = ModelReading(suggestion, complaintClass);
        }

        var pending = new PendingContact(request, ch, type, complaintClass, application, scope, at, cancellationToken)
        {
            Priority = PriorityOf(suggestion),
            Suggestion = suggestion,
        };
        var result = await writer.SubmitAsync(pending, cancellationToken);
        if (suggestion is null)
        {
            return result;
        }

        var response = ClassificationResponse.From(suggestion);
        return result switch
        {
            ReceiveContactResult.Created created => new ReceiveContactResult.Created(created.Contact with { Suggestion = response }),
            ReceiveContactResult.AlreadyReceived earlier => new ReceiveContactResult.AlreadyReceived(earlier.Contact with { Suggestion = response }),
            _ => result,
        };
    }

    /// <summary>
    /// A contact sent without a type (app, WeChat, SMS, transfers) takes the model's reading when the model is sure of
    /// it; an unsure reading, or a service application (whose kind the text does not give), stays an inquiry for an
    /// agent to type. A complaint class the sender gave wins over the model's.
    /// </summary>
    private static (WorkOrderType Type, ComplaintClass? ComplaintClass) ModelReading(ClassificationResult? suggestion, ComplaintClass? complaintClass) => suggestion switch
    {
        null or { NeedsReview: true } or { Type: WorkOrderType.ServiceApplication } => (WorkOrderType.Inquiry, complaintClass),
        { Type: WorkOrderType.Complaint } when (complaintClass ?? suggestion.ComplaintClass) is { } chosen => (WorkOrderType.Complaint, chosen),
        { Type: WorkOrderType.Complaint } => (WorkOrderType.Inquiry, null),
        _ => (suggestion.Type, complaintClass),
    };

    /// <summary>
    /// A safety hazard in the words (fallen wire, sparks, smoke, shock) makes a new order urgent whatever its type;
    /// an escalation risk or an important customer's supply makes it high. The flags are a lexicon, not the model, so
    /// they count even when the model is unsure.
    /// </summary>
    private static WorkOrderPriority PriorityOf(ClassificationResult? suggestion) => suggestion?.Flags.Select(f => f.Name).ToHashSet() switch
    {
        null => WorkOrderPriority.Normal,
        var flags when flags.Contains(FlagLexicon.UrgentSafetyHazard) => WorkOrderPriority.Urgent,
        var flags when flags.Contains(FlagLexicon.EscalationRisk) || flags.Contains(FlagLexicon.ImportantCustomerImpact) => WorkOrderPriority.High,
        _ => WorkOrderPriority.Normal,
    };

    private static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0]))
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        return null;
    }
}
