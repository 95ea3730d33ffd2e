namespace GridCare.Domain.WorkOrders;

/// <summary>The four answers of a 回访, as satisfaction rates are reported.</summary>
public enum RevisitResult
{
    /// <summary>满意</summary>
    Satisfied,

    /// <summary>较满意</summary>
    FairlySatisfied,

    /// <summary>一般</summary>
    Neutral,

    /// <summary>不满意: reopens the order.</summary>
    Unsatisfied,
}
