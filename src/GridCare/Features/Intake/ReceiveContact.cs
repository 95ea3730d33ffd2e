using System.ComponentModel.DataAnnotations;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.RoutingRules;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Intake;

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

public sealed record ContactReceived(bool IsRepeat, WorkOrderSummary Order);

public abstract record ReceiveContactResult
{
    public sealed record Created(ContactReceived Contact) : ReceiveContactResult;

    public sealed record AlreadyReceived(ContactReceived Contact) : ReceiveContactResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : ReceiveContactResult;
}

/// <summary>
/// Takes a contact from any channel into one work order: identifies the customer, adds a repeat call to the
/// customer's open order of the same type, or opens a new order timed by the first matching SLA policy. The same
/// (channel, externalId) again answers with the order it made the first time and changes nothing.
/// </summary>
public sealed class ReceiveContact(
    AppDbContext db,
    IDbContextFactory<AppDbContext> dbFactory,
    StaffScopeResolver scopes,
    SlaClock clock,
    SlaPolicies policies,
    RouteWorkOrder routing,
    IOptions<WorkOrdersOptions> options,
    TimeProvider time)
{
    private const int MaxAttempts = 10;

    public async Task<ReceiveContactResult> HandleAsync(ContactRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new Dictionary<string, string[]>();
        var channel = ParseEnum<Channel>(request.Channel, "channel", errors);
        var type = ParseEnum<WorkOrderType>(request.Type, "type", errors) ?? WorkOrderType.Inquiry;
        var complaintClass = ParseEnum<ComplaintClass>(request.ComplaintClass, "complaintClass", errors);
        var application = ParseEnum<ServiceApplicationKind>(request.ServiceApplication, "serviceApplication", errors);
        if (errors.Count > 0 || channel is not { } ch)
        {
            return new ReceiveContactResult.Invalid(errors);
        }

        // Two contacts for the same open order at once: the second to save finds the order changed under it
        // (its version moved), reads it again and adds its contact to the new state.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TakeInAsync(request, scope, ch, type, complaintClass, application, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // A burst of calls about one outage can collide repeatedly; a short random pause spreads the retries.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * attempt)), time, cancellationToken);
            }
        }
    }

    private async Task<ReceiveContactResult> TakeInAsync(
        ContactRequest request, StaffScope scope, Channel ch, WorkOrderType type, ComplaintClass? complaintClass, ServiceApplicationKind? application,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(ch, request.ExternalId!, cancellationToken) is { } earlier)
        {
            return new ReceiveContactResult.AlreadyReceived(earlier);
        }

        var at = (request.OccurredAt ?? time.GetUtcNow()).UtcDateTime;
        var (customer, candidates) = await IdentifyAsync(request, scope, cancellationToken);
        var context = new ChangeContext(scope.UserName, at, clock, ch);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = customer is null ? null : await db.WorkOrders
            .Where(w => w.CustomerId == customer.Id && w.Type == type && w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled)
            .OrderByDescending(w => w.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var isRepeat = open is not null && open.IsRepeatContact(customer!.Id, type, at, TimeSpan.FromHours(options.Value.RepeatWindowHours));
        WorkOrder order;
        if (isRepeat)
        {
            order = open!;
            if (order.AddContact(request.Text!, context) is { } refused)
            {
                throw new InvalidOperationException($"An open order refused a contact: {refused.Message}");
            }
        }
        else
        {
            var orgUnitId = customer?.OrgUnitId ?? scope.OrgUnitId;
            var prefix = (await scopes.TreeAsync(cancellationToken)).OrderPrefixOf(orgUnitId);
            var intake = new WorkOrderIntake(await WorkOrderNumbers.NextAsync(db, prefix, at, cancellationToken), type, ch, at, orgUnitId, scope.UserName, request.Text!)
            {
                ComplaintClass = complaintClass,
                ServiceApplication = application,
                Customer = customer is null ? null : CustomerFacts.Of(customer),
                CandidateCustomerIds = candidates,
                ExternalId = request.ExternalId,
            };
            var received = WorkOrder.Receive(intake, policies.Current, clock);
            if (received.Error is { } error)
            {
                return new ReceiveContactResult.Invalid(new Dictionary<string, string[]> { [FieldOf(error.Code)] = [error.Message] });
            }

            order = received.Order!;
            await routing.HandleAsync(order, context, cancellationToken);
            db.WorkOrders.Add(order);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Contacts.Add(Contact.Record(ch, request.ExternalId!, at, request.AccountNumber, request.Phone, request.MeterNumber, request.Text!, customer?.Id, order.Id, isRepeat));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            // The same message arrived twice at once and the other request saved first: answer with its order.
            await transaction.RollbackAsync(CancellationToken.None);
            if (await FindAsync(ch, request.ExternalId!, CancellationToken.None) is { } raced)
            {
                return new ReceiveContactResult.AlreadyReceived(raced);
            }

            throw;
        }

        return new ReceiveContactResult.Created(new ContactReceived(isRepeat, order.ToSummary()));
    }

    private async Task<ContactReceived?> FindAsync(Channel channel, string externalId, CancellationToken cancellationToken)
    {
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await fresh.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Channel == channel && c.ExternalId == externalId, cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var order = await fresh.WorkOrders.AsNoTracking().FirstAsync(w => w.Id == contact.WorkOrderId, cancellationToken);
        return new ContactReceived(contact.IsRepeat, order.ToSummary());
    }

    /// <summary>Exact account or meter number identify one customer; a phone may match several, kept as candidates.</summary>
    private async Task<(Customer? Customer, IReadOnlyList<long> Candidates)> IdentifyAsync(ContactRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        var visible = scope.VisibleOrgUnitIds.ToList();
        var customers = db.Customers.AsNoTracking().Where(c => visible.Contains(c.OrgUnitId));
        if (!string.IsNullOrWhiteSpace(request.AccountNumber)
            && await customers.FirstOrDefaultAsync(c => c.AccountNumber == request.AccountNumber.Trim(), cancellationToken) is { } byAccount)
        {
            return (byAccount, []);
        }

        if (!string.IsNullOrWhiteSpace(request.MeterNumber))
        {
            var meter = request.MeterNumber.Trim();
            var servicePoints = db.NetworkDevices.Where(m => m.Kind == DeviceKind.Meter && m.Code == meter)
                .Join(db.NetworkDevices, m => m.Id, sp => sp.ParentId, (m, sp) => sp.Id);
            if (await customers.FirstOrDefaultAsync(c => servicePoints.Contains(c.ServicePointId), cancellationToken) is { } byMeter)
            {
                return (byMeter, []);
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            var phone = request.Phone.Trim();
            var byPhone = await customers.Where(c => c.Phone == phone).OrderBy(c => c.AccountNumber).Take(20).ToListAsync(cancellationToken);
            return byPhone.Count == 1 ? (byPhone[0], []) : (null, [.. byPhone.Select(c => c.Id)]);
        }

        return (null, []);
    }

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

    private static string FieldOf(WorkOrderErrorCode code) => code switch
    {
        WorkOrderErrorCode.ComplaintClassRequired or WorkOrderErrorCode.ComplaintClassNotAllowed => "complaintClass",
        WorkOrderErrorCode.ServiceApplicationRequired or WorkOrderErrorCode.ServiceApplicationNotAllowed => "serviceApplication",
        _ => "type",
    };
}
