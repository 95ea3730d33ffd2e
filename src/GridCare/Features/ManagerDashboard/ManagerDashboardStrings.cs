namespace GridCare.Features.ManagerDashboard;

/// <summary>Marker for the manager dashboard's resource files: <c>ManagerDashboardStrings.resx</c> and <c>ManagerDashboardStrings.zh-CN.resx</c>.</summary>
public sealed class ManagerDashboardStrings;
