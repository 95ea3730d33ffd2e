using System.Globalization;
using GridCare.Domain.Customers;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Outages;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GridCare.Features.Ivr;

/// <summary>
/// <c>POST /api/v1/ivr/lookup</c>: the caller's phone as the switch delivers it and, after a prompt, the account
/// number they keyed; <see cref="Language"/> (<c>zh-CN</c> or <c>en</c>) overrides the request's Accept-Language.
/// </summary>
public sealed record IvrLookupRequest(string? Phone, string? AccountNumber = null, string? Language = null);

public abstract record LookupCallerResult
{
    public sealed record Answered(IvrLookupResponse Response) : LookupCallerResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : LookupCallerResult;
}

/// <summary>
/// What the IVR says before any agent picks up: the outage the caller is in with its ETR, their open orders, and
/// arrears and reconnection. A phone shared by several accounts gets the account-number prompt, unless all of them
/// are in the same outage, which is then told at once (a family with two meters at one house hears it without
/// keying anything). Only accounts of the units the IVR's account sees are found, as for every staff client.
/// </summary>
public sealed class LookupCaller(AppDbContext db, TimeProvider time, IStringLocalizer<IvrStrings> localizer, IOptions<IvrOptions> options)
{
    private const int MaxCandidates = 20;
    private const int MaxOrders = 5;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public async Task<LookupCallerResult> HandleAsync(IvrLookupRequest request, string? acceptLanguage, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new Dictionary<string, string[]>();
        var phone = IvrInput.Phone(request.Phone, "phone", errors);
        var account = IvrInput.AccountNumber(request.AccountNumber, "accountNumber", errors);
        var culture = Culture(request.Language, acceptLanguage, errors);
        if (errors.Count > 0 || phone is null || culture is null)
        {
            return new LookupCallerResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var speech = new IvrSpeech(localizer, culture, now);
        var candidates = await IvrInput.Callers(db, scope, phone, account)
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        var known = await OutageQueries.CurrentForCustomersAsync(
            db, [.. candidates.Select(c => c.Id)], now, TimeSpan.FromHours(options.Value.ScheduledOutageNoticeHours), cancellationToken);

        if (candidates.Count != 1)
        {
            var match = account is not null ? IvrCallerMatch.AccountNotFound : candidates.Count == 0 ? IvrCallerMatch.Unknown : IvrCallerMatch.Ambiguous;
            var shared = match == IvrCallerMatch.Ambiguous && candidates.All(c => known.TryGetValue(c.Id, out var o) && o.Number == known[candidates[0].Id].Number)
                ? ToOutage(known[candidates[0].Id])
                : null;
            var prompt = match switch
            {
                IvrCallerMatch.AccountNotFound => speech.AccountNotFound(),
                IvrCallerMatch.Unknown => speech.Unknown(),
                _ => speech.Ambiguous(candidates.Count),
            };
            var text = speech.Greeting() + (shared is null ? string.Empty : speech.Outage(shared)) + prompt;
            return new LookupCallerResult.Answered(new IvrLookupResponse(match, IvrNextStep.AskAccountNumber, culture.Name, text, null, null, candidates.Count, shared, [], null));
        }

        var customer = candidates[0];
        var outage = known.TryGetValue(customer.Id, out var current) ? ToOutage(current) : null;
        var orders = await OpenOrdersAsync(customer.Id, cancellationToken);
        var arrears = ToArrears(customer, now);
        var parts = new List<string>();
        if (outage is not null)
        {
            parts.Add(speech.Outage(outage));
        }

        parts.AddRange(orders.Take(options.Value.OrdersSpoken).Select(speech.Order));
        if (orders.Count > options.Value.OrdersSpoken)
        {
            parts.Add(speech.MoreOrders(orders.Count - options.Value.OrdersSpoken));
        }

        if (arrears is not null)
        {
            parts.Add(speech.Arrears(arrears, options.Value.ReconnectionHours));
        }

        if (parts.Count == 0)
        {
            parts.Add(speech.AllClear());
        }

        var next = arrears is { ReconnectionOverdue: true } ? IvrNextStep.TransferToAgent : IvrNextStep.None;
        return new LookupCallerResult.Answered(new IvrLookupResponse(
            IvrCallerMatch.Identified, next, culture.Name, speech.Greeting() + string.Concat(parts), customer.AccountNumber, customer.OrgUnitId, 1, outage, orders, arrears));
    }

    /// <summary>The orders still being worked on (resolved ones too, until the revisit closes them), newest first.</summary>
    private async Task<List<IvrOrder>> OpenOrdersAsync(long customerId, CancellationToken cancellationToken) =>
        await db.WorkOrders.AsNoTracking()
            .Where(w => w.CustomerId == customerId && w.MergedIntoId == null
                && w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled && w.Status != WorkOrderStatus.Revisit)
            .OrderByDescending(w => w.ReceivedAt)
            .Take(MaxOrders)
            .Select(w => new IvrOrder(w.Number, w.Type, w.Status, w.ReceivedAt, w.ResolutionDueAt))
            .ToListAsync(cancellationToken);

    private IvrArrears? ToArrears(Customer customer, DateTime now)
    {
        if (customer.ArrearsYuan == 0 && customer.ReconnectionStatus == ReconnectionStatus.Connected)
        {
            return null;
        }

        var due = customer.ArrearsPaidAt?.AddHours(options.Value.ReconnectionHours);
        return new IvrArrears(customer.ArrearsYuan, customer.ArrearsSince, customer.ReconnectionStatus, customer.ArrearsDisconnectedAt, customer.ArrearsPaidAt, due, due < now);
    }

    private static IvrOutage ToOutage(KnownOutage o) => new(o.Number, o.Kind, o.Status, o.Area, o.Reason, o.Start, o.Etr);

    /// <summary>The explicit <c>language</c> field first, then the IVR's Accept-Language; Chinese unless English is preferred.</summary>
    private static CultureInfo? Culture(string? language, string? acceptLanguage, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }

            errors["language"] = [$"'{language}' is not a language the IVR speaks (zh-CN or en)."];
            return null;
        }

        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage?.Split(','), out var preferred))
        {
            return Chinese;
        }

        var first = preferred.Where(p => p.Quality is null or > 0)
            .OrderByDescending(p => p.Quality ?? 1)
            .Select(p => p.Value.ToString())
            .FirstOrDefault(v => v.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || v.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return first?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Chinese;
    }
}
