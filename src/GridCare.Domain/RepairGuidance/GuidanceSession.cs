namespace GridCare.Domain.RepairGuidance;

/// <summary>Which procedure an order is being repaired by: fixed by the first step the crew reports.</summary>
public sealed class GuidanceSession
{
    private GuidanceSession()
    {
        ProcedureCode = string.Empty;
        StartedBy = string.Empty;
    }

    public long Id { get; private set; }

    public long WorkOrderId { get; private set; }

    public string ProcedureCode { get; private set; }

    public DateTime StartedAt { get; private set; }

    public string StartedBy { get; private set; }

    public static GuidanceSession Start(long workOrderId, string procedureCode, string actor, DateTime atUtc)
    {
        DomainRuleException.ThrowIfBlank(procedureCode, "procedure");
        DomainRuleException.ThrowIfBlank(actor, "actor");
        return new GuidanceSession { WorkOrderId = workOrderId, ProcedureCode = procedureCode, StartedBy = actor, StartedAt = atUtc };
    }
}

/// <summary>A message from the dispatcher or engineer guiding the crew; shown on the crew's phone.</summary>
public sealed class GuidanceMessage
{
    private GuidanceMessage()
    {
        Author = string.Empty;
        Text = string.Empty;
    }

    public long Id { get; private set; }

    public long WorkOrderId { get; private set; }

    public DateTime SentAt { get; private set; }

    public string Author { get; private set; }

    public string Text { get; private set; }

    public static GuidanceMessage Send(long workOrderId, string author, string text, DateTime atUtc)
    {
        DomainRuleException.ThrowIfBlank(author, "author");
        DomainRuleException.ThrowIfBlank(text, "text");
        return new GuidanceMessage { WorkOrderId = workOrderId, Author = author, Text = text.Trim(), SentAt = atUtc };
    }
}
