using GridCare.Analytics.Tariffs;

namespace GridCare.Features.TariffAdvice;

/// <summary>
/// The example tariffs a new installation starts with (yuan/kWh), modelled on published Guizhou and Zhejiang tariffs
/// (see docs/customer-insight.md for the sources and their confidence). They are examples to be checked and edited by
/// an administrator on the tariffs page, not authoritative prices.
/// </summary>
public static class TariffDefaults
{
    private static readonly DateTime Shipped = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

    public static object[] Rows =>
    [
        Row(1, "RES-TIERED", "居民阶梯电价（年度，示例）", TariffKind.Tiered, "residential", 0, BlockPeriod.Annual, "3000=0.4556; 4700=0.5056; *=0.7556", string.Empty,
            "Example after Guizhou 居民阶梯 (黔发改价格〔2016〕1299号 as cited by a secondary source; thresholds uncertain)."),
        Row(2, "RES-TOU", "居民峰谷电价（示例）", TariffKind.TimeOfUse, "residential", 0, BlockPeriod.Annual, string.Empty, "peak 08:00-22:00=0.568; valley 22:00-08:00=0.288",
            "Example after Zhejiang's residential time-of-use tier-1 prices; Guizhou has no residential TOU."),
        Row(3, "COM-SINGLE", "工商业单一电价（示例）", TariffKind.Flat, "commercial,industrial,agricultural", 0.562, BlockPeriod.Monthly, string.Empty, string.Empty,
            "Example: the flat-period price of Guizhou's illustrative 代理购电 month (December 2025)."),
        Row(4, "COM-TOU", "工商业峰谷分时电价（示例）", TariffKind.TimeOfUse, "commercial,industrial", 0, BlockPeriod.Monthly, string.Empty,
            "valley 00:00-08:00=0.240; flat 08:00-10:00=0.562; peak 10:00-13:00=0.884; flat 13:00-17:00=0.562; peak 17:00-22:00=0.884; flat 22:00-24:00=0.562",
            "Example: Guizhou periods (黔发改价格〔2023〕481号, peak ×1.6, valley ×0.4) on the illustrative December 2025 flat price."),
    ];

    private static object Row(int id, string code, string name, TariffKind kind, string categories, double flat, BlockPeriod period, string blocks, string periods, string note) => new
    {
        Id = id,
        Code = code,
        Name = name,
        Kind = kind,
        Categories = categories,
        FlatPrice = flat,
        BlockPeriod = period,
        Blocks = blocks,
        Periods = periods,
        Note = note,
        UpdatedAt = Shipped,
        UpdatedBy = "system",
    };
}
