using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.WorkOrders;

/// <summary>The fields an action may need; each action reads only its own.</summary>
public sealed record ChangeWorkOrderRequest(
    int? OrgUnitId = null,
    string? Team = null,
    string? CauseCode = null,
    string? ResolutionCode = null,
    string? Reason = null,
    RevisitResult? Result = null,
    string? Comment = null,
    string? Text = null,
    bool CustomerVisible = false,
    string? TargetNumber = null,
    WorkOrderType? Type = null,
    ComplaintClass? ComplaintClass = null,
    ServiceApplicationKind? ServiceApplication = null);

public abstract record ChangeWorkOrderResult
{
    public sealed record Changed(WorkOrderDetail Order) : ChangeWorkOrderResult;

    public sealed record NotFound : ChangeWorkOrderResult;

    public sealed record Forbidden(string Reason) : ChangeWorkOrderResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : ChangeWorkOrderResult;

    public sealed record Refused(WorkOrderError Error) : ChangeWorkOrderResult;

    /// <summary>What to tell the person who asked, or null when the change was made.</summary>
    public string? Explain(string notFound) => this switch
    {
        Changed => null,
        Invalid invalid => string.Join(" ", invalid.Errors.SelectMany(e => e.Value)),
        Forbidden forbidden => forbidden.Reason,
        Refused refused => refused.Error.Message,
        _ => notFound,
    };
}

/// <summary>
/// One lifecycle action on an order (<c>POST /api/v1/work-orders/{number}/{action}</c>): the caller's role must be
/// one that takes that step, the order must be in the caller's units, and the aggregate decides whether the step is
/// legal now — an illegal one is refused with the actions that are allowed.
/// </summary>
public sealed class ChangeWorkOrder(AppDbContext db, SlaClock clock, SlaPolicies policies, TimeProvider time, IEnumerable<IWorkOrderChangeHandler> followUps)
{
    /// <summary>The URL names of the actions and the roles that take them.</summary>
    public static readonly IReadOnlyDictionary<string, StaffRole[]> Actions = new Dictionary<string, StaffRole[]>(StringComparer.Ordinal)
    {
        ["dispatch"] = [StaffRole.Dispatcher, StaffRole.Admin],
        ["merge"] = [StaffRole.Dispatcher, StaffRole.Admin],
        ["accept"] = [StaffRole.Crew, StaffRole.Dispatcher],
        ["arrive"] = [StaffRole.Crew, StaffRole.Dispatcher],
        ["resolve"] = [StaffRole.Crew, StaffRole.Dispatcher, StaffRole.Agent],
        ["start-revisit"] = [StaffRole.Agent, StaffRole.Admin],
        ["revisit"] = [StaffRole.Agent, StaffRole.Admin],
        ["close"] = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Admin],
        ["reopen"] = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Admin],
        ["cancel"] = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Admin],
        ["pause"] = [StaffRole.Agent, StaffRole.Dispatcher],
        ["resume"] = [StaffRole.Agent, StaffRole.Dispatcher],
        ["note"] = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Crew, StaffRole.Manager, StaffRole.Admin],
        ["reclassify"] = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Admin],
    };

    public async Task<ChangeWorkOrderResult> HandleAsync(string number, string action, ChangeWorkOrderRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Actions.TryGetValue(action, out var roles))
        {
            return new ChangeWorkOrderResult.NotFound();
        }

        var order = await db.WorkOrders.WithThread().FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return new ChangeWorkOrderResult.NotFound();
        }

        if (!roles.Any(scope.IsIn))
        {
            return new ChangeWorkOrderResult.Forbidden($"'{action}' is taken by {string.Join(", ", roles.Select(StaffRoles.NameOf))}.");
        }

        var errors = new Dictionary<string, string[]>();
        void Require(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"'{action}' needs {field}."];
            }
        }

        var context = new ChangeContext(scope.UserName, time.GetUtcNow().UtcDateTime, clock);
        WorkOrderError? refused = null;
        switch (action)
        {
            case "dispatch":
                Require(request.Team, "team");
                var unit = request.OrgUnitId ?? order.OrgUnitId;
                if (!scope.Sees(unit))
                {
                    errors["orgUnitId"] = [$"Org unit {unit} is not one of yours."];
                }

                if (errors.Count == 0)
                {
                    refused = order.Dispatch(unit, request.Team!, context);
                }

                break;
            case "merge":
                Require(request.TargetNumber, "targetNumber");
                var target = errors.Count == 0
                    ? await db.WorkOrders.WithThread().FirstOrDefaultAsync(w => w.Number == request.TargetNumber, cancellationToken)
                    : null;
                if (errors.Count == 0 && (target is null || !scope.Sees(target.OrgUnitId)))
                {
                    errors["targetNumber"] = [$"No work order {request.TargetNumber} in your units."];
                }

                if (errors.Count == 0)
                {
                    refused = order.MergeInto(target!, context);
                }

                break;
            case "resolve":
                Require(request.CauseCode, "causeCode");
                Require(request.ResolutionCode, "resolutionCode");
                if (errors.Count == 0)
                {
                    refused = order.Resolve(request.CauseCode!, request.ResolutionCode!, context);
                }

                break;
            case "revisit":
                if (request.Result is not { } result)
                {
                    errors["result"] = ["'revisit' needs result: satisfied, fairlySatisfied, neutral or unsatisfied."];
                }
                else
                {
                    refused = order.RecordRevisit(result, request.Comment, context);
                }

                break;
            case "reopen" or "cancel" or "pause":
                Require(request.Reason, "reason");
                if (errors.Count == 0)
                {
                    refused = action switch
                    {
                        "reopen" => order.Reopen(request.Reason!, context),
                        "cancel" => order.Cancel(request.Reason!, context),
                        _ => order.PauseClock(request.Reason!, context),
                    };
                }

                break;
            case "reclassify":
                if (request.Type is not { } newType)
                {
                    errors["type"] = ["'reclassify' needs type."];
                }
                else
                {
                    refused = order.Reclassify(newType, request.ComplaintClass, request.ServiceApplication, policies.Current, context);
                    var field = refused?.Code switch
                    {
                        WorkOrderErrorCode.ComplaintClassRequired or WorkOrderErrorCode.ComplaintClassNotAllowed => "complaintClass",
                        WorkOrderErrorCode.ServiceApplicationRequired or WorkOrderErrorCode.ServiceApplicationNotAllowed => "serviceApplication",
                        _ => null,
                    };
                    if (field is not null)
                    {
                        errors[field] = [refused!.Message];
                        refused = null;
                    }
                }

                break;
            case "note":
                Require(request.Text, "text");
                if (errors.Count == 0)
                {
                    var kind = scope.IsIn(StaffRole.Crew) ? EntryKind.CrewReport : EntryKind.AgentNote;
                    refused = order.AddNote(kind, request.Text!, request.CustomerVisible, context);
                }

                break;
            default:
                refused = action switch
                {
                    "accept" => order.Accept(context),
                    "arrive" => order.Arrive(context),
                    "start-revisit" => order.StartRevisit(context),
                    "close" => order.Close(request.Reason, context),
                    _ => order.ResumeClock(context),
                };
                break;
        }

        if (errors.Count > 0)
        {
            return new ChangeWorkOrderResult.Invalid(errors);
        }

        if (refused is not null)
        {
            return new ChangeWorkOrderResult.Refused(refused);
        }

        foreach (var followUp in followUps)
        {
            await followUp.OnChangedAsync(order, context, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ChangeWorkOrderResult.Changed(order.ToDetail());
    }
}
