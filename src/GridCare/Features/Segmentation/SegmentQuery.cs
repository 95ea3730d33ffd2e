using GridCare.Analytics.Segmentation;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Platform;

namespace GridCare.Features.Segmentation;

public enum SegmentBy
{
    LoadShape,
    Capacity,
    Category,
    Area,
    Sensitivity,
}

/// <summary>Contracted capacity bands (电容量分布) as distribution planning uses them; upper bounds included.</summary>
public enum CapacityBand
{
    Under10,
    From10To50,
    From50To100,
    From100To315,
    From315To1000,
    Over1000,
}

public enum Sensitivity
{
    Sensitive,
    Important,
    Ordinary,
}

/// <summary>What to segment and which customers: the grouping, then filters that combine (all must hold).</summary>
public sealed record SegmentQuery(
    SegmentBy By, int? OrgUnitId, int? K, ProfileNormalization Normalization, CustomerCategory? Category, CapacityBand? Capacity, AreaType? Area, Sensitivity? Sensitivity)
{
    public static CapacityBand BandOf(decimal kva) => kva switch
    {
        < 10 => CapacityBand.Under10,
        <= 50 => CapacityBand.From10To50,
        <= 100 => CapacityBand.From50To100,
        <= 315 => CapacityBand.From100To315,
        <= 1000 => CapacityBand.From315To1000,
        _ => CapacityBand.Over1000,
    };

    public static Sensitivity SensitivityOf(bool sensitive, bool important) =>
        sensitive ? Segmentation.Sensitivity.Sensitive : important ? Segmentation.Sensitivity.Important : Segmentation.Sensitivity.Ordinary;

    /// <summary>The query from request parameters; errors name the parameter.</summary>
    public static SegmentQuery? Parse(
        string? by, int? orgUnitId, string? k, string? normalize, string? category, string? capacity, string? area, string? sensitivity, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var grouping = ApiEnums.Parse<SegmentBy>(by, "by", errors) ?? SegmentBy.LoadShape;
        int? clusters = null;
        if (!string.IsNullOrWhiteSpace(k) && !k.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (int.TryParse(k, out var value) && value is >= 1 and <= 20)
            {
                clusters = value;
            }
            else
            {
                errors["k"] = [$"'{k}' is not auto or a whole number from 1 to 20."];
            }
        }

        var query = new SegmentQuery(
            grouping, orgUnitId, clusters, ApiEnums.Parse<ProfileNormalization>(normalize, "normalize", errors) ?? ProfileNormalization.Sum,
            ApiEnums.Parse<CustomerCategory>(category, "category", errors), ApiEnums.Parse<CapacityBand>(capacity, "capacity", errors),
            ApiEnums.Parse<AreaType>(area, "area", errors), ApiEnums.Parse<Sensitivity>(sensitivity, "sensitivity", errors));
        return errors.Count > 0 ? null : query;
    }
}
