using GridCare.Domain.Staff;
using GridCare.Domain.Warnings;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Warnings;

public abstract record ActOnWarningResult
{
    public sealed record Done(WarningResponse Warning) : ActOnWarningResult;

    public sealed record Forbidden(string Reason) : ActOnWarningResult;

    public sealed record NotFound : ActOnWarningResult;

    /// <summary>The warning is not in a state that allows it (an order already opened, or cleared).</summary>
    public sealed record Conflict(string Reason) : ActOnWarningResult;
}

/// <summary>
/// What a dispatcher or manager does with a warning: open its proactive work order by hand (in a unit that has not
/// switched automatic orders on, or after deciding to act on an acknowledged one), or acknowledge it as seen.
/// </summary>
public sealed class ActOnWarning(AppDbContext db, OpenProactiveOrder orders, StaffScopeResolver scopes, TimeProvider time)
{
    public static readonly StaffRole[] Actors = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Admin];

    public Task<ActOnWarningResult> OpenOrderAsync(long id, StaffScope scope, CancellationToken cancellationToken) =>
        ActAsync(id, scope, async (warning, now) =>
        {
            if (warning.Status is WarningStatus.OrderOpened or WarningStatus.Cleared)
            {
                return $"The warning is {warning.Status}{(warning.WorkOrderNumber is { } number ? $" (order {number})" : string.Empty)}.";
            }

            await orders.OpenAsync([warning], scope.UserName, now, cancellationToken);
            return null;
        },
        cancellationToken);

    public Task<ActOnWarningResult> AcknowledgeAsync(long id, StaffScope scope, CancellationToken cancellationToken) =>
        ActAsync(id, scope, async (warning, now) =>
        {
            if (!warning.Acknowledge(scope.UserName, now))
            {
                return $"Only an open warning is acknowledged; this one is {warning.Status}.";
            }

            await db.SaveChangesAsync(cancellationToken);
            return null;
        },
        cancellationToken);

    private async Task<ActOnWarningResult> ActAsync(long id, StaffScope scope, Func<Warning, DateTime, Task<string?>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Actors.Any(scope.IsIn))
        {
            return new ActOnWarningResult.Forbidden($"Warnings are acted on by {string.Join(", ", Actors.Select(StaffRoles.NameOf))}.");
        }

        var warning = await db.Set<Warning>().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warning is null || !scope.Sees(warning.OrgUnitId))
        {
            return new ActOnWarningResult.NotFound();
        }

        if (await act(warning, time.GetUtcNow().UtcDateTime) is { } conflict)
        {
            return new ActOnWarningResult.Conflict(conflict);
        }

        var tree = await scopes.TreeAsync(cancellationToken);
        return new ActOnWarningResult.Done(ListWarnings.Response(warning, tree.Find(warning.OrgUnitId)?.Name));
    }
}
