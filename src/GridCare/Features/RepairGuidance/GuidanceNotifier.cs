namespace GridCare.Features.RepairGuidance;

/// <summary>
/// Tells the open guidance views of an order that a step or a message was stored, so they re-render at once (server
/// push over the Blazor circuit). In-process only: with several app instances a step stored on one instance reaches
/// the views on another only through a backplane (PostgreSQL LISTEN/NOTIFY or Redis), which this does not have yet.
/// </summary>
public sealed class GuidanceNotifier
{
    public event Action<string>? Changed;

    public void Publish(string number) => Changed?.Invoke(number);
}
