namespace GridCare.Domain.Revisits;

public enum RevisitTaskStatus
{
    /// <summary>Waiting for the customer's answer: by the SMS link or the portal, or an agent's call once due.</summary>
    Open,

    Answered,

    /// <summary>The order left the revisit without an answer: closed unreached, or reopened.</summary>
    Cancelled,
}
