namespace GridCare.Domain.Outages;

/// <summary>
/// One step of a restoration: the device put back (a branch switch closed, a transformer re-energised, or the whole
/// outage), when, by whom and how many customers it restored — so Σ rᵢ·Nᵢ of the reliability indices is exact.
/// </summary>
public sealed class OutageStep
{
    private OutageStep()
    {
        Actor = string.Empty;
    }

    internal OutageStep(DateTime atUtc, long? deviceId, int customersRestored, string actor)
    {
        At = atUtc;
        DeviceId = deviceId;
        CustomersRestored = customersRestored;
        Actor = actor;
    }

    public long Id { get; private set; }

    public long OutageId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The device put back into service; null when the whole outage was restored at once.</summary>
    public long? DeviceId { get; private set; }

    public int CustomersRestored { get; private set; }

    public string Actor { get; private set; }
}
