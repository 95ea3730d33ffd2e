using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Revisits;

/// <summary>
/// The texts GridCare writes to customers and into their orders about a revisit. They are in Chinese whatever the
/// language of the request that caused them: the customers of a Chinese supply bureau read them on their phones.
/// </summary>
public sealed class RevisitMessages(IStringLocalizer<RevisitStrings> localizer)
{
    private static readonly CultureInfo Customers = CultureInfo.GetCultureInfo("zh-CN");

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
