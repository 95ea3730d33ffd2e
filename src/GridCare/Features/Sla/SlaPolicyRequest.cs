using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Sla;

/// <summary>Which orders a policy applies to; each criterion left out (null) means any value.</summary>
public sealed record SlaConditionRequest(
    string? Type = null,
    string? ComplaintClass = null,
    string? ServiceApplication = null,
    string? AreaType = null,
    bool? ImportantCustomer = null,
    bool? SensitiveCustomer = null,
    string? Channel = null);

/// <summary>
/// One time limit: <c>kind</c> firstContact, arrival, resolution or reply; <c>clock</c> wallClock (amount in
/// minutes) or workingDays (amount in working days); <c>startsAt</c> received (default) or arrived.
/// </summary>
public sealed record SlaTargetRequest(string? Kind, string? Clock, int Amount, string? StartsAt = null);

/// <summary>
/// A policy to create or replace: <c>name</c> and <c>englishName</c> (1–100 characters), <c>order</c> (0–100000, breaks
/// ties between equally specific policies), <c>enabled</c>, the <c>condition</c> and 1–4 <c>targets</c>;
/// <c>version</c> is required to replace one and must be the current one. Every field is checked by
/// <see cref="ToPolicy"/>, so one answer names every bad field.
/// </summary>
public sealed record SlaPolicyRequest(
    string? Name,
    string? EnglishName,
    int Order = 0,
    bool Enabled = true,
    SlaConditionRequest? Condition = null,
    IReadOnlyList<SlaTargetRequest>? Targets = null,
    int? Version = null)
{
    /// <summary>A year of minutes: longer wall-clock limits are typing mistakes.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    /// <summary>A year of working days.</summary>
    public const int MaxWorkingDays = 250;

    /// <summary>
    /// Checks the request field by field and builds the domain policy; errors are keyed by the JSON path of the
    /// field (<c>condition.complaintClass</c>, <c>targets[1].amount</c>) for the problem details.
    /// </summary>
    public SlaPolicy? ToPolicy(Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            errors["name"] = ["The Chinese name is required, at most 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(EnglishName) || EnglishName.Trim().Length > 100)
        {
            errors["englishName"] = ["The English name is required, at most 100 characters."];
        }

        if (Order is < 0 or > 100_000)
        {
            errors["order"] = ["The order is 0 to 100000."];
        }

        var condition = ToCondition(Condition ?? new SlaConditionRequest(), errors);
        var targets = ToTargets(condition, errors);
        return errors.Count == 0
            ? SlaPolicy.Create(Name!.Trim(), EnglishName!.Trim(), Order, condition, targets.OrderBy(t => t.Kind))
            : null;
    }

    private static SlaCondition ToCondition(SlaConditionRequest request, Dictionary<string, string[]> errors)
    {
        var condition = new SlaCondition(
            Parse<WorkOrderType>(request.Type, "condition.type", errors),
            Parse<ComplaintClass>(request.ComplaintClass, "condition.complaintClass", errors),
            Parse<ServiceApplicationKind>(request.ServiceApplication, "condition.serviceApplication", errors),
            Parse<AreaType>(request.AreaType, "condition.areaType", errors),
            request.ImportantCustomer,
            request.SensitiveCustomer,
            Parse<Channel>(request.Channel, "condition.channel", errors));

        // Only complaints have a class and only service applications a kind: a condition that names one without the
        // type would look less specific than it is.
        if (condition.ComplaintClass is not null && condition.Type != WorkOrderType.Complaint)
        {
            errors["condition.complaintClass"] = ["A complaint class needs type complaint."];
        }

        if (condition.ServiceApplication is not null && condition.Type != WorkOrderType.ServiceApplication)
        {
            errors["condition.serviceApplication"] = ["A service application kind needs type serviceApplication."];
        }

        return condition;
    }

    private List<SlaTarget> ToTargets(SlaCondition condition, Dictionary<string, string[]> errors)
    {
        var targets = new List<SlaTarget>();
        if (Targets is not { Count: > 0 })
        {
            errors["targets"] = ["A policy needs at least one target."];
            return targets;
        }

        var kinds = new HashSet<SlaTargetKind>();
        for (var i = 0; i < Targets.Count; i++)
        {
            var path = $"targets[{i}]";
            var request = Targets[i];
            if (request is null)
            {
                errors[path] = ["A target is required."];
                continue;
            }

            var kind = Parse<SlaTargetKind>(request.Kind, $"{path}.kind", errors, required: true);
            var clock = Parse<SlaClockKind>(request.Clock, $"{path}.clock", errors, required: true);
            var startsAt = Parse<SlaClockStart>(request.StartsAt, $"{path}.startsAt", errors) ?? SlaClockStart.Received;
            var max = clock == SlaClockKind.WorkingDays ? MaxWorkingDays : MaxMinutes;
            if (request.Amount < 1 || request.Amount > max)
            {
                errors[$"{path}.amount"] = [$"The amount is 1 to {max} {(clock == SlaClockKind.WorkingDays ? "working days" : "minutes")}."];
            }

            if (kind is { } k && !kinds.Add(k))
            {
                errors[$"{path}.kind"] = [$"There is already a {Camel(k.ToString())} target."];
            }

            // Only a repair has an arrival, so only a repair's other targets can be counted from it.
            if (startsAt == SlaClockStart.Arrived && (kind == SlaTargetKind.Arrival || condition.Type != WorkOrderType.Repair))
            {
                errors[$"{path}.startsAt"] = ["Only the targets of a repair policy other than arrival can start at arrival."];
            }

            if (kind is { } validKind && clock is { } validClock && request.Amount >= 1 && request.Amount <= max)
            {
                targets.Add(validClock == SlaClockKind.WallClock
                    ? SlaTarget.WallClock(validKind, request.Amount, startsAt)
                    : SlaTarget.WorkingDays(validKind, request.Amount, startsAt));
            }
        }

        return targets;
    }

    private static TEnum? Parse<TEnum>(string? value, string field, Dictionary<string, string[]> errors, bool required = false)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = [$"Required: one of {Names<TEnum>()}."];
            }

            return null;
        }

        if (!char.IsDigit(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not one of {Names<TEnum>()}."];
        return null;
    }

    private static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(Camel));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
