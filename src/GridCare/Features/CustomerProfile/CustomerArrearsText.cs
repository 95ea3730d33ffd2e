using GridCare.Domain.Customers;
using GridCare.Features.Customers;
using GridCare.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.CustomerProfile;

/// <summary>The account's arrears and reconnection status in one line, as the 360° page and the agent's panel show it.</summary>
public static class CustomerArrearsText
{
    public static string Describe(CustomerDetail customer, IStringLocalizer<InsightStrings> text)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(text);
        var arrears = customer.Arrears;
        return customer.ReconnectionStatus switch
        {
            ReconnectionStatus.DisconnectedForArrears => text["Arrears_Cut", arrears.AmountYuan, ChinaTimeText.Format(arrears.DisconnectedAt)],
            ReconnectionStatus.ReconnectionPending => text["Arrears_Pending", ChinaTimeText.Format(arrears.PaidAt)],
            _ when arrears.AmountYuan > 0 => text["Arrears_Owed", arrears.AmountYuan, ChinaTimeText.Format(arrears.Since)],
            _ => text["Arrears_None"],
        };
    }
}
