using GridCare.Domain.Network;
using GridCare.Domain.Revisits;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Revisits;

namespace GridCare.Features.Demo;

internal sealed partial class DemoWorkOrderHistory
{
    private static readonly (Channel Channel, double Share)[] Channels =
        [(Channel.Hotline, 0.6), (Channel.App, 0.15), (Channel.Wechat, 0.12), (Channel.Web, 0.05), (Channel.Counter, 0.05), (Channel.Transfer12345, 0.03)];

    private static readonly ServiceApplicationKind[] Applications = Enum.GetValues<ServiceApplicationKind>();

    // When a revisit falls due for agents, as the revisits feature's default setting has it.
    private static readonly TimeSpan RevisitDueAfter = new RevisitsOptions().DueAfter;

    /// <summary>One repair order per unplanned sustained event: the first caller opens it, a few more call on the bigger ones.</summary>
    private void RepairsOfEvents(IReadOnlyList<DemoInterruption> history)
    {
        var index = customers.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var events = history
            .Where(r => !r.Planned && r.InterruptedAt >= startUtc && (r.RestoredAt - r.InterruptedAt).TotalMinutes > 5)
            .GroupBy(r => r.EventKey)
            .OrderBy(g => g.Min(r => r.InterruptedAt))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var outage in events)
        {
            var affected = outage.Select(r => r.CustomerId).Distinct().Where(index.ContainsKey).Select(id => index[id]).ToList();
            if (affected.Count == 0)
            {
                continue;
            }

            var start = outage.Min(r => r.InterruptedAt);
            var restored = outage.Max(r => r.RestoredAt);
            var caller = affected[random.Next(affected.Count)];
            var run = Receive(caller, WorkOrderType.Repair, null, null, start.AddMinutes(2 + random.Next(20)));
            var callers = Math.Min(Poisson(Math.Min(affected.Count, 300) * 0.02), 6);
            for (var n = 0; n < callers; n++)
            {
                var at = run.Order.ReceivedAt.AddMinutes(1 + random.Next(40));
                run.Step(at, c => run.Order.AddContact(texts.Pick(random, WorkOrderType.Repair, null), c), fromCustomer: true);
            }

            Repair(run, caller, restored);
        }
    }

    private void Other(int i, WorkOrderType type, DateTime at)
    {
        if (type == WorkOrderType.Repair)
        {
            // A fault behind one meter (表后/接户线): no interruption of the network on record.
            var run = Receive(i, type, null, null, at);
            Repair(run, i, restoredUtc: null);
            return;
        }

        var application = type == WorkOrderType.ServiceApplication ? Applications[random.Next(Applications.Length)] : (ServiceApplicationKind?)null;
        var order = Receive(i, type, null, application, at);
        if (type is WorkOrderType.Inquiry or WorkOrderType.Praise)
        {
            // Answered on the call, or thanked and passed on the same day.
            var answered = order.Step(at.AddMinutes(3 + random.Next(type == WorkOrderType.Inquiry ? 20 : 600)), c => order.Order.Resolve("ANSWERED", "EXPLAINED", c));
            _ = answered && order.Step(order.Last.AddMinutes(1 + random.Next(120)), c => order.Order.Close(null, c));
            order.Scan(nowUtc);
            return;
        }

        var (unit, team) = type switch
        {
            WorkOrderType.ServiceApplication => (customers[i].OrgUnitId, "营业班"),
            WorkOrderType.Report => (county.County.Id, "营销稽查班"),
            _ => (county.County.Id, "客户服务中心"),
        };
        var days = type == WorkOrderType.ServiceApplication ? 1.5 : 3;
        _ = order.Step(at.AddMinutes(10 + random.Next(120)), c => order.Order.Dispatch(unit, team, c))
            && order.Step(order.Last.AddMinutes(10 + random.Next(240)), c => order.Order.Accept(c))
            && order.Step(order.Last.AddHours(LogNormal(days * 24, 0.6)), c => order.Order.Resolve("HANDLED", "DONE", c))
            && order.Step(order.Last.AddMinutes(5 + random.Next(600)), c => order.Order.Close(null, c));
        order.Scan(nowUtc);
    }

    /// <summary>Dispatch to the station's crew, arrival within (mostly) the area's limit, restoration, revisit.</summary>
    private void Repair(DemoWorkOrderLifecycle run, int i, DateTime? restoredUtc)
    {
        var order = run.Order;
        var arrivalLimit = order.AreaType switch { AreaType.Urban => 45, AreaType.Rural => 90, _ => 120 };
        var arrive = order.ReceivedAt.AddMinutes(LogNormal(arrivalLimit * 0.6, 0.45));
        var resolved = restoredUtc is { } r && r > arrive.AddMinutes(5) ? r : arrive.AddMinutes(LogNormal(50, 0.6));
        var ok = run.Step(order.ReceivedAt.AddMinutes(1 + random.Next(8)), c => order.Dispatch(customers[i].OrgUnitId, "抢修班", c))
            && run.Step(run.Last.AddMinutes(1 + random.Next(6)), c => order.Accept(c))
            && run.Step(arrive, c => order.Arrive(c))
            && run.Step(resolved, c => order.Resolve(restoredUtc is null ? "CUSTOMER-SIDE" : "NETWORK-FAULT", "REPAIRED", c));
        var slow = (resolved - order.ReceivedAt).TotalMinutes > 300 ? 0.12 : 0;
        _ = ok && Revisit(run, i, slow);
        run.Scan(nowUtc);
    }

    private void Complaint(int i, ComplaintClass complaintClass, DateTime at)
    {
        var run = Receive(i, WorkOrderType.Complaint, complaintClass, null, at);
        var order = run.Order;
        var team = complaintClass == ComplaintClass.SupplyQuality ? "运维检修班" : "客户服务中心";
        var ok = run.Step(at.AddMinutes(10 + random.Next(180)), c => order.Dispatch(county.County.Id, team, c))
            && run.Step(run.Last.AddMinutes(10 + random.Next(120)), c => order.Accept(c))
            && run.Step(run.Last.AddHours(LogNormal(4, 1.0)), c => order.AddNote(EntryKind.AgentNote, "已联系客户，说明受理情况和处理时限。", isCustomerVisible: true, c))
            && run.Step(order.ReceivedAt.AddHours(LogNormal(60, 0.7)), c => order.Resolve(complaintClass.ToString().ToUpperInvariant(), "HANDLED", c));

        // A voltage problem behind a stressed transformer is seldom really fixed by the answer.
        var unresolved = complaintClass == ComplaintClass.SupplyQuality && stressed[i] ? 0.2 : 0;
        _ = ok && Revisit(run, i, unresolved);
        run.Scan(nowUtc);
    }

    /// <summary>
    /// The revisit: satisfied mostly, unsatisfied more often after a breach or an unfixed cause; unsatisfied reopens
    /// the order, which is handled again and revisited once more. Each round has its revisit task, opened and answered
    /// by the domain's own rules as <see cref="OpenRevisitTask"/> does for a live order, so the revisit queue and the
    /// satisfaction results (回访满意率) have their history; a round not answered by now stays open in the queue.
    /// Past invitations are not replayed: the tasks have no link and the outbox no message.
    /// </summary>
    private bool Revisit(DemoWorkOrderLifecycle run, int i, double extraUnsatisfied)
    {
        var order = run.Order;
        for (var round = 0; round < 2; round++)
        {
            if (!run.Step(run.Last.AddHours(1 + random.Next(20)), c => order.StartRevisit(c), WorkOrder.RevisitActor))
            {
                return false;
            }

            var task = RevisitTask.Open(order, run.Last, RevisitDueAfter);
            result.Revisits.Add((order, task));
            var unsatisfied = round == 0 ? 0.04 + extraUnsatisfied + (order.IsBreached ? 0.15 : 0) : 0.05;
            var draw = random.NextDouble();
            var answer = draw < unsatisfied ? RevisitResult.Unsatisfied
                : draw < unsatisfied + 0.05 ? RevisitResult.Neutral
                : draw < unsatisfied + 0.17 ? RevisitResult.FairlySatisfied
                : RevisitResult.Satisfied;
            if (!run.Step(run.Last.AddHours(LogNormal(6, 0.8)), c => order.RecordRevisit(answer, null, c), WorkOrder.RevisitActor))
            {
                return false;
            }

            var followUp = answer == RevisitResult.Unsatisfied ? RevisitFollowUp.Reopen : (RevisitFollowUp?)null;
            task.Answer(new RevisitAnswer(answer, null, WorkOrder.RevisitActor, RevisitSource.Agent, followUp), run.Last);
            if (answer != RevisitResult.Unsatisfied)
            {
                return true;
            }

            unsatisfiedAt[i] = run.Last;
            var team = order.Team ?? "客户服务中心";
            if (!(run.Step(run.Last.AddHours(1 + random.Next(6)), c => order.Dispatch(order.OrgUnitId, team, c))
                && run.Step(run.Last.AddMinutes(10 + random.Next(120)), c => order.Accept(c))
                && run.Step(run.Last.AddHours(LogNormal(30, 0.6)), c => order.Resolve("REOPENED", "HANDLED", c))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Takes in the first contact through the real intake rules, with the county's next number for the day.</summary>
    private DemoWorkOrderLifecycle Receive(int i, WorkOrderType type, ComplaintClass? complaintClass, ServiceApplicationKind? application, DateTime atUtc)
    {
        var customer = customers[i];
        var channel = PickChannel();
        var day = ChinaTime.DateOf(atUtc);
        var sequence = result.LastNumbers[(prefix, day)] = result.LastNumbers.GetValueOrDefault((prefix, day)) + 1;
        var number = WorkOrderNumber.For(prefix, atUtc, sequence).ToString();
        var text = texts.Pick(random, type, complaintClass);
        // Calls and counter visits are taken by the demo agent, so that the complaint hotspots have an agent to show.
        var receivedBy = channel is Channel.Hotline or Channel.Counter ? DemoAccounts.Agent : DemoWorkOrderLifecycle.Actor;
        var intake = new WorkOrderIntake(number, type, channel, atUtc, customer.OrgUnitId, receivedBy, text)
        {
            ComplaintClass = complaintClass,
            ServiceApplication = application,
            Customer = CustomerFacts.Of(customer),
            ExternalId = "demo-" + number,
        };
        var received = WorkOrder.Receive(intake, policies, clock);
        var order = received.Order ?? throw new InvalidOperationException($"Demo order {number}: {received.Error?.Message}");
        result.Orders.Add(order);
        result.Contacts.Add(Contact.Record(channel, intake.ExternalId, atUtc, customer.AccountNumber, customer.Phone, null, text, customer.Id, order, isRepeat: false));
        return new DemoWorkOrderLifecycle(order, clock, nowUtc, channel);
    }

    private Channel PickChannel()
    {
        var draw = random.NextDouble();
        foreach (var (channel, share) in Channels)
        {
            if ((draw -= share) < 0)
            {
                return channel;
            }
        }

        return Channel.Hotline;
    }

    /// <summary>A skewed duration around <paramref name="median"/> (hours or minutes, as the caller means it).</summary>
    private double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());
}
