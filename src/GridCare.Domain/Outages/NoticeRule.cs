namespace GridCare.Domain.Outages;

/// <summary>
/// How long before the cut customers must be told: 7 days for a planned outage, 24 hours for a temporary one
/// (供电监管办法 art. 13; DOMAIN.md §4). Shorter notice needs a recorded override reason.
/// </summary>
public sealed record NoticeRule(TimeSpan PlannedNotice, TimeSpan TemporaryNotice)
{
    public static readonly NoticeRule Default = new(TimeSpan.FromDays(7), TimeSpan.FromHours(24));

    /// <summary>The notice a kind of outage needs; unplanned outages are told when found, so they need none.</summary>
    public TimeSpan Required(OutageKind kind) => kind switch
    {
        OutageKind.Planned => PlannedNotice,
        OutageKind.Temporary => TemporaryNotice,
        _ => TimeSpan.Zero,
    };

    /// <summary>Whether publishing at <paramref name="publishedAtUtc"/> for a cut at <paramref name="startUtc"/> gives enough notice.</summary>
    public bool IsMet(OutageKind kind, DateTime publishedAtUtc, DateTime startUtc) => startUtc - publishedAtUtc >= Required(kind);
}
