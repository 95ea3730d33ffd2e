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
}

public enum DemoSize
{
    Small,
    County,
    City,
}
