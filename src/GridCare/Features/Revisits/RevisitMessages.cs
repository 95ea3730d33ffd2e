using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Revisits;

/// <summary>
/// The texts GridCare writes to customers and into their orders about a revisit. They are in Chinese whatever the
/// language of the request that caused them: the customers of a Chinese supply bureau read them on their phones.
/// </summary>
public sealed class RevisitMessages(IStringLocalizer<RevisitStrings> localizer)
{
    private static readonly CultureInfo Customers = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The SMS with the link: signed by the bureau, naming the order and until when the link works.</summary>
    public string Invitation(string bureau, WorkOrder order, Uri link, DateTime expiresAtUtc)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Text(
            "Sms_Invitation",
            bureau,
            Text($"Sms_Type_{order.Type}"),
            order.Number,
            link,
            ChinaTime.ToCst(expiresAtUtc).ToString("M月d日 HH:mm", Customers));
    }

    /// <summary>The words of the complaint an unsatisfied revisit opens.</summary>
    public string Complaint(string orderNumber, string? comment) =>
        string.IsNullOrWhiteSpace(comment)
            ? Text("Complaint_FromRevisit", orderNumber)
            : Text("Complaint_FromRevisitWithComment", orderNumber, comment.Trim());

    private string Text(string name, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Customers;
        try
        {
            return localizer[name, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
