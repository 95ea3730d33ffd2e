using GridCare.Analytics.Segmentation;

namespace GridCare.Analytics.Tests.Segmentation;

public sealed class LoadShapeSegmenterTests
{
    [Fact]
    public void Silhouette_TwoPairsOnALine_MatchesTheHandValue()
    {
        double[][] points = [[0], [1], [10], [11]];

        var score = new Silhouette(points, 100, 1).Score([0, 0, 1, 1], 2);

        // 0: a = 1, b = (10 + 11) / 2 = 10.5; 1: a = 1, b = (9 + 10) / 2 = 9.5; 10 and 11 mirror them.
        var expected = (((10.5 - 1) / 10.5) + ((9.5 - 1) / 9.5)) / 2;
        Assert.Equal(expected, score, 12);
    }

    [Fact]
    public void Silhouette_PointAloneInItsCluster_ScoresZero()
    {
        double[][] points = [[0], [1], [10]];

        var score = new Silhouette(points, 100, 1).Score([0, 0, 1], 2);

        // 0: a = 1, b = 10 → 0.9; 1: a = 1, b = 9 → 8/9; 10 is alone → 0.
        Assert.Equal((0.9 + (8.0 / 9)) / 3, score, 12);
    }

    [Fact]
    public void KMeans_TwoSeparatedGroups_FindsThemWithHandInertia()
    {
        double[][] points = [[0, 0], [2, 0], [10, 10], [12, 10]];

        var fit = KMeans.Fit(points, 2, seed: 7);

        Assert.Equal(fit.Assignments[0], fit.Assignments[1]);
        Assert.Equal(fit.Assignments[2], fit.Assignments[3]);
        Assert.NotEqual(fit.Assignments[0], fit.Assignments[2]);
        // Centroids (1, 0) and (11, 10): every point is 1 away.
        Assert.Equal(4, fit.Inertia, 12);
        Assert.Contains(fit.Centroids, c => c[0] == 1 && c[1] == 0);
    }

    [Fact]
    public void Run_AutoK_SeparatesEveningAndDaytimeShapesAndNamesThem()
    {
        var profiles = new List<LoadProfile>();
        for (var i = 0; i < 6; i++)
        {
            // Households: low all day, a big evening peak (19:00–22:00). Shops: 09:00–17:00. Scale differs per customer.
            profiles.Add(new LoadProfile($"H{i}", Shape(h => h is >= 19 and < 22 ? 1.0 : 0.1, 1 + i)));
            profiles.Add(new LoadProfile($"S{i}", Shape(h => h is >= 9 and < 17 ? 1.0 : 0.05, 10 + i)));
        }

        var result = LoadShapeSegmenter.Run(profiles, new SegmentationSettings(K: null, ProfileNormalization.Sum, MaxK: 5));

        Assert.Equal(2, result.K);
        var evening = Assert.Single(result.Segments, s => s.Members.Contains("H0"));
        var daytime = Assert.Single(result.Segments, s => s.Members.Contains("S0"));
        Assert.Equal(["H0", "H1", "H2", "H3", "H4", "H5"], evening.Members);
        Assert.Equal(LoadShape.EveningPeak, evening.Shape);
        Assert.Equal(LoadShape.DaytimeCommerce, daytime.Shape);
        // Sum normalisation makes the members of each group identical, so the clusters are points: inertia 0, silhouette 1.
        Assert.Equal(0, result.Inertia, 12);
        Assert.Equal(1, result.Silhouette, 12);
        Assert.Equal(4, result.Tried.Count);
    }

    [Fact]
    public void Run_SameDataInAnotherOrder_GivesTheSameClusters()
    {
        var random = new Random(3);
        var profiles = Enumerable.Range(0, 40).Select(i => new LoadProfile($"C{i:00}", [.. Enumerable.Range(0, 24).Select(_ => random.NextDouble())])).ToList();
        var settings = new SegmentationSettings(K: 3, ProfileNormalization.Peak);

        var first = LoadShapeSegmenter.Run(profiles, settings);
        var second = LoadShapeSegmenter.Run([.. profiles.AsEnumerable().Reverse()], settings);

        Assert.Equal(first.Segments.Select(s => s.Members), second.Segments.Select(s => s.Members));
        Assert.Equal(first.Inertia, second.Inertia, 12);
    }

    [Theory]
    [InlineData(LoadShape.FlatIndustry)]
    [InlineData(LoadShape.NightLoad)]
    [InlineData(LoadShape.DoublePeak)]
    [InlineData(LoadShape.Idle)]
    public void Describe_TextbookShapes_GetTheirNames(LoadShape expected)
    {
        Func<double, double> shape = expected switch
        {
            LoadShape.FlatIndustry => h => h is >= 8 and < 20 ? 1.0 : 0.85,
            LoadShape.NightLoad => h => h is >= 23 or < 6 ? 1.0 : 0.1,
            LoadShape.DoublePeak => h => h is >= 6 and < 9 ? 0.8 : h is >= 18 and < 22 ? 1.0 : 0.1,
            _ => _ => 0,
        };

        Assert.Equal(expected, LoadShapeDescriber.Describe(Shape(shape, 1)));
    }

    [Theory]
    [InlineData(ProfileNormalization.Sum, new[] { 0.25, 0.75 })]
    [InlineData(ProfileNormalization.Peak, new[] { 1 / 3.0, 1 })]
    [InlineData(ProfileNormalization.None, new[] { 1.0, 3 })]
    public void Normalize_ScalesAsNamed(ProfileNormalization normalization, double[] expected) =>
        Assert.Equal(expected, ProfileNormalizer.Normalize([1, 3], normalization));

    private static double[] Shape(Func<double, double> byHour, double scale) =>
        [.. Enumerable.Range(0, 96).Select(i => byHour(i / 4.0) * scale)];
}
