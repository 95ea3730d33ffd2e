using GridCare.Analytics.ComplaintRisk;

namespace GridCare.Analytics.Tests.ComplaintRisk;

public class RiskModelTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A planted signal: customers of the "hot" transformers get interruptions and complain in most months, others
    /// seldom. The model must rank the hot ones first, beat chance clearly, and name interruptions or complaints as
    /// the reasons — never a feature the data did not have.
    /// </summary>
    [Fact]
    public void LearnsAPlantedSignal_AndGivesItsReasons()
    {
        var random = new Random(3);
        var customers = Enumerable.Range(1, 600).Select(i => new RiskCustomer(i, 1, i % 30, $"T{i % 30}", 1, false)).ToList();
        var interruptions = new List<RiskInterruption>();
        var complaints = new List<RiskComplaint>();
        var start = Now.AddDays(-365);
        foreach (var customer in customers)
        {
            var stressed = customer.TransformerId < 5;
            for (var day = 0; day < 365; day += 30)
            {
                var monthStart = start.AddDays(day);
                if (stressed && random.NextDouble() < 0.8)
                {
                    interruptions.Add(new(customer.CustomerId, monthStart.AddDays(random.Next(10)), 90));
                }

                if (random.NextDouble() < (stressed ? 0.35 : 0.02))
                {
                    complaints.Add(new(customer.CustomerId, monthStart.AddDays(12 + random.Next(15))));
                }
            }
        }

        var history = new RiskHistory(customers, interruptions, complaints, []);
        var options = new RiskModelOptions { Trees = 30, MinimumExamplesPerLeaf = 10 };

        var backtest = RiskEngine.Backtest(history, RiskLevel.Customer, Now, start, options);
        Assert.True(backtest.Model.Auc > 0.8, $"AUC {backtest.Model.Auc:F3}");
        Assert.True(backtest.TestPositives > 0);

        var scores = RiskEngine.ScoreNow(history, RiskLevel.Customer, Now, start, options);
        var hot = scores.Where(s => s.Subject.TransformerId < 5).Average(s => s.Probability);
        var cold = scores.Where(s => s.Subject.TransformerId >= 5).Average(s => s.Probability);
        Assert.True(hot > 3 * cold, $"hot {hot:F3}, cold {cold:F3}");
        var top = scores.OrderByDescending(s => s.Probability).First();
        Assert.NotEmpty(top.Reasons);
        Assert.All(top.Reasons, r => Assert.True(r.Contribution > 0));
        Assert.DoesNotContain(top.Reasons, r => r.Feature is "voltageCompliance" or "transformerPeakLoad");
        Assert.Contains(top.Reasons, r => r.Feature.Contains("nterruption", StringComparison.Ordinal) || r.Feature.Contains("omplaint", StringComparison.Ordinal));

        // Same data, same model.
        Assert.Equal(scores.Select(s => s.Probability), RiskEngine.ScoreNow(history, RiskLevel.Customer, Now, start, options).Select(s => s.Probability));
    }

    [Fact]
    public void Training_NeedsBothOutcomes()
    {
        Assert.Throws<InvalidOperationException>(() => RiskModel.Train([([1f, 2f], false), ([2f, 3f], false)]));
    }
}
