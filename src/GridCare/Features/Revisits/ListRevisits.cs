using GridCare.Domain.Revisits;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Revisits;

/// <summary>Which revisits to list: <c>due</c> (the agents' queue), <c>waiting</c> (not due yet), <c>open</c> (both), <c>answered</c>, <c>cancelled</c>, or all.</summary>
public enum RevisitFilter
{
    All,
    Due,
    Waiting,
    Open,
    Answered,
    Cancelled,
}

/// <summary>
/// The revisit queue of the caller's units: due tasks first by how long they have been due, with the customer's name
/// and phone (masked for roles that do not call customers).
/// </summary>
public sealed class ListRevisits(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Agents take revisits; dispatchers and supervisors watch them.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Admin];

    public async Task<PagedResult<RevisitTaskResponse>> ListAsync(RevisitFilter queue, int page, int pageSize, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var visible = scope.VisibleOrgUnitIds.ToList();
        var tasks = db.Set<RevisitTask>().AsNoTracking().Where(t => visible.Contains(t.OrgUnitId));
        tasks = queue switch
        {
            RevisitFilter.Due => tasks.Where(t => t.Status == RevisitTaskStatus.Open && t.DueAt <= now),
            RevisitFilter.Waiting => tasks.Where(t => t.Status == RevisitTaskStatus.Open && t.DueAt > now),
            RevisitFilter.Open => tasks.Where(t => t.Status == RevisitTaskStatus.Open),
            RevisitFilter.Answered => tasks.Where(t => t.Status == RevisitTaskStatus.Answered),
            RevisitFilter.Cancelled => tasks.Where(t => t.Status == RevisitTaskStatus.Cancelled),
            RevisitFilter.All => tasks,
        };
        var total = await tasks.CountAsync(cancellationToken);
        var ordered = queue switch
        {
            RevisitFilter.Answered or RevisitFilter.Cancelled => tasks.OrderByDescending(t => t.ClosedAt),
            RevisitFilter.All => tasks.OrderByDescending(t => t.CreatedAt),
            _ => tasks.OrderBy(t => t.DueAt),
        };
        var rows = await ordered.ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(t => new { Task = t, Customer = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => new { c.Name, c.Phone }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return new PagedResult<RevisitTaskResponse>(
            [.. rows.Select(r => r.Task.ToResponse(r.Customer?.Name, PersonalDataAccess.Phone(r.Customer?.Phone, scope.Roles.ToList()), now))],
            total, page, pageSize);
    }

    public async Task<RevisitTaskResponse?> GetAsync(long id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.Set<RevisitTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !scope.Sees(task.OrgUnitId))
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == task.CustomerId).Select(c => new { c.Name, c.Phone }).FirstOrDefaultAsync(cancellationToken);
        return task.ToResponse(customer?.Name, PersonalDataAccess.Phone(customer?.Phone, scope.Roles.ToList()), time.GetUtcNow().UtcDateTime);
    }
}
