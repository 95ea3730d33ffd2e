using GridCare.Domain.Revisits;
using GridCare.Domain.Tests.WorkOrders;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.Revisits;

public class RevisitTaskTests
{
    private static readonly DateTime Opened = Orders.Received.AddHours(3);

    private static RevisitTask Task()
    {
        var order = Orders.InStatus(WorkOrderStatus.Revisit);
        return RevisitTask.Open(order, Opened, TimeSpan.FromDays(1));
    }

    [Fact]
    public void Open_OrderInRevisit_IsDueAfterTheDelay()
    {
        var task = Task();

        Assert.Equal(RevisitTaskStatus.Open, task.Status);
        Assert.Equal(Opened.AddDays(1), task.DueAt);
        Assert.False(task.IsDue(Opened.AddHours(23)));
        Assert.True(task.IsDue(Opened.AddDays(1)));
        Assert.Equal(1, task.Round);
    }

    [Fact]
    public void Open_OrderNotInRevisit_Throws()
    {
        Assert.Throws<DomainRuleException>(() => RevisitTask.Open(Orders.InStatus(WorkOrderStatus.Resolved), Opened, TimeSpan.Zero));
    }

    [Fact]
    public void Answer_ThroughTheLink_UsesTheLinkUp()
    {
        var task = Task();
        task.AttachLink(new string('a', 64), Opened.AddDays(3));

        task.Answer(new RevisitAnswer(RevisitResult.Satisfied, " 很好 ", "customer", RevisitSource.SmsLink), Opened.AddHours(2));

        Assert.Equal(RevisitTaskStatus.Answered, task.Status);
        Assert.Equal("很好", task.Comment);
        Assert.Equal(Opened.AddHours(2), task.LinkUsedAt);
        Assert.False(task.LinkIsValid(Opened.AddHours(3)));
    }

    [Fact]
    public void Answer_ThroughAnExpiredLink_Throws()
    {
        var task = Task();
        task.AttachLink(new string('a', 64), Opened.AddDays(3));

        Assert.Throws<DomainRuleException>(() => task.Answer(new RevisitAnswer(RevisitResult.Satisfied, null, "customer", RevisitSource.SmsLink), Opened.AddDays(3)));
    }

    [Fact]
    public void Answer_Twice_Throws()
    {
        var task = Task();
        task.Answer(new RevisitAnswer(RevisitResult.Neutral, null, "agent", RevisitSource.Agent), Opened.AddHours(1));

        Assert.Throws<DomainRuleException>(() => task.Answer(new RevisitAnswer(RevisitResult.Satisfied, null, "agent", RevisitSource.Agent), Opened.AddHours(2)));
    }

    [Fact]
    public void Answer_UnsatisfiedWithoutFollowUp_Throws()
    {
        Assert.Throws<DomainRuleException>(() => Task().Answer(new RevisitAnswer(RevisitResult.Unsatisfied, null, "agent", RevisitSource.Agent), Opened));
    }

    [Fact]
    public void Answer_OnTheChinaDayOfTheAnswer_IsCountedOnThatDay()
    {
        var task = Task();

        // 17:30 UTC is 01:30 the next morning in China.
        task.Answer(new RevisitAnswer(RevisitResult.Satisfied, null, "agent", RevisitSource.Agent), new DateTime(2026, 5, 6, 17, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateOnly(2026, 5, 7), task.AnsweredOn);
    }

    [Fact]
    public void RecordRevisitAsComplaint_ClosesTheOrderWithTheComplaintInItsThread()
    {
        var order = Orders.InStatus(WorkOrderStatus.Revisit);

        Assert.Null(order.RecordRevisitAsComplaint("抢修人员态度差", "DF20260506-000009", Orders.After(120)));

        Assert.Equal(WorkOrderStatus.Closed, order.Status);
        Assert.Equal(RevisitResult.Unsatisfied, order.RevisitResult);
        Assert.Equal(0, order.ReopenCount);
        Assert.Contains(order.Entries, e => e.Kind == EntryKind.SystemEvent && e.Text.Contains("DF20260506-000009", StringComparison.Ordinal));
    }
}
