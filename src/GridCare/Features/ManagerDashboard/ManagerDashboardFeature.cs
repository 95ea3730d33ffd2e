using System.Globalization;
using GridCare.Domain.WorkOrders;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.Satisfaction;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.ManagerDashboard;

/// <summary>
/// The manager dashboard (/dashboard) and its API: the whole dashboard as an Excel workbook
/// (<c>/api/v1/dashboard/export</c>) and the drill-down from a complaint class to the stations
/// (<c>/complaints</c>) and to the orders (<c>/orders</c>, <c>/orders/export</c>).
/// </summary>
public static class ManagerDashboardFeature
{
    public static IServiceCollection AddManagerDashboard(this IServiceCollection services)
    {
        services.AddScoped<GetDashboard>();
        services.AddScoped<ListDashboardOrders>();
        return services;
    }

    public static IEndpointRouteBuilder MapManagerDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dashboard").WithTags("ManagerDashboard").RequireAuthorization(Policies.Staff);
        group.MapGet("/export", ExportAsync).WithName("ExportDashboard");
        group.MapGet("/complaints", StationsAsync).WithName("ListDashboardStations");
        group.MapGet("/orders", OrdersAsync).WithName(nameof(ListDashboardOrders));
        group.MapGet("/orders/export", ExportOrdersAsync).WithName("ExportDashboardOrders");
        return app;
    }

    /// <summary>The dashboard of <c>orgUnitId</c> (default the caller's unit) from <c>from</c> to <c>to</c> (China days; default the 90 days to today) as .xlsx.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, GetDashboard handler, CancellationToken cancellationToken,
        string? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (area, problem) = await ResolveAsync(scope, resolver, time, orgUnitId, from, to, null, cancellationToken);
        if (area is null)
        {
            return problem!;
        }

        var report = await handler.HandleAsync(scope, area.Value.Scope, cancellationToken);
        return TypedResults.File(await ExportDashboard.WorkbookAsync(report, cancellationToken), ExportDashboard.ContentType, FileName("dashboard", area.Value.Scope));
    }

    /// <summary>The units with complaints of <c>complaintClass</c> in the scope, most first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<StationComplaints>>, ProblemHttpResult>> StationsAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, ListDashboardOrders handler, CancellationToken cancellationToken,
        string? complaintClass = null, string? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (area, problem) = await ResolveAsync(scope, resolver, time, orgUnitId, from, to, complaintClass ?? string.Empty, cancellationToken);
        if (area is not { } a)
        {
            return problem!;
        }

        return TypedResults.Ok(await handler.StationsAsync(a.Scope, a.Class!.Value, cancellationToken));
    }

    /// <summary>The complaint orders of <c>complaintClass</c> at the unit <c>stationId</c> (one of the scope's units).</summary>
    public static async Task<Results<Ok<IReadOnlyList<DrillOrder>>, ProblemHttpResult>> OrdersAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, ListDashboardOrders handler, CancellationToken cancellationToken,
        string? complaintClass = null, string? stationId = null, string? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (area, problem) = await DrillAsync(scope, resolver, time, orgUnitId, from, to, complaintClass, stationId, cancellationToken);
        if (area is not { } a)
        {
            return problem!;
        }

        return TypedResults.Ok(await handler.OrdersAsync(a.Scope, a.Class, a.Station, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportOrdersAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, ListDashboardOrders handler, CancellationToken cancellationToken,
        string? complaintClass = null, string? stationId = null, string? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (area, problem) = await DrillAsync(scope, resolver, time, orgUnitId, from, to, complaintClass, stationId, cancellationToken);
        if (area is not { } a)
        {
            return problem!;
        }

        var orders = await handler.OrdersAsync(a.Scope, a.Class, a.Station, cancellationToken);
        return TypedResults.File(await ExportDashboard.OrdersAsync(orders, cancellationToken), ExportDashboard.ContentType, FileName($"complaints-{ApiEnums.Name(a.Class)}-{a.Station}", a.Scope));
    }

    private static async Task<((ComplaintScope Scope, ComplaintClass Class, int Station)?, ProblemHttpResult? Problem)> DrillAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, string? orgUnitId, string? from, string? to, string? complaintClass, string? stationId, CancellationToken cancellationToken)
    {
        if (!SatisfactionFeature.TryParseUnit(stationId, out var station) || station is null)
        {
            return (null, Invalid(new Dictionary<string, string[]> { ["stationId"] = [$"'{stationId}' is not an org unit id."] }));
        }

        var (area, problem) = await ResolveAsync(scope, resolver, time, orgUnitId, from, to, complaintClass ?? string.Empty, cancellationToken);
        if (area is not { } a)
        {
            return (null, problem);
        }

        return a.Scope.Units.Contains(station.Value)
            ? ((a.Scope, a.Class!.Value, station.Value), null)
            : (null, Invalid(new Dictionary<string, string[]> { ["stationId"] = [$"Org unit {station} is not {a.Scope.OrgUnitName} or below it."] }));
    }

    /// <summary>
    /// The checked scope of a dashboard request, as the complaint analytics check theirs (same periods, same units);
    /// a unit the caller does not see is a bad <c>orgUnitId</c>. <paramref name="complaintClass"/> is required when not null.
    /// </summary>
    private static async Task<((ComplaintScope Scope, ComplaintClass? Class)?, ProblemHttpResult? Problem)> ResolveAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, string? orgUnitId, string? from, string? to, string? complaintClass, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!GetSatisfactionIndicators.MayRead(scope))
        {
            return (null, TypedResults.Problem(
                title: "Not your report", detail: $"The manager dashboard is read by {string.Join(", ", GetSatisfactionIndicators.Readers.Select(StaffRoles.NameOf))}.",
                statusCode: StatusCodes.Status403Forbidden));
        }

        var errors = new Dictionary<string, string[]>();
        if (!SatisfactionFeature.TryParseUnit(orgUnitId, out var unit))
        {
            errors["orgUnitId"] = [$"'{orgUnitId}' is not an org unit id."];
        }

        ComplaintClass? parsed = null;
        if (complaintClass is not null)
        {
            parsed = ApiEnums.Parse<ComplaintClass>(complaintClass, "complaintClass", errors);
            if (parsed is null && !errors.ContainsKey("complaintClass"))
            {
                errors["complaintClass"] = ["'complaintClass' is required."];
            }
        }

        var (area, dateErrors) = errors.Count > 0 ? (null, null) : await ComplaintAnalyticsFeature.ResolveAsync(scope, resolver, time, unit, from, to, cancellationToken);
        foreach (var (field, messages) in dateErrors ?? [])
        {
            errors[field] = messages;
        }

        if (errors.Count == 0 && area is null)
        {
            errors["orgUnitId"] = [$"Org unit {unit ?? scope.OrgUnitId} is not yours or below yours."];
        }

        return errors.Count > 0 ? (null, Invalid(errors)) : ((area!, parsed), null);
    }

    /// <summary>A 400 problem naming the fields, as <c>ValidationProblem</c> writes it, in the one result type the handlers share.</summary>
    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "One or more validation errors occurred." });

    private static string FileName(string prefix, ComplaintScope area) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{area.OrgUnitId}-{area.From:yyyyMMdd}-{area.To:yyyyMMdd}.xlsx");
}
