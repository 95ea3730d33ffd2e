using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GridCare.Features.Notifications;
using GridCare.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests.Infrastructure;

/// <summary>What the campaign tests do besides calling the API: run the dispatcher, call back as the gateways do.</summary>
internal static class CampaignTestData
{
    /// <summary>Runs dispatcher rounds until no message of the event is pending (the hosted dispatcher may take some).</summary>
    public static async Task<List<NotificationMessage>> DispatchAllAsync(GridCareFactory factory, string eventKey)
    {
        for (var round = 0; round < 100; round++)
        {
            var rows = await factory.MessagesAsync(eventKey);
            if (rows.All(r => r.Status != NotificationStatus.Pending))
            {
                return rows;
            }

            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DispatchNotifications>().RunOnceAsync(TestContext.Current.CancellationToken);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Messages of {eventKey} still pending.");
        return [];
    }

    /// <summary>Posts JSON signed as the fake gateways sign (secret, timestamp on the app's clock); a wrong secret to test refusal.</summary>
    public static async Task<int> PostSignedAsync(HttpClient client, FakeTimeProvider clock, string url, object body, string secret = FakeSmsGateway.Secret)
    {
        var json = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web));
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SmsGateway.TimestampHeader, timestamp);
        request.Headers.Add(SmsGateway.SignatureHeader, SmsGateway.Sign(secret, timestamp, json));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>A unit and the units below it.</summary>
    public static Task<HashSet<int>> SubtreeAsync(GridCareFactory factory, int unit) => factory.WithDbAsync(async db =>
    {
        var tree = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(TestContext.Current.CancellationToken);
        var below = new HashSet<int> { unit };
        for (var added = true; added;)
        {
            added = false;
            foreach (var u in tree.Where(u => u.ParentId is { } p && below.Contains(p) && !below.Contains(u.Id)))
            {
                added = below.Add(u.Id);
            }
        }

        return below;
    });

    /// <summary>A supply unit with at least <paramref name="count"/> customers with a phone, and those customers (skipping the first <paramref name="skip"/>).</summary>
    public static Task<(int Unit, List<long> Customers)> CustomersOfOneUnitAsync(GridCareFactory factory, int count, int skip) => factory.WithDbAsync(async db =>
    {
        var units = await db.Customers.AsNoTracking().Where(c => c.Phone != null).GroupBy(c => c.OrgUnitId)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key).ToListAsync(TestContext.Current.CancellationToken);
        var unit = units.First(u => u.Count >= count + skip).Key;
        var ids = await db.Customers.AsNoTracking().Where(c => c.OrgUnitId == unit && c.Phone != null).OrderBy(c => c.Id).Skip(skip).Take(count)
            .Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        return (unit, ids);
    });

    public static int Int(this JsonNode node, string field) => node[field]!.GetValue<int>();
}
