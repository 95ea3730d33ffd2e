using System.Globalization;
using System.Text.Json;
using GridCare.Analytics.ComplaintRisk;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.ComplaintRisk;

/// <summary>One reason of a score: the feature, the subject's value, its contribution, and the reason in words.</summary>
public sealed record ComplaintRiskReasonView(string Feature, double Value, double Contribution, string Text);

public sealed record ComplaintRiskItem(
    string Level, int Rank, long? CustomerId, string? AccountNumber, long TransformerId, string TransformerCode, int OrgUnitId, string? OrgUnit,
    double Score, IReadOnlyList<ComplaintRiskReasonView> Reasons, DateTime ScoredAt, string ScoredAtChina, string ModelVersion);

public sealed record ComplaintRiskList(string Level, int OrgUnitId, int Top, IReadOnlyList<ComplaintRiskItem> Items);

public abstract record ListComplaintRiskResult
{
    public sealed record Found(ComplaintRiskList List) : ListComplaintRiskResult;

    public sealed record Forbidden : ListComplaintRiskResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : ListComplaintRiskResult;
}

/// <summary>
/// The riskiest customers or transformers of an org unit and the units below it (those the caller sees), with their
/// reasons in the caller's language; and one customer's score. Agents see scores beside contacts; crews do not.
/// </summary>
public sealed class ListComplaintRisk(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver, IStringLocalizer<ComplaintRiskStrings> text)
{
    public const int MaxTop = 500;

    public static readonly StaffRole[] Readers = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool MayRead(StaffScope scope) => Readers.Any(scope.IsIn);

    public async Task<ListComplaintRiskResult> HandleAsync(StaffScope scope, string? level, int? orgUnitId, int? top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!MayRead(scope))
        {
            return new ListComplaintRiskResult.Forbidden();
        }

        var errors = new Dictionary<string, string[]>();
        RiskLevel? parsed = (level?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "customer" => RiskLevel.Customer,
            "transformer" => RiskLevel.Transformer,
            _ => null,
        };
        if (parsed is null)
        {
            errors["level"] = ["'level' is customer or transformer."];
        }

        var unit = orgUnitId ?? scope.OrgUnitId;
        if (!scope.Sees(unit))
        {
            errors["orgUnit"] = [$"Org unit {unit} is not one of yours."];
        }

        var count = top ?? 50;
        if (count is < 1 or > MaxTop)
        {
            errors["top"] = [$"'top' is 1 to {MaxTop}."];
        }

        if (errors.Count > 0)
        {
            return new ListComplaintRiskResult.Invalid(errors);
        }

        var tree = await resolver.TreeAsync(cancellationToken);
        var units = tree.SelfAndDescendants(unit).Where(scope.Sees).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scores = await db.Set<ComplaintRiskScore>().AsNoTracking()
            .Where(r => r.Level == parsed!.Value && units.Contains(r.OrgUnitId))
            .OrderBy(r => r.Rank)
            .Take(count)
            .ToListAsync(cancellationToken);
        var accounts = await AccountsAsync(db, scores, cancellationToken);
        return new ListComplaintRiskResult.Found(new ComplaintRiskList(
            Name(parsed!.Value), unit, count, [.. scores.Select(r => View(r, r.CustomerId is { } id ? accounts.GetValueOrDefault(id) : null, tree.Find(r.OrgUnitId)?.Name))]));
    }

    /// <summary>A customer's score; null when the customer is not in the caller's units or has no score yet.</summary>
    public async Task<(bool Visible, ComplaintRiskItem? Item)> ForCustomerAsync(StaffScope scope, long customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.OrgUnitId }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null || !scope.Sees(customer.OrgUnitId))
        {
            return (false, null);
        }

        var score = await db.Set<ComplaintRiskScore>().AsNoTracking().FirstOrDefaultAsync(r => r.Level == RiskLevel.Customer && r.CustomerId == customerId, cancellationToken);
        var tree = await resolver.TreeAsync(cancellationToken);
        var accounts = score is null ? [] : await AccountsAsync(db, [score], cancellationToken);
        return (true, score is null ? null : View(score, accounts.GetValueOrDefault(customerId), tree.Find(score.OrgUnitId)?.Name));
    }

    private static async Task<Dictionary<long, string>> AccountsAsync(AppDbContext db, List<ComplaintRiskScore> scores, CancellationToken cancellationToken)
    {
        var ids = scores.Where(s => s.CustomerId is not null).Select(s => s.CustomerId!.Value).ToList();
        return ids.Count == 0
            ? []
            : await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.AccountNumber, cancellationToken);
    }

    private ComplaintRiskItem View(ComplaintRiskScore s, string? accountNumber, string? orgUnit)
    {
        var reasons = JsonSerializer.Deserialize<List<RiskReason>>(s.ReasonsJson, Json) ?? [];
        return new ComplaintRiskItem(
            Name(s.Level), s.Rank, s.CustomerId, accountNumber, s.TransformerId, s.TransformerCode, s.OrgUnitId, orgUnit, s.Score,
            [.. reasons.Select(r => new ComplaintRiskReasonView(r.Feature, r.Value, r.Contribution, Words(r)))],
            s.ScoredAt, ChinaTime.ToCst(s.ScoredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.ModelVersion);
    }

    /// <summary>The reason in the caller's language, e.g. "近90天停电3次" / "3 interruptions in the last 90 days".</summary>
    public string Words(RiskReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var template = text["Reason_" + reason.Feature];
        return template.ResourceNotFound ? reason.Feature : string.Format(CultureInfo.CurrentCulture, template.Value, reason.Value);
    }

    private static string Name(RiskLevel level) => level == RiskLevel.Customer ? "customer" : "transformer";
}
