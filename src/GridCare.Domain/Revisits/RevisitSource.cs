namespace GridCare.Domain.Revisits;

/// <summary>How the answer to a revisit came in.</summary>
public enum RevisitSource
{
    /// <summary>An agent called the customer (or recorded the answer on the order).</summary>
    Agent,

    /// <summary>The customer on the portal, identified by order number and phone.</summary>
    Portal,

    /// <summary>The customer through the signed link of the SMS invitation.</summary>
    SmsLink,
}
