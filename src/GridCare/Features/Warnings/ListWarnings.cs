using System.Text.Json.Nodes;
using GridCare.Domain.Staff;
using GridCare.Domain.Warnings;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Warnings;

/// <summary>Which warnings to list: <c>active</c> (default: not cleared), one status, or all.</summary>
public enum WarningFilter
{
    Active,
    Open,
    OrderOpened,
    Acknowledged,
    Cleared,
    All,
}

public sealed record WarningResponse(
    long Id, WarningRule Rule, WarningSeverity Severity, WarningAction Action, WarningStatus Status, string SubjectCode, string TransformerCode,
    long? CustomerId, int OrgUnitId, string? OrgUnitName, DateOnly FirstSeenOn, DateOnly LastSeenOn, int DaysSeen, JsonObject Evidence,
    string? WorkOrderNumber, string? ClosedBy, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The list's filters; <c>Transformer</c> keeps that transformer's warnings, its meters' included.</summary>
public sealed record WarningQuery(WarningFilter Status, WarningRule? Rule, WarningSeverity? Severity, int? OrgUnitId, string? Transformer, int Page, int PageSize);

/// <summary>The warnings of the caller's units: critical first, then the most recently seen.</summary>
public sealed class ListWarnings(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes)
{
    /// <summary>Those who plan the network and answer for its quality, and the agents who talk to its customers.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    public async Task<PagedResult<WarningResponse>> ListAsync(WarningQuery query, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tree = await scopes.TreeAsync(cancellationToken);
        var units = query.OrgUnitId is { } unit
            ? scope.VisibleOrgUnitIds.Where(id => tree.PathTo(id).Any(u => u.Id == unit)).ToList()
            : [.. scope.VisibleOrgUnitIds];
        var warnings = db.Set<Warning>().AsNoTracking().Where(w => units.Contains(w.OrgUnitId));
        warnings = query.Status switch
        {
            WarningFilter.Active => warnings.Where(w => w.Status != WarningStatus.Cleared),
            WarningFilter.Open => warnings.Where(w => w.Status == WarningStatus.Open),
            WarningFilter.OrderOpened => warnings.Where(w => w.Status == WarningStatus.OrderOpened),
            WarningFilter.Acknowledged => warnings.Where(w => w.Status == WarningStatus.Acknowledged),
            WarningFilter.Cleared => warnings.Where(w => w.Status == WarningStatus.Cleared),
            _ => warnings,
        };
        if (query.Rule is { } rule)
        {
            warnings = warnings.Where(w => w.Rule == rule);
        }

        if (query.Severity is { } severity)
        {
            warnings = warnings.Where(w => w.Severity == severity);
        }

        if (!string.IsNullOrWhiteSpace(query.Transformer))
        {
            var code = query.Transformer.Trim();
            warnings = warnings.Where(w => w.TransformerCode == code);
        }

        var total = await warnings.CountAsync(cancellationToken);

        // Severity is stored by name, and "Critical" sorts before "Warning".
        var page = await warnings.OrderBy(w => w.Severity).ThenByDescending(w => w.LastSeenOn).ThenByDescending(w => w.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<WarningResponse>([.. page.Select(w => Response(w, tree.Find(w.OrgUnitId)?.Name))], total, query.Page, query.PageSize);
    }

    public static WarningResponse Response(Warning warning, string? orgUnitName)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new WarningResponse(
            warning.Id, warning.Rule, warning.Severity, warning.Action, warning.Status, warning.SubjectCode, warning.TransformerCode, warning.CustomerId,
            warning.OrgUnitId, orgUnitName, warning.FirstSeenOn, warning.LastSeenOn, warning.DaysSeen, WarningEvidence.Parse(warning.Evidence),
            warning.WorkOrderNumber, warning.ClosedBy, warning.CreatedAt, warning.UpdatedAt);
    }
}
