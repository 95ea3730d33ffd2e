namespace GridCare.Domain.Revisits;

/// <summary>What an unsatisfied revisit leads to.</summary>
public enum RevisitFollowUp
{
    /// <summary>The problem is not solved: the order goes back to Received to be handled again.</summary>
    Reopen,

    /// <summary>The customer is unhappy with how they were served: a complaint is opened, linked to the order.</summary>
    Complaint,
}
