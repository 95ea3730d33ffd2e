using GridCare.Analytics.Tariffs;

namespace GridCare.Features.TariffAdvice;

/// <summary>
/// A tariff an administrator maintains: its kind, the customer categories it is offered to, and its prices in
/// yuan/kWh (blocks and periods in the text forms of <see cref="TariffText"/>). The shipped rows are examples to edit.
/// </summary>
public sealed class TariffTable
{
    private TariffTable()
    {
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public TariffKind Kind { get; private set; }

    /// <summary>Customer categories (API names, comma-separated) this tariff is offered to.</summary>
    public string Categories { get; private set; } = string.Empty;

    public double FlatPrice { get; private set; }

    public BlockPeriod BlockPeriod { get; private set; }

    public string Blocks { get; private set; } = string.Empty;

    public string Periods { get; private set; } = string.Empty;

    /// <summary>Where the prices come from, or that they are an example.</summary>
    public string Note { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public static TariffTable Create(string code) => new() { Code = code };

    public void Edit(string name, TariffKind kind, string categories, double flatPrice, BlockPeriod blockPeriod, string blocks, string periods, string note, DateTime atUtc, string by) =>
        (Name, Kind, Categories, FlatPrice, BlockPeriod, Blocks, Periods, Note, UpdatedAt, UpdatedBy) = (name, kind, categories, flatPrice, blockPeriod, blocks, periods, note, atUtc, by);

    public IReadOnlyList<string> CategoryList => [.. Categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The engine's tariff; text that no longer parses gives a tariff whose problems say so.</summary>
    public Tariff ToTariff()
    {
        var errors = new List<string>();
        return new Tariff(Code, Name, Kind, FlatPrice, BlockPeriod, TariffText.ParseBlocks(Blocks, errors), TariffText.ParsePeriods(Periods, errors));
    }
}
