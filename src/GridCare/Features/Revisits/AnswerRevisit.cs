using System.ComponentModel.DataAnnotations;
using GridCare.Domain.Revisits;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Intake.Receiving;
using GridCare.Features.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Revisits;

/// <summary>
/// An answer as posted: the result, a comment, and for an unsatisfied answer what follows — <c>reopen</c> (the
/// default: the problem is not solved) or <c>complaint</c> (the service was the problem; <c>complaintClass</c>
/// defaults to <c>service</c>).
/// </summary>
public sealed record RevisitAnswerRequest(
    [property: Required] string? Result,
    [property: StringLength(AnswerRevisit.MaxCommentLength)] string? Comment = null,
    string? FollowUp = null,
    string? ComplaintClass = null);

/// <summary>Who answers: the actor on the order's history, how the answer came, and the scope intake files a complaint in.</summary>
public sealed record RevisitAnswerer(string Actor, RevisitSource Source, Channel Channel, StaffScope IntakeScope);

public abstract record AnswerRevisitResult
{
    public sealed record Answered(RevisitTaskResponse Task, WorkOrderStatus OrderStatus) : AnswerRevisitResult;

    public sealed record NotFound : AnswerRevisitResult;

    /// <summary>Answered, cancelled, or the link used or expired: nothing to answer any more.</summary>
    public sealed record NotOpen(string Reason) : AnswerRevisitResult;

    public sealed record Forbidden(string Reason) : AnswerRevisitResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : AnswerRevisitResult;
}

/// <summary>
/// Takes the answer to a revisit, from an agent, the portal or the SMS link: records it on the task and on the order,
/// which closes — or, when unsatisfied, goes back to Received, or closes with a linked complaint taken in through
/// intake (routed and timed like any complaint).
/// </summary>
public sealed class AnswerRevisit(AppDbContext db, SlaClock clock, TimeProvider time, IServiceScopeFactory services, RevisitMessages messages)
{
    public const int MaxCommentLength = 1000;

    /// <summary>Who records answers: agents, who call customers, and administrators.</summary>
    public static readonly StaffRole[] Answerers = [StaffRole.Agent, StaffRole.Admin];

    /// <summary>An agent records the answer of a task in their units (they called the customer on the hotline).</summary>
    public async Task<AnswerRevisitResult> ByAgentAsync(long id, RevisitAnswerRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Answerers.Any(scope.IsIn))
        {
            return new AnswerRevisitResult.Forbidden($"Revisits are recorded by {string.Join(", ", Answerers.Select(StaffRoles.NameOf))}.");
        }

        var task = await db.Set<RevisitTask>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !scope.Sees(task.OrgUnitId))
        {
            return new AnswerRevisitResult.NotFound();
        }

        return await HandleAsync(task, request, new RevisitAnswerer(scope.UserName, RevisitSource.Agent, Channel.Hotline, scope), cancellationToken);
    }

    /// <summary>
    /// The customer answers for an order they proved is theirs (the portal's number and phone). An order that entered
    /// its revisit before revisit tasks existed gets its task now.
    /// </summary>
    public async Task<AnswerRevisitResult> ForOrderAsync(long orderId, RevisitAnswerRequest request, RevisitAnswerer answerer, CancellationToken cancellationToken)
    {
        var task = await db.Set<RevisitTask>().FirstOrDefaultAsync(t => t.WorkOrderId == orderId && t.Status == RevisitTaskStatus.Open, cancellationToken);
        if (task is null)
        {
            var order = await db.WorkOrders.AsNoTracking().FirstAsync(w => w.Id == orderId, cancellationToken);
            if (order.Status != WorkOrderStatus.Revisit)
            {
                return new AnswerRevisitResult.NotOpen($"{order.Number} is {order.Status}, not awaiting a revisit.");
            }

            task = RevisitTask.Open(order, time.GetUtcNow().UtcDateTime, TimeSpan.Zero);
            db.Add(task);
        }

        return await HandleAsync(task, request, answerer, cancellationToken);
    }

    public async Task<AnswerRevisitResult> HandleAsync(RevisitTask task, RevisitAnswerRequest request, RevisitAnswerer answerer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answerer);
        var errors = new Dictionary<string, string[]>();
        var result = ApiEnums.Parse<RevisitResult>(request.Result, "result", errors);
        if (request.Result is null)
        {
            errors["result"] = ["The result is required: satisfied, fairlySatisfied, neutral or unsatisfied."];
        }

        var requested = ApiEnums.Parse<RevisitFollowUp>(request.FollowUp, "followUp", errors);
        var complaintClass = ApiEnums.Parse<ComplaintClass>(request.ComplaintClass, "complaintClass", errors) ?? ComplaintClass.Service;
        if (request.Comment is { Length: > MaxCommentLength })
        {
            errors["comment"] = [$"The comment has at most {MaxCommentLength} characters."];
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (task.Status != RevisitTaskStatus.Open)
        {
            return new AnswerRevisitResult.NotOpen($"The revisit of {task.WorkOrderNumber} is already {task.Status}.");
        }

        if (answerer.Source == RevisitSource.SmsLink && !task.LinkIsValid(now))
        {
            return new AnswerRevisitResult.NotOpen("The link has expired.");
        }

        var order = await db.WorkOrders.WithThread().FirstAsync(w => w.Id == task.WorkOrderId, cancellationToken);
        var followUp = result == RevisitResult.Unsatisfied ? requested ?? RevisitFollowUp.Reopen : (RevisitFollowUp?)null;
        if (followUp == RevisitFollowUp.Complaint && order.CustomerId is null)
        {
            errors["followUp"] = ["A complaint needs the order's customer; this order's customer is not identified."];
        }

        if (errors.Count > 0)
        {
            return new AnswerRevisitResult.Invalid(errors);
        }

        if (order.Status != WorkOrderStatus.Revisit)
        {
            return new AnswerRevisitResult.NotOpen($"{order.Number} is {order.Status}, not awaiting a revisit.");
        }

        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var context = new ChangeContext(answerer.Actor, now, clock, answerer.Channel);
        string? complaint = null;
        if (followUp == RevisitFollowUp.Complaint)
        {
            complaint = await OpenComplaintAsync(task, order, comment, complaintClass, answerer, cancellationToken);
        }

        var refused = complaint is null
            ? order.RecordRevisit(result!.Value, comment, context)
            : order.RecordRevisitAsComplaint(comment, complaint, context);
        if (refused is not null)
        {
            return new AnswerRevisitResult.NotOpen(refused.Message);
        }

        task.Answer(new RevisitAnswer(result!.Value, comment, answerer.Actor, answerer.Source, followUp, complaint), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered at the same moment elsewhere (the link posted twice, or an agent and the customer at once).
            return new AnswerRevisitResult.NotOpen($"The revisit of {task.WorkOrderNumber} was answered meanwhile.");
        }

        return new AnswerRevisitResult.Answered(task.ToResponse(customerName: null, phone: null, now), order.Status);
    }

    /// <summary>
    /// The complaint goes through intake like any contact, in its own scope and save, with the task as its message
    /// id: a retry after a failed save finds the complaint it already made instead of opening a second one.
    /// </summary>
    private async Task<string> OpenComplaintAsync(
        RevisitTask task, WorkOrder order, string? comment, ComplaintClass complaintClass, RevisitAnswerer answerer, CancellationToken cancellationToken)
    {
        var account = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => c.AccountNumber).FirstAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReceiveContact>();
        var contact = new ContactRequest(
            Channel: answerer.Channel.ToString(),
            ExternalId: $"revisit-{task.Id}",
            Text: messages.Complaint(order.Number, comment),
            AccountNumber: account,
            Type: nameof(WorkOrderType.Complaint),
            ComplaintClass: complaintClass.ToString());
        return await intake.HandleAsync(contact, answerer.IntakeScope, cancellationToken) switch
        {
            ReceiveContactResult.Created created => created.Contact.Order!.Number, // a complaint is never linked to an outage
            ReceiveContactResult.AlreadyReceived earlier => earlier.Contact.Order!.Number,
            var refused => throw new InvalidOperationException($"Intake refused the complaint of an unsatisfied revisit: {refused}"),
        };
    }
}
