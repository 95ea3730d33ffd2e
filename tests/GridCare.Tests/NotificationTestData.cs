using GridCare.Features.Notifications;
using GridCare.Platform.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>Direct database access for the notification tests: enqueue as a feature would, read the outbox back.</summary>
internal static class NotificationTestData
{
    public static async Task<T> WithDbAsync<T>(this WebApplicationFactory<Program> factory, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<List<long>> CustomersWithPhoneAsync(this WebApplicationFactory<Program> factory, int count, int skip) =>
        factory.WithDbAsync(db => db.Customers.Where(c => c.Phone != null).OrderBy(c => c.Id).Skip(skip).Take(count).Select(c => c.Id)
            .ToListAsync(TestContext.Current.CancellationToken));

    public static Task<int> EnqueueAsync(this WebApplicationFactory<Program> factory, NotificationRequest request) => factory.WithDbAsync(async db =>
    {
        var added = NotificationOutbox.Enqueue(db, request);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return added;
    });

    public static Task<List<NotificationMessage>> MessagesAsync(this WebApplicationFactory<Program> factory, string eventKey) =>
        factory.WithDbAsync(db => db.Set<NotificationMessage>().AsNoTracking().Where(m => m.EventKey == eventKey).OrderBy(m => m.Id)
            .ToListAsync(TestContext.Current.CancellationToken));

    public static Task<int> PreferAsync(this WebApplicationFactory<Program> factory, long customerId, NotificationPreferenceValues values) => factory.WithDbAsync(async db =>
    {
        var preference = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.CustomerId == customerId, TestContext.Current.CancellationToken);
        if (preference is null)
        {
            preference = NotificationPreference.For(customerId);
            db.Add(preference);
        }

        preference.Change(values, DateTime.UnixEpoch, "test");
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    /// <summary>
    /// Waits until the outbox rows of the event satisfy <paramref name="done"/>, running <paramref name="before"/> (if
    /// any) before each look; fails after a minute.
    /// </summary>
    public static async Task<List<NotificationMessage>> WaitForAsync(
        this WebApplicationFactory<Program> factory, string eventKey, Func<List<NotificationMessage>, bool> done, Func<Task>? before = null)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1);
        while (true)
        {
            if (before is not null)
            {
                await before();
            }

            var rows = await factory.MessagesAsync(eventKey);
            if (done(rows))
            {
                return rows;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"The messages of {eventKey} did not get there: {string.Join("; ", rows.Select(r => $"{r.Id} {r.Status} {r.Attempts} {r.LastError}"))}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
