namespace GridCare.Features.Notifications;

/// <summary>Marker for the notification pages' resource files: <c>NotificationStrings.resx</c> and <c>NotificationStrings.zh-CN.resx</c>.</summary>
public sealed class NotificationStrings;
