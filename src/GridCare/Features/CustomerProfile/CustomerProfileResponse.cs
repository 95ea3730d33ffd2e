using GridCare.Domain.WorkOrders;
using GridCare.Features.ComplaintRisk;
using GridCare.Features.Customers;

namespace GridCare.Features.CustomerProfile;

public sealed record ProfileMonth(string Month, int Days, double ImportKwh, double? PeakKw);

public sealed record ProfileDay(DateOnly Day, double ImportKwh, double? PeakKw);

/// <summary>
/// The last year of analysed consumption by month and the last 30 days (a day's peak adds the peaks of the customer's
/// meters), and the mean day (96 quarter hours, kWh) of the 30 analysed days from <c>LoadShapeFrom</c> to
/// <c>LoadShapeTo</c> as last refreshed.
/// </summary>
public sealed record ProfileConsumption(
    DateOnly? LastReadingDay, IReadOnlyList<ProfileMonth> Months, IReadOnlyList<ProfileDay> Days, IReadOnlyList<double>? LoadShape, DateOnly? LoadShapeFrom, DateOnly? LoadShapeTo);

/// <summary>
/// The customer's own interruptions this (China) year: sustained ones (over 5 minutes, IEEE 1366) and their minutes —
/// the customer's contribution to CEMI and their own CAIDI (minutes per sustained interruption) — and momentary ones.
/// </summary>
public sealed record ProfileInterruptions(int Year, int Sustained, double Minutes, double? Caidi, int Momentary, int Planned, DateTime? Last);

public sealed record ProfileOrder(
    long Id, string Number, WorkOrderType Type, ComplaintClass? ComplaintClass, Channel Channel, WorkOrderStatus Status, DateTime ReceivedAt, DateTime? ClosedAt,
    string? ResolutionCode, RevisitResult? RevisitResult, string? RevisitComment);

public sealed record ChannelCount(string Channel, int Count);

public sealed record ProfileNotifications(
    bool HasPreferences, IReadOnlyList<string> Channels, string Language, bool QuietHoursEnabled, IReadOnlyList<ChannelCount> Sent, IReadOnlyList<ChannelCount> Failed);

public sealed record ProfileSegment(int Cluster, string Shape, string Description, int ClusterSize, int K, double Silhouette, DateOnly From, DateOnly To, DateTime SavedAt);

public sealed record CustomerProfileResponse(
    CustomerDetail Customer,
    ProfileConsumption Consumption,
    ProfileInterruptions Interruptions,
    IReadOnlyList<ProfileOrder> WorkOrders,
    int WorkOrderCount,
    int Complaints,
    IReadOnlyList<ChannelCount> ContactChannels,
    IReadOnlyList<ChannelCount> RevisitResults,
    ProfileNotifications Notifications,
    ProfileSegment? Segment,
    ComplaintRiskItem? ComplaintRisk);
