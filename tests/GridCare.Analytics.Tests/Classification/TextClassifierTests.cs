using GridCare.Analytics.Classification;
using GridCare.Domain.WorkOrders;

namespace GridCare.Analytics.Tests.Classification;

public sealed class TextClassifierTests
{
    [Theory]
    [InlineData("我家停电了，麻烦派人来修一下", WorkOrderType.Repair, null)]
    [InlineData("电压太低了空调开不起来，灯一直闪，投诉供电质量", WorkOrderType.Complaint, ComplaintClass.SupplyQuality)]
    [InlineData("营业厅的工作人员态度太差了，我要投诉", WorkOrderType.Complaint, ComplaintClass.Service)]
    [InlineData("表扬抢修班师傅，冒雨修好了电，谢谢", WorkOrderType.Praise, null)]
    [InlineData("请问电费怎么在手机上交", WorkOrderType.Inquiry, null)]
    [InlineData("举报有人偷电，绕过电表接线", WorkOrderType.Report, null)]
    public void Classify_SampleModel_ReadsPlainTexts(string text, WorkOrderType type, ComplaintClass? complaintClass)
    {
        var result = SampleCorpus.Model.Classify(text, 0.5);

        Assert.Equal(type, result.Type);
        Assert.Equal(complaintClass, result.ComplaintClass);
        Assert.Equal(1.0, result.TypeProbabilities.Values.Sum(), 3);
        // A tolerance, not rounding to 2 places: 0.74508 and 0.745 are the same answer but round apart.
        Assert.Equal(result.Confidence, type == WorkOrderType.Complaint
            ? result.TypeProbabilities[WorkOrderType.Complaint] * result.ComplaintClassProbabilities[complaintClass!.Value]
            : result.TypeProbabilities[type], tolerance: 0.001);
        Assert.Equal("sample", result.ModelVersion);
    }

    [Fact]
    public void Classify_Explanation_NamesFeaturesOfTheText()
    {
        var text = "村里全停电了，跳闸了，快来抢修";
        var result = SampleCorpus.Model.Classify(text, 0.5);

        Assert.NotEmpty(result.Explanation);
        Assert.All(result.Explanation, term => Assert.Contains(term.Term, TextNormalizer.Normalize(text), StringComparison.Ordinal));
        Assert.True(result.Explanation.Zip(result.Explanation.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
    }

    [Theory]
    [InlineData("我家停電了，麻煩派人來修一下")]
    [InlineData("我家停电了😡😡麻烦派人来修一下🙏")]
    [InlineData("my house has no power 我家停电了 please 派人来修 asap")]
    [InlineData("我家停店了，麻烦派人来秀一下")]
    [InlineData("ＰＬＥＡＳＥ　我家停电了　派人来修")]
    public void Classify_NoisyRepairCall_StillRepair(string text)
    {
        Assert.Equal(WorkOrderType.Repair, SampleCorpus.Model.Classify(text, 0.5).Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("？？？！！！")]
    [InlineData("asdfgh qwerty")]
    public void Classify_TextWithoutKnownWords_AnswersAndAsksForReview(string text)
    {
        var result = SampleCorpus.Model.Classify(text, 0.5);

        Assert.True(result.NeedsReview);
        Assert.Empty(result.Explanation);
        Assert.Equal(1.0, result.TypeProbabilities.Values.Sum(), 3);
    }

    [Fact]
    public void Classify_TenThousandCharacters_ReadsTheOpening()
    {
        var text = "我家停电了，麻烦派人来修一下。" + new string('啊', 10_000);

        var result = SampleCorpus.Model.Classify(text, 0.5);

        Assert.Equal(WorkOrderType.Repair, result.Type);
    }

    [Fact]
    public void Classify_ReviewThreshold_MarksUncertainAnswers()
    {
        var text = "我家停电了，麻烦派人来修一下";
        var confidence = SampleCorpus.Model.Classify(text, 0).Confidence;

        Assert.False(SampleCorpus.Model.Classify(text, confidence - 0.01).NeedsReview);
        Assert.True(SampleCorpus.Model.Classify(text, confidence + 0.01).NeedsReview);
    }

    [Fact]
    public void Classify_Flags_FromTheLexicon()
    {
        var result = SampleCorpus.Model.Classify("医院门口電線斷了掉在地上冒火花，再不来我就打12345找媒体曝光", 0.5);

        Assert.Equal(
            [FlagLexicon.EscalationRisk, FlagLexicon.ImportantCustomerImpact, FlagLexicon.UrgentSafetyHazard],
            result.Flags.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Contains("12345", result.Flags.Single(f => f.Name == FlagLexicon.EscalationRisk).Terms);
        Assert.Contains("电线断", result.Flags.Single(f => f.Name == FlagLexicon.UrgentSafetyHazard).Terms);
        Assert.Empty(SampleCorpus.Model.Classify("请问电费怎么交", 0.5).Flags);
    }
}
