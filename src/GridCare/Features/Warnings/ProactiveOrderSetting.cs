namespace GridCare.Features.Warnings;

/// <summary>
/// Whether warnings in a unit open proactive work orders by themselves (主动工单). Units below inherit the nearest
/// setting above them, so a county can switch on for all its supply stations and one station can still opt out.
/// Without any setting warnings are listed only.
/// </summary>
public sealed class ProactiveOrderSetting
{
    private ProactiveOrderSetting()
    {
        UpdatedBy = string.Empty;
    }

    public int OrgUnitId { get; private set; }

    public bool Enabled { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static ProactiveOrderSetting Create(int orgUnitId, bool enabled, string actor, DateTime atUtc) =>
        new() { OrgUnitId = orgUnitId, Enabled = enabled, UpdatedBy = actor, UpdatedAt = atUtc };

    public void Set(bool enabled, string actor, DateTime atUtc)
    {
        Enabled = enabled;
        UpdatedBy = actor;
        UpdatedAt = atUtc;
    }
}
