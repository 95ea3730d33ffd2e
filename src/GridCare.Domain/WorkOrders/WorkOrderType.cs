namespace GridCare.Domain.WorkOrders;

/// <summary>The 95598 work-order types; the type selects the SLA policy and the handling process.</summary>
public enum WorkOrderType
{
    /// <summary>故障报修</summary>
    Repair,

    /// <summary>投诉</summary>
    Complaint,

    /// <summary>举报: misconduct, electricity theft, damage to facilities.</summary>
    Report,

    /// <summary>意见</summary>
    Opinion,

    /// <summary>建议</summary>
    Suggestion,

    /// <summary>表扬</summary>
    Praise,

    /// <summary>咨询</summary>
    Inquiry,

    /// <summary>服务申请: meter test, data-anomaly check, reconnection, new connection, capacity change.</summary>
    ServiceApplication,
}
