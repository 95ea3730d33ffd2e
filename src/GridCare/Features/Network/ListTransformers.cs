using GridCare.Domain.Network;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

/// <param name="FeederId">Only transformers on this feeder (directly or behind its branch switches).</param>
/// <param name="Q">The start of the transformer code or name.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Rows per page, 1 to 500.</param>
public sealed record ListTransformersRequest(long? FeederId = null, string? Q = null, int Page = 1, int PageSize = 50);

public sealed record TransformerSummary(
    long Id,
    string Code,
    string Name,
    int? RatedKva,
    AreaType AreaType,
    DeviceRef? Feeder,
    int OrgUnitId,
    string SupplyStation,
    int MeterCount);

/// <summary>Distribution transformers (台区) in the caller's org units, paged, optionally on one feeder.</summary>
public sealed class ListTransformers(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes)
{
    public async Task<PagedResult<TransformerSummary>> HandleAsync(ListTransformersRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var network = await UpperNetwork.LoadAsync(db, cancellationToken);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var transformers = db.NetworkDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Transformer && visible.Contains(d.OrgUnitId));
        if (request.FeederId is { } feederId)
        {
            var parents = network.FeederAndSwitchesBelow(feederId).ToList();
            transformers = transformers.Where(d => d.ParentId != null && parents.Contains(d.ParentId.Value));
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            transformers = transformers.Where(d => d.Code.StartsWith(q) || d.Name.StartsWith(q));
        }

        var total = await transformers.CountAsync(cancellationToken);
        var rows = await transformers
            .OrderBy(d => d.Code)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(d => new
            {
                d.Id,
                d.Code,
                d.Name,
                d.RatedKva,
                d.AreaType,
                d.ParentId,
                d.OrgUnitId,
                MeterCount = db.NetworkDevices.Count(m => m.ParentId == d.Id && m.Kind == DeviceKind.Meter),
            })
            .ToListAsync(cancellationToken);

        var tree = await scopes.TreeAsync(cancellationToken);
        var items = rows.Select(d =>
        {
            var feeder = d.ParentId is { } parentId ? network.FeederAbove(parentId) : null;
            return new TransformerSummary(
                d.Id, d.Code, d.Name, d.RatedKva, d.AreaType,
                feeder is null ? null : new DeviceRef(feeder.Id, feeder.Code, feeder.Name),
                d.OrgUnitId, tree.Find(d.OrgUnitId)?.Name ?? string.Empty, d.MeterCount);
        }).ToList();
        return new PagedResult<TransformerSummary>(items, total, request.Page, request.PageSize);
    }
}
