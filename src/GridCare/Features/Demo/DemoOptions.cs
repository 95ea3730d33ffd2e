namespace GridCare.Features.Demo;

/// <summary>Demo mode: a generated supply area and published sign-ins, for trying GridCare out.</summary>
public sealed class DemoOptions
{
    public const string Section = "GridCare:Demo";

    /// <summary>Seed a demo supply area on first start and allow the demo accounts. Turn off in production.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The size seeded on first start: <c>Small</c>, <c>County</c> (30,000 customers) or <c>City</c> (300,000).</summary>
    public DemoSize Size { get; set; } = DemoSize.County;

    /// <summary>The random seed; the same seed always gives the same supply area.</summary>
    public int Seed { get; set; } = 20261127;

    /// <summary>
    /// Days of 15-minute meter and terminal readings generated in the background after start (up to yesterday, China
    /// time), fewer when the area is so large that they would pass 100 million readings; 0 generates none.
    /// </summary>
    public int MeterDays { get; set; } = 30;

    /// <summary>
    /// Generate twelve months of work orders (repairs, complaints, revisits…) with the network on first start, for the
    /// dashboards and the complaint-risk model (default true).
    /// </summary>
    public bool WorkOrderHistory { get; set; } = true;
}

public enum DemoSize
{
    Small,
    County,
    City,
}
