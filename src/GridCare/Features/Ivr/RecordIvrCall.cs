using GridCare.Domain.Ivr;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Ivr;

/// <summary>
/// <c>POST /api/v1/ivr/calls</c>, sent by the IVR once per call when it ends: <see cref="CallId"/> is the IVR's own
/// call id (the idempotency key), <see cref="Said"/> what it played, <see cref="ResolvedInSelfService"/> false when
/// the caller went on to an agent, <see cref="OccurredAt"/> when the call came in (default: now).
/// </summary>
public sealed record IvrCallRequest(
    string? CallId, string? Phone, bool? ResolvedInSelfService, string? AccountNumber = null, string? Said = null, DateTimeOffset? OccurredAt = null);

public sealed record IvrCallResponse(
    string CallId, string Phone, string? AccountNumber, int OrgUnitId, bool ResolvedInSelfService, DateTime OccurredAt, DateOnly CallDay, DateTime RecordedAt);

public abstract record RecordIvrCallResult
{
    public sealed record Recorded(IvrCallResponse Call) : RecordIvrCallResult;

    public sealed record AlreadyRecorded(IvrCallResponse Call) : RecordIvrCallResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : RecordIvrCallResult;
}

/// <summary>
/// Records one IVR call for the self-service share. The call is counted for the account's unit when the keyed
/// account or the phone identifies one account the IVR sees, otherwise for the IVR account's own unit. The same call
/// id again answers with the first record and stores nothing, also when two retries race (unique index).
/// </summary>
public sealed class RecordIvrCall(AppDbContext db, TimeProvider time)
{
    private const int MaxSaid = 4000;

    /// <summary>A report of a call from further back than this is a clock or data error, not a late retry.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(31);

    public async Task<RecordIvrCallResult> HandleAsync(IvrCallRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new Dictionary<string, string[]>();
        var callId = request.CallId?.Trim();
        if (string.IsNullOrEmpty(callId) || callId.Length > 128)
        {
            errors["callId"] = ["The IVR's call id is required (1–128 characters)."];
        }

        var phone = IvrInput.Phone(request.Phone, "phone", errors);
        var account = IvrInput.AccountNumber(request.AccountNumber, "accountNumber", errors);
        if (request.ResolvedInSelfService is null)
        {
            errors["resolvedInSelfService"] = ["Say whether the call was resolved in self-service (true) or needed an agent (false)."];
        }

        if (request.Said?.Length > MaxSaid)
        {
            errors["said"] = [$"At most {MaxSaid} characters."];
        }

        var now = time.GetUtcNow().UtcDateTime;
        var at = request.OccurredAt?.UtcDateTime ?? now;
        if (at > now.AddMinutes(5) || at < now - MaxAge)
        {
            errors["occurredAt"] = ["The call's time is at most 5 minutes ahead of the server's clock and at most 31 days back."];
        }

        if (errors.Count > 0 || callId is null || phone is null)
        {
            return new RecordIvrCallResult.Invalid(errors);
        }

        if (await FindAsync(callId, cancellationToken) is { } earlier)
        {
            return new RecordIvrCallResult.AlreadyRecorded(earlier);
        }

        var matches = await IvrInput.Callers(db, scope, phone, account)
            .Select(c => new { c.Id, c.OrgUnitId })
            .Take(2)
            .ToListAsync(cancellationToken);
        var customer = matches.Count == 1 ? matches[0] : null;
        var call = IvrCall.Record(
            callId, phone, account, customer?.Id, customer?.OrgUnitId ?? scope.OrgUnitId, request.Said?.Trim(), request.ResolvedInSelfService!.Value, at, now, scope.UserName);
        db.Add(call);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored the same call id between the check and the save; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await FindAsync(callId, cancellationToken) is { } raced)
            {
                return new RecordIvrCallResult.AlreadyRecorded(raced);
            }

            throw;
        }

        return new RecordIvrCallResult.Recorded(ToResponse(call));
    }

    private async Task<IvrCallResponse?> FindAsync(string callId, CancellationToken cancellationToken) =>
        await db.Set<IvrCall>().AsNoTracking().Where(c => c.CallId == callId)
            .Select(c => new IvrCallResponse(c.CallId, c.Phone, c.AccountNumber, c.OrgUnitId, c.ResolvedInSelfService, c.OccurredAt, c.CallDay, c.RecordedAt))
            .FirstOrDefaultAsync(cancellationToken);

    private static IvrCallResponse ToResponse(IvrCall c) =>
        new(c.CallId, c.Phone, c.AccountNumber, c.OrgUnitId, c.ResolvedInSelfService, c.OccurredAt, c.CallDay, c.RecordedAt);
}
