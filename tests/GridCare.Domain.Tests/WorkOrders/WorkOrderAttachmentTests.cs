using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.WorkOrders;

public class WorkOrderAttachmentTests
{
    private static readonly string PhotoHash = new('a', 64);

    private static AttachmentFile Photo(string sha256, AttachmentSource source = AttachmentSource.Crew, bool visible = false) =>
        new("表箱.jpg", "image/jpeg", 245_760, sha256, source, visible);

    [Fact]
    public void Attach_NewFile_AddsTheAttachmentAThreadEntryPointingAtItAndAHistoryRow()
    {
        var order = Orders.InStatus(WorkOrderStatus.Arrived);

        var result = order.Attach(Photo(PhotoHash), maxAttachments: 20, Orders.After(90));

        Assert.Null(result.Error);
        Assert.True(result.IsNew);
        var attachment = Assert.Single(order.Attachments);
        Assert.Same(attachment, result.Attachment);
        Assert.Equal(("dispatcher-li", AttachmentSource.Crew, 245_760L), (attachment.UploadedBy, attachment.Source, attachment.SizeBytes));
        var entry = order.Entries[^1];
        Assert.Equal(EntryKind.Attachment, entry.Kind);
        Assert.Equal(attachment.Id, entry.AttachmentId);
        Assert.False(entry.IsCustomerVisible);
        Assert.Contains("表箱.jpg", entry.Text, StringComparison.Ordinal);
        Assert.Equal(WorkOrderAction.Attach, order.History[^1].Action);
        Assert.Equal(WorkOrderStatus.Arrived, order.History[^1].ToStatus);
        Assert.Contains(attachment.Id.ToString(), order.History[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_SameContentTwice_KeepsOneAttachmentAndChangesNothing()
    {
        var order = Orders.InStatus(WorkOrderStatus.Accepted);
        var first = order.Attach(Photo(PhotoHash), 20, Orders.After(40));
        var entries = order.Entries.Count;
        var history = order.History.Count;

        var again = order.Attach(Photo(PhotoHash) with { FileName = "IMG_0002.jpg", IsCustomerVisible = true }, 20, Orders.After(41));

        Assert.False(again.IsNew);
        Assert.Null(again.Error);
        Assert.Same(first.Attachment, again.Attachment);
        Assert.Single(order.Attachments);
        Assert.Equal((entries, history), (order.Entries.Count, order.History.Count));
        Assert.False(again.Attachment!.IsCustomerVisible);
    }

    [Fact]
    public void Attach_WhenTheOrderIsFull_IsRefusedWithItsOwnCode()
    {
        var order = Orders.InStatus(WorkOrderStatus.Dispatched);
        Assert.Null(order.Attach(Photo(new string('1', 64)), 2, Orders.After(30)).Error);
        Assert.Null(order.Attach(Photo(new string('2', 64)), 2, Orders.After(31)).Error);

        var third = order.Attach(Photo(new string('3', 64)), 2, Orders.After(32));

        Assert.Equal(WorkOrderErrorCode.AttachmentLimitReached, third.Error?.Code);
        Assert.Null(third.Attachment);
        Assert.Equal(2, order.Attachments.Count);
    }

    [Fact]
    public void Attach_ToAClosedOrder_IsAllowedLikeANote()
    {
        var order = Orders.InStatus(WorkOrderStatus.Closed);

        var result = order.Attach(Photo(PhotoHash, AttachmentSource.Staff), 20, Orders.After(600));

        Assert.True(result.IsNew);
        Assert.Equal(WorkOrderStatus.Closed, order.Status);
    }

    [Fact]
    public void Attach_ByTheCustomerWhileWaitingOnThem_EndsTheWait()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);
        Assert.Null(order.PauseClock("Waiting for a photo of the meter", Orders.After(10)));

        order.Attach(Photo(PhotoHash, AttachmentSource.Customer, visible: true), 20, Orders.After(70, Channel.Web));

        Assert.False(order.IsClockPaused);
        Assert.True(order.Entries[^1].IsCustomerVisible);
        Assert.Equal(Channel.Web, order.Attachments[0].Channel);
    }

    [Fact]
    public void Attach_ByCrewWhileWaitingOnTheCustomer_KeepsTheClockPaused()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);
        Assert.Null(order.PauseClock("Waiting for the customer", Orders.After(10)));

        order.Attach(Photo(PhotoHash), 20, Orders.After(70));

        Assert.True(order.IsClockPaused);
    }

    [Fact]
    public void Attach_HashNotLowerCaseHex_IsABug()
    {
        var order = Orders.Receive();

        Assert.Throws<DomainRuleException>(() => order.Attach(Photo(new string('A', 64)), 20, Orders.After(5)));
    }
}
