using GridCare.Domain.RepairGuidance;

namespace GridCare.Domain.Tests.RepairGuidance;

public class RepairProcedureTests
{
    private static readonly DateTime At = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static readonly RepairProcedure Procedure = new(
        "meter-fault",
        new LocalText("表计故障", "Meter fault"),
        new LocalText("换表", null),
        [
            new ProcedureStep("earth", GuidanceStepKind.Safety, new LocalText("验电", "Prove dead"), new LocalText("验电挂地线", null)),
            new ProcedureStep(
                "measure", GuidanceStepKind.Measurement, new LocalText("测电压", null), new LocalText("表前电压", null),
                [new MeasurementSpec("u", new LocalText("表前电压", null), "V", 198, 235.4), new MeasurementSpec("r", new LocalText("绝缘", null), "MΩ", 0.5, null)],
                Photos: 1),
            new ProcedureStep("decide", GuidanceStepKind.Decision, new LocalText("换表？", null), new LocalText("", null), Question: new LocalText("损坏？", null), Yes: "replace", No: "restore"),
            new ProcedureStep("replace", GuidanceStepKind.Check, new LocalText("换表", null), new LocalText("", null), Next: "end"),
            new ProcedureStep("restore", GuidanceStepKind.Restore, new LocalText("送电", null), new LocalText("", null)),
        ]);

    private static StepReport Report(string stepId, bool? answer = null, IReadOnlyList<(string, double)>? readings = null, int photos = 0) =>
        new(Guid.NewGuid(), 2, stepId, At, answer, readings ?? [], [.. Enumerable.Range(0, photos).Select(_ => Guid.NewGuid())], null);

    [Fact]
    public void Problems_ShippedShape_None() => Assert.Empty(Procedure.Problems());

    [Fact]
    public void Problems_SafetyAfterWork_AndUnknownTarget_AreReported()
    {
        var broken = Procedure with { Steps = [Procedure.Steps[1], Procedure.Steps[0], Procedure.Steps[2] with { Yes = "nowhere" }] };

        var problems = broken.Problems();

        Assert.Contains(problems, p => p.Contains("first step must be a safety step", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("safety steps come before all others", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no step 'nowhere'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("earth", null, "measure")]
    [InlineData("decide", true, "replace")]
    [InlineData("decide", false, "restore")]
    [InlineData("replace", null, null)]
    [InlineData("restore", null, null)]
    public void NextAfter_FollowsListDecisionsAndEnd(string stepId, bool? answer, string? next) =>
        Assert.Equal(next, Procedure.NextAfter(Procedure.Step(stepId)!, answer));

    [Fact]
    public void Check_MissingReadingAnswerOrPhoto_NamesTheField()
    {
        var measure = GuidanceStep.Check(Procedure, Report("measure", readings: [("u", 220)]));
        var decide = GuidanceStep.Check(Procedure, Report("decide"));
        var unknown = GuidanceStep.Check(Procedure, Report("nowhere"));
        var stray = GuidanceStep.Check(Procedure, Report("earth", readings: [("x", 1)]));

        Assert.Equal(["photoIds", "readings"], measure.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["answer"], decide.Keys);
        Assert.Equal(["stepId"], unknown.Keys);
        Assert.Equal(["readings[0].measurement"], stray.Keys);
    }

    [Fact]
    public void Record_ReadingsOutsideLimits_AreFlagged_WithTheLimitsTheyWereTakenAgainst()
    {
        var report = Report("measure", readings: [("u", 186), ("r", 0.8)], photos: 1);

        var step = GuidanceStep.Record(7, Procedure, report, "crew", At.AddMinutes(30));

        Assert.True(step.OutOfLimit);
        Assert.Equal(
            [new GuidanceReading("u", "表前电压", "V", 186, 198, 235.4, true), new GuidanceReading("r", "绝缘", "MΩ", 0.8, 0.5, null, false)],
            step.Readings);
        Assert.Equal((report.ClientId, 2, At, At.AddMinutes(30)), (step.ClientId, step.Sequence, step.CompletedAt, step.ReceivedAt));
        Assert.Single(step.PhotoIds);
        Assert.Null(step.Answer);
    }
}
