namespace GridCare.Domain.Sla;

/// <summary>
/// A stretch of time during which the clock stood still because the order waited on the customer (待客户反馈).
/// A pause without an end is still running.
/// </summary>
public sealed record SlaPause
{
    public SlaPause(DateTime startUtc, DateTime? endUtc)
    {
        ChinaTime.RequireUtc(startUtc, nameof(startUtc));
        if (endUtc is { } end)
        {
            ChinaTime.RequireUtc(end, nameof(endUtc));
            if (end < startUtc)
            {
                throw new DomainRuleException("A pause cannot end before it starts.");
            }
        }

        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    public DateTime StartUtc { get; }

    public DateTime? EndUtc { get; }

    public bool IsOpen => EndUtc is null;
}
