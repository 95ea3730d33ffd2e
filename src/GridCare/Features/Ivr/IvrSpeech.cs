using System.Globalization;
using GridCare.Domain.Customers;
using GridCare.Domain.Outages;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Ivr;

/// <summary>
/// Composes what the IVR says from the resource texts, in the caller's language. Times are spoken in China Standard
/// Time relative to the call's day ("今天18:30", "明天08:00"), as a person at the hotline would say them.
/// </summary>
public sealed class IvrSpeech(IStringLocalizer<IvrStrings> localizer, CultureInfo culture, DateTime nowUtc)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public string Greeting() => Text("Speech_Greeting");

    public string Outage(IvrOutage outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        if (outage.Status == OutageStatus.Scheduled && outage.Start is { } start && outage.Etr is { } end)
        {
            return Text($"Speech_OutageScheduled_{outage.Kind}", At(start), At(end));
        }

        return outage.Etr is { } etr && etr > nowUtc ? Text($"Speech_OutageActive_{outage.Kind}", At(etr)) : Text("Speech_OutageNoEtr");
    }

    public string Order(IvrOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var status = order.Status switch
        {
            WorkOrderStatus.Accepted when order.Type == WorkOrderType.Repair => Text("Status_AcceptedRepair"),
            WorkOrderStatus.Revisit => Text("Status_Resolved"),
            _ => Text($"Status_{order.Status}"),
        };
        var due = order.Status is not (WorkOrderStatus.Resolved or WorkOrderStatus.Revisit) && order.ResolutionDueAt is { } at && at > nowUtc
            ? Text("Speech_OrderDue", At(at))
            : string.Empty;
        return Text("Speech_Order", Text($"Type_{order.Type}"), order.Number, status, due);
    }

    public string MoreOrders(int count) => Text("Speech_MoreOrders", count);

    public string Arrears(IvrArrears arrears, int reconnectionHours)
    {
        ArgumentNullException.ThrowIfNull(arrears);
        var amount = arrears.AmountYuan.ToString("0.##", CultureInfo.InvariantCulture);
        return arrears.ReconnectionStatus switch
        {
            ReconnectionStatus.DisconnectedForArrears when arrears.AmountYuan > 0 => Text("Speech_Disconnected", amount, On(arrears.DisconnectedAt!.Value), reconnectionHours),
            ReconnectionStatus.DisconnectedForArrears => Text("Speech_DisconnectedNoAmount", On(arrears.DisconnectedAt!.Value), reconnectionHours),
            ReconnectionStatus.ReconnectionPending when arrears.ReconnectionOverdue => Text("Speech_ReconnectionOverdue"),
            ReconnectionStatus.ReconnectionPending => Text("Speech_ReconnectionPending", At(arrears.ReconnectionDueAt!.Value)),
            _ when arrears.AmountYuan > 0 => Text("Speech_Arrears", amount),
            _ => string.Empty,
        };
    }

    public string AllClear() => Text("Speech_AllClear");

    public string Ambiguous(int accounts) => Text("Speech_Ambiguous", accounts);

    public string Unknown() => Text("Speech_Unknown");

    public string AccountNotFound() => Text("Speech_AccountNotFound");

    /// <summary>An instant as spoken: today / tomorrow / yesterday with the time, or the date with the time.</summary>
    private string At(DateTime utc)
    {
        var cst = ChinaTime.ToCst(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var time = cst.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (DateOnly.FromDateTime(cst).DayNumber - ChinaTime.DateOf(nowUtc).DayNumber) switch
        {
            0 => Text("Time_Today", time),
            1 => Text("Time_Tomorrow", time),
            -1 => Text("Time_Yesterday", time),
            _ => Text("Time_Date", cst.Month, cst.Day, time, cst.ToString("d MMMM", English)),
        };
    }

    /// <summary>A day as spoken, for events whose hour does not matter to the caller (the day of a cut).</summary>
    private string On(DateTime utc)
    {
        var cst = ChinaTime.ToCst(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return (DateOnly.FromDateTime(cst).DayNumber - ChinaTime.DateOf(nowUtc).DayNumber) switch
        {
            0 => Text("Day_Today"),
            -1 => Text("Day_Yesterday"),
            _ => Text("Day_Date", cst.Month, cst.Day, cst.ToString("d MMMM", English)),
        };
    }

    private string Text(string name, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return string.Format(culture, localizer[name].Value, arguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
