using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GridCare.Analytics.MeterData;
using GridCare.Domain.Network;
using GridCare.Features.Demo;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary><c>POST /api/v1/meter-readings</c> and the demo readings, on the small demo area.</summary>
public abstract class MeterReadingsApiTests(GridCareFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_json_batch_is_stored_once_and_its_retry_answers_the_same_batch()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var meter = await MeterAsync();
        var batch = new
        {
            readings = Enumerable.Range(0, 4).Select(i => new
            {
                meterNo = meter,
                intervalStart = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMinutes(15 * i),
                kwh = 0.2 + (i / 10.0),
                voltageA = 221.0,
            }).ToArray(),
        };

        var first = await dispatcher.PostAsJsonAsync("/api/v1/meter-readings", batch, Cancel);
        var retry = await dispatcher.PostAsJsonAsync("/api/v1/meter-readings", batch, Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var stored = (await first.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.Equal(4, stored["stored"]!.GetValue<long>());
        Assert.Equal(4, stored["phaseRows"]!.GetValue<long>());
        Assert.Equal(0, stored["unknownDevices"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var again = (await retry.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        Assert.True(again["alreadyImported"]!.GetValue<bool>());
        Assert.Equal(stored["batchNo"]!.GetValue<int>(), again["batchNo"]!.GetValue<int>());
        Assert.Equal(4, await StoreScalarAsync($"SELECT count(*) FROM readings WHERE meter_no = '{meter}'"));
    }

    [Fact]
    public async Task A_malformed_batch_names_the_field_and_a_rejected_csv_the_line()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var meter = await MeterAsync();
        var malformed = await dispatcher.PostAsJsonAsync(
            "/api/v1/meter-readings",
            new { readings = new object[] { new { meterNo = meter, intervalStart = "2026-11-01T00:00:00+08:00", kwh = 1.0 }, new { meterNo = meter, intervalStart = "2026-11-01T00:15:00+08:00" } } },
            Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.NotNull((await malformed.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["errors"]!["readings[1].kwh"]);

        var csv = $"meter_no,interval_start,kwh\n{meter},2026-11-02T00:00:00+08:00,0.5\n{meter},2026-11-02T00:10:00+08:00,0.5\n";
        var rejected = await dispatcher.PostAsync("/api/v1/meter-readings", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var problem = (await rejected.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(3, error!["line"]!.GetValue<long>());
        Assert.Equal("interval_start", error["field"]!.GetValue<string>());
        Assert.Equal(0, await StoreScalarAsync($"SELECT count(*) FROM readings WHERE meter_no = '{meter}' AND interval_start >= TIMESTAMP '2026-11-01 16:00:00'"));
    }

    [Fact]
    public async Task Terminal_csv_is_keyed_by_transformer_and_only_dispatchers_and_admins_send_readings()
    {
        var admin = await factory.ClientForAsync("admin");
        var analyst = await factory.ClientForAsync("analyst");
        var transformer = await TransformerAsync();
        var csv = $"transformer_code,interval_start,kwh,voltage_a,current_a\n{transformer},2026-11-03T00:00:00+08:00,20.5,228.1,95\n";

        var stored = await admin.PostAsync("/api/v1/meter-readings?target=terminals", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);
        var refused = await analyst.PostAsync("/api/v1/meter-readings?target=terminals", new StringContent(csv, Encoding.UTF8, "text/csv"), Cancel);

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Equal(228, await StoreScalarAsync($"SELECT voltage_a::BIGINT FROM terminal_readings WHERE transformer_code = '{transformer}'"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Demo_readings_have_hot_transformers_and_low_voltage_pockets_and_are_generated_once()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var seed = scope.ServiceProvider.GetRequiredService<SeedDemoReadings>();

        var seeded = await seed.HandleAsync(3, Cancel);
        var again = await seed.HandleAsync(3, Cancel);

        Assert.Equal(3, seeded.Last!.Value.DayNumber - seeded.First!.Value.DayNumber + 1);
        Assert.True(seeded.MeterReadings > 1_500 * 96 * 3 * 0.9, $"{seeded.MeterReadings} meter readings");
        Assert.True(seeded.TerminalReadings > 40 * 96 * 3 * 0.9, $"{seeded.TerminalReadings} terminal readings");
        Assert.Null(again.First);
        Assert.True(await StoreScalarAsync("""
            SELECT count(DISTINCT t.transformer_code) FROM terminal_readings t JOIN transformer_directory d USING (transformer_code)
            WHERE t.kwh * 4 / 0.9 > d.rated_kva
            """) >= 1);
        Assert.True(await StoreScalarAsync("SELECT count(DISTINCT meter_no) FROM phase_readings WHERE voltage_a < 198") >= 1);
        Assert.Equal(0, await StoreScalarAsync("SELECT count(*) FROM readings WHERE quality = 'implausible'"));
        Assert.Equal(0, await StoreScalarAsync("SELECT count(*) FROM terminal_readings WHERE quality = 'implausible'"));
    }

    private async Task<string> MeterAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var codes = await db.NetworkDevices.Where(d => d.Kind == DeviceKind.Meter).OrderBy(d => d.Id).Select(d => d.Code).Take(50).ToListAsync(Cancel);
        return codes[Random.Shared.Next(codes.Count)];
    }

    private async Task<string> TransformerAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.NetworkDevices.Where(d => d.Kind == DeviceKind.Transformer).OrderBy(d => d.Id).Select(d => d.Code).FirstAsync(Cancel);
    }

    private async Task<long> StoreScalarAsync(string sql)
    {
        await using var connection = await factory.Services.GetRequiredService<MeterStore>().OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteMeterReadingsApiTests(SqliteFactory factory) : MeterReadingsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMeterReadingsApiTests(PostgresFactory factory) : MeterReadingsApiTests(factory), IClassFixture<PostgresFactory>;
