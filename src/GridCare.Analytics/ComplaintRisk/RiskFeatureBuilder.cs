namespace GridCare.Analytics.ComplaintRisk;

/// <summary>One scored subject: a customer (<see cref="Id"/> is the customer) or a transformer (the device).</summary>
public sealed record RiskSubject(RiskLevel Level, long Id, int OrgUnitId, long TransformerId, string TransformerCode, int Customers);

/// <summary>
/// Turns the history into feature vectors as of any instant, counting only what happened before it: interruptions
/// and their minutes in the last 30/90/365 days, complaints and unsatisfied revisits, the neighbours' complaints under
/// the same transformer, and the meter store's voltage and load facts where they describe that instant. Events are
/// kept sorted per subject, so a window is two binary searches and a backtest over many instants stays cheap.
/// </summary>
public sealed class RiskFeatureBuilder
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly RiskHistory history;
    private readonly Dictionary<long, Events> customers = [];
    private readonly Dictionary<long, Events> transformers = [];
    private readonly List<RiskSubject> customerSubjects;
    private readonly List<RiskSubject> transformerSubjects;
    private readonly Dictionary<long, int> customersOfTransformer;
    private readonly HashSet<long> sensitive;

    public RiskFeatureBuilder(RiskHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        this.history = history;
        var transformerOf = history.Customers.ToDictionary(c => c.CustomerId, c => c.TransformerId);
        customerSubjects = [.. history.Customers.Select(c => new RiskSubject(RiskLevel.Customer, c.CustomerId, c.OrgUnitId, c.TransformerId, c.TransformerCode, 1))];
        transformerSubjects = [.. history.Customers
            .GroupBy(c => c.TransformerId)
            .Select(g => new RiskSubject(RiskLevel.Transformer, g.Key, g.First().TransformerOrgUnitId, g.Key, g.First().TransformerCode, g.Count()))];
        customersOfTransformer = transformerSubjects.ToDictionary(t => t.Id, t => t.Customers);
        sensitive = [.. history.Customers.Where(c => c.IsSensitive).Select(c => c.CustomerId)];
        Events.Build(customers, history, id => id);
        Events.Build(transformers, history, id => transformerOf.TryGetValue(id, out var t) ? t : null);
    }

    public IReadOnlyList<RiskSubject> Subjects(RiskLevel level) => level == RiskLevel.Customer ? customerSubjects : transformerSubjects;

    /// <summary>Whether the subject (or a customer under the transformer) complained in (asOf, asOf + horizon].</summary>
    public bool Complained(RiskSubject subject, DateTime asOfUtc, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var events = Of(subject);
        return events is not null && Events.Count(events.Complaints, asOfUtc.AddTicks(1), asOfUtc.Add(horizon).AddTicks(1)) > 0;
    }

    public float[] Features(RiskSubject subject, DateTime asOfUtc)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var own = Of(subject) ?? Events.Empty;
        var meter = history.Meter is { } m && (m.AsOfUtc - asOfUtc).Duration() <= Day ? m : null;
        var load = meter?.LoadByTransformer.GetValueOrDefault(subject.TransformerCode);
        var lastComplaint = Events.Last(own.Complaints, asOfUtc);
        var sinceComplaint = lastComplaint is { } at ? (float)(asOfUtc - at).TotalDays : float.NaN;
        if (subject.Level == RiskLevel.Transformer)
        {
            float PerCustomer(double value) => (float)(value / Math.Max(subject.Customers, 1));
            return
            [
                subject.Customers, PerCustomer(own.InterruptionsIn(asOfUtc, 30)), PerCustomer(own.InterruptionsIn(asOfUtc, 90)), PerCustomer(own.MinutesIn(asOfUtc, 90)),
                own.ComplaintsIn(asOfUtc, 90), own.ComplaintsIn(asOfUtc, 365), sinceComplaint, own.UnsatisfiedIn(asOfUtc, 365),
                Value(load?.PeakLoadRate), Value(load?.HeavyMinutes), Value(load?.VoltageCompliance), Value(load?.LoadEpisodes),
            ];
        }

        var neighbours = transformers.GetValueOrDefault(subject.TransformerId) ?? Events.Empty;
        var customers = customersOfTransformer.GetValueOrDefault(subject.TransformerId, 1);
        var voltage = meter is not null && meter.VoltageComplianceByCustomer.TryGetValue(subject.Id, out var v) ? v : (double?)null;
        return
        [
            own.InterruptionsIn(asOfUtc, 30), own.InterruptionsIn(asOfUtc, 90), own.InterruptionsIn(asOfUtc, 365),
            own.MinutesIn(asOfUtc, 30), own.MinutesIn(asOfUtc, 90), own.MinutesIn(asOfUtc, 365),
            own.ComplaintsIn(asOfUtc, 90), own.ComplaintsIn(asOfUtc, 365), sinceComplaint, own.UnsatisfiedIn(asOfUtc, 365),
            neighbours.ComplaintsIn(asOfUtc, 90) - own.ComplaintsIn(asOfUtc, 90), neighbours.ComplaintsIn(asOfUtc, 365) - own.ComplaintsIn(asOfUtc, 365),
            (float)(neighbours.InterruptionsIn(asOfUtc, 90) / (double)customers),
            Value(voltage), Value(load?.PeakLoadRate), Value(load?.HeavyMinutes), Value(load?.VoltageCompliance), sensitive.Contains(subject.Id) ? 1 : 0,
        ];
    }

    private Events? Of(RiskSubject subject) =>
        (subject.Level == RiskLevel.Customer ? customers : transformers).GetValueOrDefault(subject.Id);

    private static float Value(double? value) => value is { } v ? (float)v : float.NaN;

    /// <summary>One subject's events, each list sorted by time; minutes as running sums.</summary>
    private sealed class Events
    {
        public static readonly Events Empty = new();

        public DateTime[] Interruptions { get; private set; } = [];

        public double[] MinutesBefore { get; private set; } = [0];

        public DateTime[] Complaints { get; private set; } = [];

        public DateTime[] Unsatisfied { get; private set; } = [];

        public static void Build(Dictionary<long, Events> into, RiskHistory history, Func<long, long?> keyOf)
        {
            var interruptions = Group(history.Interruptions, i => keyOf(i.CustomerId), i => (i.StartUtc, i.Minutes));
            var complaints = Group(history.Complaints, c => keyOf(c.CustomerId), c => (c.ReceivedUtc, 0.0));
            var unsatisfied = Group(history.UnsatisfiedRevisits, r => keyOf(r.CustomerId), r => (r.AtUtc, 0.0));
            foreach (var key in interruptions.Keys.Concat(complaints.Keys).Concat(unsatisfied.Keys).Distinct())
            {
                var events = new Events();
                if (interruptions.TryGetValue(key, out var list))
                {
                    list.Sort((a, b) => a.At.CompareTo(b.At));
                    events.Interruptions = [.. list.Select(x => x.At)];
                    var sums = new double[list.Count + 1];
                    for (var i = 0; i < list.Count; i++)
                    {
                        sums[i + 1] = sums[i] + list[i].Value;
                    }

                    events.MinutesBefore = sums;
                }

                events.Complaints = Sorted(complaints.GetValueOrDefault(key));
                events.Unsatisfied = Sorted(unsatisfied.GetValueOrDefault(key));
                into[key] = events;
            }
        }

        public float InterruptionsIn(DateTime asOf, int days) => Count(Interruptions, asOf.AddDays(-days), asOf);

        public float MinutesIn(DateTime asOf, int days) =>
            (float)(MinutesBefore[LowerBound(Interruptions, asOf)] - MinutesBefore[LowerBound(Interruptions, asOf.AddDays(-days))]);

        public float ComplaintsIn(DateTime asOf, int days) => Count(Complaints, asOf.AddDays(-days), asOf);

        public float UnsatisfiedIn(DateTime asOf, int days) => Count(Unsatisfied, asOf.AddDays(-days), asOf);

        /// <summary>Events in [from, to).</summary>
        public static int Count(DateTime[] times, DateTime from, DateTime to) => LowerBound(times, to) - LowerBound(times, from);

        public static DateTime? Last(DateTime[] times, DateTime before) => LowerBound(times, before) is var i and > 0 ? times[i - 1] : null;

        private static int LowerBound(DateTime[] times, DateTime value)
        {
            var (lo, hi) = (0, times.Length);
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                (lo, hi) = times[mid] < value ? (mid + 1, hi) : (lo, mid);
            }

            return lo;
        }

        private static DateTime[] Sorted(List<(DateTime At, double Value)>? list) => list is null ? [] : [.. list.Select(x => x.At).Order()];

        private static Dictionary<long, List<(DateTime At, double Value)>> Group<T>(IEnumerable<T> items, Func<T, long?> key, Func<T, (DateTime, double)> value)
        {
            var groups = new Dictionary<long, List<(DateTime, double)>>();
            foreach (var item in items)
            {
                if (key(item) is { } k)
                {
                    (groups.TryGetValue(k, out var list) ? list : groups[k] = []).Add(value(item));
                }
            }

            return groups;
        }
    }
}
