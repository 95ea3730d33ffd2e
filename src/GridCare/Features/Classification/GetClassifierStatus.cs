using GridCare.Analytics.Classification;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Classification;

public sealed record CorrectionSummary(
    DateTime AtUtc, string Source, string? WorkOrderNumber, string Text, string Suggested, string Chosen, string ModelVersion, string Actor);

public sealed record ClassifierStatus(
    string? ActiveVersion, ClassifierModelInfo? Active, IReadOnlyList<ClassifierModelInfo> Versions, int CorrectionCount, IReadOnlyList<CorrectionSummary> LatestCorrections);

/// <summary>
/// The active model, every stored version with its held-out scores, and the corrections of the caller's units —
/// for managers and administrators, who decide when to retrain. Null for other roles.
/// </summary>
public sealed class GetClassifierStatus(AppDbContext db, ActiveClassifier active)
{
    public const int LatestCount = 50;

    public static bool MaySee(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsIn(StaffRole.Manager) || scope.IsIn(StaffRole.Admin);
    }

    public async Task<ClassifierStatus?> HandleAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        if (!MaySee(scope))
        {
            return null;
        }

        var units = scope.VisibleOrgUnitIds.ToList();
        var corrections = db.ClassificationCorrections.AsNoTracking().Where(c => units.Contains(c.OrgUnitId));
        var count = await corrections.CountAsync(cancellationToken);
        var latest = await corrections.OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Take(LatestCount).ToListAsync(cancellationToken);
        var version = active.Current?.Version ?? active.Store.ActiveVersion();
        return new ClassifierStatus(
            version,
            version is null ? null : active.Store.Info(version),
            active.Store.List(),
            count,
            [.. latest.Select(c => new CorrectionSummary(
                c.AtUtc, ApiEnums.Name(c.Source), c.WorkOrderNumber, c.Text,
                Label(c.SuggestedType, c.SuggestedComplaintClass), Label(c.ChosenType, c.ChosenComplaintClass), c.ModelVersion, c.Actor))]);
    }

    private static string Label(Domain.WorkOrders.WorkOrderType type, Domain.WorkOrders.ComplaintClass? complaintClass) =>
        ClassLabel.Of(type, complaintClass).ToString();
}
