using GridCare.Domain.WorkOrders;
using GridCare.Features.Intake.Receiving;
using GridCare.Features.Outages;
using GridCare.Platform.Database;

namespace GridCare.Features.Portal;

/// <summary>What a customer reports on the portal; <see cref="FormId"/> is generated when the form is first shown.</summary>
public sealed record PortalReport(Guid FormId, string AccountNumber, string Phone, WorkOrderType Type, ComplaintClass? ComplaintClass, string Text);

public abstract record PortalReportResult
{
    /// <summary>
    /// Taken in: the order it opened or joined; for a fault report from inside a known outage, that outage (with its
    /// ETR) and the outage's repair order if it has one (<see cref="Number"/> is null for a planned outage).
    /// </summary>
    public sealed record Accepted(string? Number, bool IsRepeat, KnownOutage? Outage = null) : PortalReportResult;

    /// <summary>No account with this number has this phone on record; nothing was created.</summary>
    public sealed record AccountMismatch : PortalReportResult;

    public sealed record Refused : PortalReportResult;
}

/// <summary>
/// A report from the portal becomes a contact on the web channel, once the customer has proved the account is theirs.
/// The form's id is the contact's external id, so a double submit or a browser retry answers the same order.
/// </summary>
public sealed class SubmitPortalReport(AppDbContext db, ReceiveContact intake, PortalScope portal)
{
    public async Task<PortalReportResult> HandleAsync(PortalReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (await PortalCustomers.VerifyAccountAsync(db, report.AccountNumber, report.Phone, cancellationToken) is not { } customerId)
        {
            return new PortalReportResult.AccountMismatch();
        }

        var request = new ContactRequest(
            Channel: nameof(Channel.Web),
            ExternalId: "portal-" + report.FormId.ToString("N"),
            Text: report.Text.Trim(),
            AccountNumber: PortalCustomers.Normalize(report.AccountNumber),
            Phone: PortalCustomers.NormalizePhone(report.Phone),
            Type: report.Type.ToString(),
            ComplaintClass: report.Type == WorkOrderType.Complaint ? report.ComplaintClass?.ToString() : null);
        var received = await intake.HandleAsync(request, await portal.ResolveAsync(cancellationToken), cancellationToken) switch
        {
            ReceiveContactResult.Created created => created.Contact,
            ReceiveContactResult.AlreadyReceived earlier => earlier.Contact,
            _ => null,
        };

        // A form id is only ever answered with the order of the customer who proved the account; an outage's repair
        // order stands for all its callers, so there the account is checked against the outage's customers.
        return received switch
        {
            { Outage: { } outage } => new PortalReportResult.Accepted(received.Order?.Number, received.IsRepeat, outage),
            { Order: { } order } when order.CustomerId == customerId => new PortalReportResult.Accepted(order.Number, received.IsRepeat),
            _ => new PortalReportResult.Refused(),
        };
    }
}
