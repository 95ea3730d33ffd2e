using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary>
/// Remote repair guidance over HTTP: the crew's phone posts its queue of steps as often as the connection allows, and
/// every step and guidance message is stored — and written to the order's thread — exactly once.
/// </summary>
public abstract class RepairGuidanceApiTests(GridCareFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Procedures_AreListed_EachStartsWithSafety()
    {
        var admin = await factory.ClientForAsync("admin");

        var list = (await admin.GetJsonAsync("/api/v1/guidance/procedures")).AsArray();
        var meter = await admin.GetJsonAsync("/api/v1/guidance/procedures/meter-fault");
        var (missing, _, _) = await admin.SendAsync(HttpMethod.Get, "/api/v1/guidance/procedures/no-such-fault");

        Assert.Equal(
            ["customer-side-fault", "low-voltage-line-fault", "meter-fault", "transformer-trip", "voltage-problem"],
            list.Select(p => p!["code"]!.GetValue<string>()));
        foreach (var code in list.Select(p => p!["code"]!.GetValue<string>()))
        {
            var procedure = await admin.GetJsonAsync($"/api/v1/guidance/procedures/{code}");
            Assert.Equal("Safety", procedure["steps"]![0]!["kind"]!.GetValue<string>());
        }

        Assert.Equal("表计故障", meter["title"]!.GetValue<string>());
        var voltages = meter["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "voltages")!["measurements"]![0]!;
        Assert.Equal(("V", 198, 235.4), (voltages["unit"]!.GetValue<string>(), voltages["lower"]!.GetValue<double>(), voltages["upper"]!.GetValue<double>()));
        Assert.Equal(404, missing);
    }

    [Fact]
    public async Task Steps_ReplayedOutOfOrderAndPartly_AreStoredOnce_InStepOrder_WithOneThreadEntryEach()
    {
        var number = await FieldRepairAsync("011", 0);
        var crew = await factory.ClientForAsync("crew");
        var (protect, boxTest, measure, decide) = (Step(1, "protect"), Step(2, "box-test"), Step(3, "customer-voltage", ("u-customer", 221)),
            Step(4, "transformer-voltage", ("u-a", 226), ("u-b", 229), ("u-c", 224)));

        var first = await SyncAsync(crew, number, protect, boxTest);
        var replay = await SyncAsync(crew, number, protect, boxTest);
        var ahead = await SyncAsync(crew, number, decide);
        var full = await SyncAsync(crew, number, protect, boxTest, measure, decide);
        var guidance = await crew.GetJsonAsync($"/api/v1/work-orders/{number}/guidance");
        var order = await crew.GetJsonAsync($"/api/v1/work-orders/{number}");

        Assert.Equal((2, 0), Counts(first));
        Assert.Equal((0, 2), Counts(replay));
        Assert.Equal((1, 0), Counts(ahead));
        Assert.Equal((1, 3), Counts(full));
        Assert.Equal([Id(measure)], full["stored"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(4, full["stepsDone"]!.GetValue<int>());
        var steps = guidance["steps"]!.AsArray();
        Assert.Equal(["protect", "box-test", "customer-voltage", "transformer-voltage"], steps.Select(s => s!["stepId"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3, 4], steps.Select(s => s!["sequence"]!.GetValue<int>()));
        Assert.Equal(("voltage-problem", "source-ok", false), (
            guidance["procedure"]!["code"]!.GetValue<string>(), guidance["nextStepId"]!.GetValue<string>(), guidance["finished"]!.GetValue<bool>()));
        var reports = GuidedEntries(order, "CrewReport");
        Assert.Equal(4, reports.Count);
        Assert.All(reports, r => Assert.False(r["isCustomerVisible"]!.GetValue<bool>()));
        Assert.Single(reports, r => r["text"]!.GetValue<string>().Contains("客户端电压 221 V", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readings_OutsideLimits_AreFlagged_InTheStepAndTheThread()
    {
        var number = await FieldRepairAsync("011", 1);
        var crew = await factory.ClientForAsync("crew");

        await SyncAsync(crew, number, Step(1, "protect"), Step(2, "box-test"), Step(3, "customer-voltage", ("u-customer", 182.5)),
            Step(4, "transformer-voltage", ("u-a", 230), ("u-b", 236), ("u-c", 228)));
        var guidance = await crew.GetJsonAsync($"/api/v1/work-orders/{number}/guidance");
        var order = await crew.GetJsonAsync($"/api/v1/work-orders/{number}");

        var steps = guidance["steps"]!.AsArray();
        Assert.True(steps[2]!["outOfLimit"]!.GetValue<bool>());
        Assert.False(steps[0]!["outOfLimit"]!.GetValue<bool>());
        var phases = steps[3]!["readings"]!.AsArray();
        Assert.Equal([false, true, false], phases.Select(r => r!["outOfLimit"]!.GetValue<bool>()));
        Assert.Equal((198, 235.4), (phases[1]!["lower"]!.GetValue<double>(), phases[1]!["upper"]!.GetValue<double>()));
        Assert.Single(GuidedEntries(order, "CrewReport"), r => r["text"]!.GetValue<string>().Contains("客户端电压 182.5 V（超限，允许 198–235.4 V）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidSteps_AreRefusedNamingTheField_AndNothingOfTheBatchIsStored()
    {
        var number = await FieldRepairAsync("011", 2);
        var crew = await factory.ClientForAsync("crew");

        var (noReading, missing, _) = await PostAsync(crew, number, "voltage-problem", Step(1, "protect"), Step(2, "customer-voltage"));
        var (noAnswer, unanswered, _) = await PostAsync(crew, number, "voltage-problem", Step(1, "source-ok"));
        var (noPhoto, photoless, _) = await PostAsync(crew, number, "meter-fault", Step(1, "inspect"));
        var (unknown, procedure, type) = await PostAsync(crew, number, "no-such-fault", Step(1, "protect"));
        var guidance = await crew.GetJsonAsync($"/api/v1/work-orders/{number}/guidance");

        Assert.Equal((400, 400, 400, 400), (noReading, noAnswer, noPhoto, unknown));
        Assert.NotNull(missing!["errors"]!["steps[1].readings"]);
        Assert.NotNull(unanswered!["errors"]!["steps[0].answer"]);
        Assert.NotNull(photoless!["errors"]!["steps[0].photoIds"]);
        Assert.NotNull(procedure!["errors"]!["procedure"]);
        Assert.Equal("application/problem+json", type);
        Assert.Empty(guidance["steps"]!.AsArray());
        Assert.Null(guidance["procedure"]);
    }

    [Fact]
    public async Task PhotoSteps_TakeTheOrdersAttachments_AndTheProcedureCannotChangeOnceStarted()
    {
        var number = await FieldRepairAsync("011", 3);
        var crew = await factory.ClientForAsync("crew");
        using var upload = await crew.PostAsync($"/api/v1/work-orders/{number}/attachments", TestFiles.Form(TestFiles.Png("guided-meter"), "表计.png", "image/png"), Cancel);
        var photo = (await upload.Content.ReadFromJsonAsync<JsonNode>(Cancel))!["id"]!.GetValue<string>();

        var stranger = await PostAsync(crew, number, "meter-fault", Step(1, "identify"), Step(2, "box-test"), Step(3, "inspect") with { PhotoIds = [Guid.NewGuid().ToString()] });
        var stored = await PostAsync(crew, number, "meter-fault", Step(1, "identify"), Step(2, "box-test"), Step(3, "inspect") with { PhotoIds = [photo] });
        var (other, _, _) = await PostAsync(crew, number, "voltage-problem", Step(4, "protect"));
        var guidance = await crew.GetJsonAsync($"/api/v1/work-orders/{number}/guidance");

        Assert.Equal(400, stranger.Status);
        Assert.NotNull(stranger.Body!["errors"]!["steps[2].photoIds"]);
        Assert.Equal(200, stored.Status);
        Assert.Equal(409, other);
        Assert.Equal([photo], guidance["steps"]![2]!["photoIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(("meter-fault", "voltages"), (guidance["procedure"]!["code"]!.GetValue<string>(), guidance["nextStepId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OnlyTheCrewOfTheOrdersUnit_PostsSteps()
    {
        var ours = await FieldRepairAsync("011", 4);
        var theirs = await FieldRepairAsync("012", 4);
        var crew = await factory.ClientForAsync("crew");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var analyst = await factory.ClientForAsync("analyst");
        var anonymous = factory.AnonymousClient();

        var (otherUnit, _, _) = await PostAsync(crew, theirs, "voltage-problem", Step(1, "protect"));
        var (otherUnitRead, _, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/work-orders/{theirs}/guidance");
        var (byDispatcher, _, _) = await PostAsync(dispatcher, ours, "voltage-problem", Step(1, "protect"));
        var (byAnalyst, _, _) = await analyst.SendAsync(HttpMethod.Get, $"/api/v1/work-orders/{ours}/guidance");
        var (byAnonymous, _, _) = await PostAsync(anonymous, ours, "voltage-problem", Step(1, "protect"));
        var (anonymousRead, _, _) = await anonymous.SendAsync(HttpMethod.Get, $"/api/v1/work-orders/{ours}/guidance");
        var (crewMessage, _, _) = await crew.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{ours}/guidance/messages", ApiJson.Json(new { text = "自己给自己发" }));

        Assert.Equal((404, 404), (otherUnit, otherUnitRead));
        Assert.Equal((403, 403, 403), (byDispatcher, byAnalyst, crewMessage));
        Assert.Equal((401, 401), (byAnonymous, anonymousRead));
    }

    [Fact]
    public async Task GuidanceMessages_ReachTheCrew_AndLandInTheThreadOnce()
    {
        var number = await FieldRepairAsync("011", 5);
        var crew = await factory.ClientForAsync("crew");
        var dispatcher = await factory.ClientForAsync("dispatcher");

        var (sent, message, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/guidance/messages", ApiJson.Json(new { text = "先测零线对地电压，再决定是否换表" }));
        var (empty, invalid, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/guidance/messages", ApiJson.Json(new { text = "  " }));
        var guidance = await crew.GetJsonAsync($"/api/v1/work-orders/{number}/guidance");
        var order = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{number}");

        Assert.Equal(201, sent);
        Assert.Equal("dispatcher", message!["author"]!.GetValue<string>());
        Assert.Equal(400, empty);
        Assert.NotNull(invalid!["errors"]!["text"]);
        var received = Assert.Single(guidance["messages"]!.AsArray())!;
        Assert.Equal("先测零线对地电压，再决定是否换表", received["text"]!.GetValue<string>());
        var note = Assert.Single(order["entries"]!.AsArray(), e => e!["text"]!.GetValue<string>().Contains("先测零线对地电压", StringComparison.Ordinal))!;
        Assert.Equal(("AgentNote", false, "[远程指导] 先测零线对地电压，再决定是否换表"), (
            note["kind"]!.GetValue<string>(), note["isCustomerVisible"]!.GetValue<bool>(), note["text"]!.GetValue<string>()));
    }

    private sealed record StepBody(string ClientId, int Sequence, string StepId, DateTime CompletedAt, bool? Answer, object[] Readings, string[] PhotoIds);

    private static StepBody Step(int sequence, string stepId, params (string Measurement, double Value)[] readings) => new(
        Guid.NewGuid().ToString(), sequence, stepId, new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc).AddMinutes(sequence), null,
        [.. readings.Select(r => new { measurement = r.Measurement, value = r.Value })], []);

    private static string Id(StepBody step) => step.ClientId;

    private static (int Stored, int AlreadyStored) Counts(JsonNode response) =>
        (response["stored"]!.AsArray().Count, response["alreadyStored"]!.AsArray().Count);

    private static List<JsonNode> GuidedEntries(JsonNode order, string kind) =>
        [.. order["entries"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == kind && e["text"]!.GetValue<string>().StartsWith("[现场指导", StringComparison.Ordinal)).Select(e => e!)];

    private static Task<(int Status, JsonNode? Body, string? ContentType)> PostAsync(HttpClient client, string number, string procedure, params StepBody[] steps) =>
        client.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/guidance/steps", ApiJson.Json(new { procedure, steps }));

    private static async Task<JsonNode> SyncAsync(HttpClient crew, string number, params StepBody[] steps)
    {
        var (status, body, _) = await PostAsync(crew, number, "voltage-problem", steps);
        Assert.True(status == 200, $"Sync answered {status}: {body}");
        return body!;
    }

    /// <summary>A repair order of the station the prefix names, dispatched by the routing rules and accepted: in the field.</summary>
    private async Task<string> FieldRepairAsync(string accountPrefix, int nth)
    {
        var agent = await factory.ClientForAsync("agent");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var customer = await IntakeTests.CustomerAsync(agent, accountPrefix, nth + 20);
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "家里电压忽高忽低，灯一闪一闪",
            type = "repair",
        }));
        Assert.Equal(201, status);
        var number = body!["order"]!["number"]!.GetValue<string>();
        var (accepted, _, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/accept", ApiJson.Json(new { }));
        Assert.Equal(200, accepted);
        return number;
    }
}

public sealed class SqliteRepairGuidanceApiTests(SqliteFactory factory) : RepairGuidanceApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRepairGuidanceApiTests(PostgresFactory factory) : RepairGuidanceApiTests(factory), IClassFixture<PostgresFactory>;
