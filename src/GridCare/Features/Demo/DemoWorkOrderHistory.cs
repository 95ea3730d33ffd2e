using GridCare.Analytics.MeterData.Demo;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Revisits;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Demo;

/// <summary>
/// What one county's generated work-order history is made of: orders with their threads, their contacts, the revisit
/// tasks of the revisited orders (with the order each belongs to, whose id the save assigns), and the last number used
/// per prefix and day.
/// </summary>
internal sealed record DemoWorkOrderSet(
    List<WorkOrder> Orders, List<Contact> Contacts, List<(WorkOrder Order, RevisitTask Task)> Revisits, Dictionary<(string Prefix, DateOnly Day), int> LastNumbers);

/// <summary>
/// Twelve months of work orders of one county, up to now, for the satisfaction dashboards and for training and
/// backtesting the complaint-risk model. Repairs follow the interruption history (one order per unplanned sustained
/// event, several callers on the bigger ones) plus faults behind single meters; complaints come month by month from
/// each customer's stress — interruptions that month and the one before, a hot transformer or a low-voltage pocket
/// (<see cref="DemoTransformerStresses"/>), a construction season on the feeder, an unsatisfied revisit, complaints of
/// the months before, and a personal propensity — scaled so the classes keep the published mix (DOMAIN.md §3);
/// inquiries, applications, reports, praise, opinions and suggestions come at their own rates. Every order runs
/// through the real lifecycle with revisits. Its own random stream: the same seed gives the same history.
/// </summary>
internal sealed partial class DemoWorkOrderHistory
{
    public const int Months = 12;

    /// <summary>Complaints per 1,000 customers a year, and the class mix of the source article (DOMAIN.md §3).</summary>
    public const double ComplaintsPerThousand = 50;

    public static readonly IReadOnlyDictionary<ComplaintClass, double> Mix = new Dictionary<ComplaintClass, double>
    {
        [ComplaintClass.SupplyQuality] = 0.36,
        [ComplaintClass.Service] = 0.28,
        [ComplaintClass.Business] = 0.28,
        [ComplaintClass.Outage] = 0.05,
        [ComplaintClass.GridConstruction] = 0.03,
    };

    // Other contacts per 1,000 customers a year.
    private static readonly (WorkOrderType Type, double PerThousand)[] OtherRates =
    [
        (WorkOrderType.Repair, 30), (WorkOrderType.Inquiry, 70), (WorkOrderType.ServiceApplication, 35),
        (WorkOrderType.Report, 5), (WorkOrderType.Praise, 4), (WorkOrderType.Opinion, 3), (WorkOrderType.Suggestion, 3),
    ];

    private readonly Random random;
    private readonly DemoCounty county;
    private readonly DemoWorkOrderTexts texts;
    private readonly SlaClock clock = new(BusinessCalendar.ChinaMainland());
    private readonly IReadOnlyList<SlaPolicy> policies = SlaDefaults.Policies();
    private readonly DateTime nowUtc;
    private readonly DateTime startUtc;
    private readonly TimeSpan month;
    private readonly string prefix;
    private readonly List<Customer> customers;
    private readonly DemoWorkOrderSet result = new([], [], [], []);
    private readonly double[] propensity;
    private readonly bool[] stressed;
    private readonly double[] supplyStress;
    private readonly int[] feederOf;
    private readonly int[,] interruptions;
    private readonly double[,] interruptedMinutes;
    private readonly int[,] complaints;
    private readonly DateTime?[] unsatisfiedAt;

    private DemoWorkOrderHistory(int seed, DemoCounty county, DemoCountyArea area, DemoTransformerStress stress, DemoWorkOrderTexts texts, DateTime nowUtc)
    {
        random = new Random(unchecked((seed * 31) + county.Index + 95598));
        this.county = county;
        this.texts = texts;
        this.nowUtc = nowUtc;
        startUtc = nowUtc.AddDays(-365);
        month = TimeSpan.FromDays(365.0 / Months);
        prefix = county.County.OrderPrefix ?? "GC";
        customers = [.. area.Customers];
        var feeders = new Dictionary<long, int>();
        propensity = new double[customers.Count];
        stressed = new bool[customers.Count];
        supplyStress = new double[customers.Count];
        feederOf = new int[customers.Count];
        interruptions = new int[customers.Count, Months + 1];
        interruptedMinutes = new double[customers.Count, Months + 1];
        complaints = new int[customers.Count, Months];
        unsatisfiedAt = new DateTime?[customers.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            var transformer = customers[i].ServicePoint!.Parent!.Parent!;
            var hot = stress.Hot.Contains(transformer.Code);
            var low = stress.LowVoltage.Contains(transformer.Code);
            stressed[i] = hot || low;
            supplyStress[i] = (hot ? 5 : 0) + (low ? 7 : 0);
            propensity[i] = Math.Exp(0.7 * Normal());
            var feeder = transformer;
            while (feeder.Kind != DeviceKind.Feeder)
            {
                feeder = feeder.Parent!;
            }

            feederOf[i] = feeders.TryGetValue(feeder.Id, out var f) ? f : feeders[feeder.Id] = feeders.Count;
        }
    }

    public static DemoWorkOrderSet Generate(
        int seed, DemoCounty county, DemoCountyArea area, IReadOnlyList<DemoInterruption> interruptionHistory,
        DemoTransformerStress stress, DemoWorkOrderTexts texts, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(county);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(interruptionHistory);
        ArgumentNullException.ThrowIfNull(stress);
        ArgumentNullException.ThrowIfNull(texts);
        var history = new DemoWorkOrderHistory(seed, county, area, stress, texts, nowUtc);
        history.CountInterruptions(interruptionHistory);
        history.RepairsOfEvents(interruptionHistory);
        var construction = Enumerable.Range(0, history.feederOf.Length == 0 ? 0 : history.feederOf.Max() + 1)
            .Select(_ => history.random.Next(Months))
            .ToArray();
        for (var m = 0; m < Months; m++)
        {
            history.ComplaintsOf(m, construction);
            history.OthersOf(m);
        }

        return history.result;
    }

    /// <summary>Sustained interruptions (over 5 minutes) per customer and month; month 0 of the arrays is the month before the history.</summary>
    private void CountInterruptions(IReadOnlyList<DemoInterruption> history)
    {
        var index = customers.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var row in history)
        {
            var minutes = (row.RestoredAt - row.InterruptedAt).TotalMinutes;
            var m = (int)Math.Floor((row.InterruptedAt - startUtc) / month) + 1;
            if (minutes > 5 && m is >= 0 and <= Months && index.TryGetValue(row.CustomerId, out var i))
            {
                interruptions[i, m]++;
                interruptedMinutes[i, m] += minutes;
            }
        }
    }

    /// <summary>
    /// The month's complaints: a weight per customer and class from its stress, the class scaled to its share of the
    /// yearly total, a Poisson draw per customer. Revisits of earlier months already shaped the weights.
    /// </summary>
    private void ComplaintsOf(int m, int[] construction)
    {
        var total = ComplaintsPerThousand * customers.Count / 1000.0 / Months;
        foreach (var (complaintClass, share) in Mix)
        {
            var weights = new double[customers.Count];
            for (var i = 0; i < customers.Count; i++)
            {
                weights[i] = Weight(i, m, complaintClass, construction);
            }

            var scale = total * share / Math.Max(weights.Sum(), 1e-9);
            for (var i = 0; i < customers.Count; i++)
            {
                for (var n = Poisson(scale * weights[i]); n > 0; n--)
                {
                    Complaint(i, complaintClass, RandomTimeIn(m));
                    complaints[i, m]++;
                }
            }
        }
    }

    private double Weight(int i, int m, ComplaintClass complaintClass, int[] construction)
    {
        var now = interruptions[i, m + 1];
        var before = interruptions[i, m];
        var recent = (m > 0 ? complaints[i, m - 1] : 0) + (m > 1 ? complaints[i, m - 2] : 0) + (m > 2 ? complaints[i, m - 3] : 0);
        var repeat = 1 + (1.5 * recent);
        var monthStart = startUtc + (m * month);
        var unsatisfied = unsatisfiedAt[i] is { } at && at < monthStart && monthStart - at < TimeSpan.FromDays(90) ? 5 : 1;
        var customer = customers[i];
        return propensity[i] * complaintClass switch
        {
            ComplaintClass.SupplyQuality => repeat * (0.3 + supplyStress[i] + now + (0.5 * before)),
            ComplaintClass.Outage => repeat * (0.05 + (0.8 * now) + (0.2 * before) + (Math.Min(interruptedMinutes[i, m + 1], 600) / 300)),
            ComplaintClass.Service => repeat * unsatisfied * (customer.IsSensitive ? 2.5 : 1),
            ComplaintClass.Business => repeat * (customer.Category is CustomerCategory.Commercial or CustomerCategory.Industrial ? 2 : 1),
            ComplaintClass.GridConstruction => construction[feederOf[i]] == m ? 25 : 0.3,
            _ => 1,
        };
    }

    /// <summary>Contacts other than complaints and event repairs, spread over customers by their propensity.</summary>
    private void OthersOf(int m)
    {
        foreach (var (type, perThousand) in OtherRates)
        {
            var count = Poisson(perThousand * customers.Count / 1000.0 / Months);
            for (var n = 0; n < count; n++)
            {
                var i = random.Next(customers.Count);
                Other(i, type, RandomTimeIn(m));
            }
        }
    }

    /// <summary>A moment of month <paramref name="m"/>, mostly in the day (China time), when people call.</summary>
    private DateTime RandomTimeIn(int m)
    {
        var from = startUtc + (m * month);
        var day = ChinaTime.DateOf(from.AddTicks((long)(random.NextDouble() * month.Ticks)));
        var hour = random.NextDouble() < 0.9 ? 8 + random.Next(14) : random.Next(24);
        var at = ChinaTime.FromCst(day, new TimeOnly(hour, random.Next(60), random.Next(60)));
        return at < from ? from : at >= nowUtc ? nowUtc.AddMinutes(-random.Next(1, 60)) : at;
    }

    private int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * Normal())));
        }

        var (limit, k, p) = (Math.Exp(-lambda), 0, random.NextDouble());
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
