using GridCare.Features.Notifications;
using GridCare.Platform.Messaging;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GridCare.Tests;

/// <summary>The dispatcher delivering to local fake gateways on real sockets (SMS and push over signed HTTP, email over SMTP).</summary>
public abstract class NotificationDeliveryTests(GridCareFactory factory, NotificationFakes fakes)
{
    private static readonly Dictionary<string, string> Detected = new() { ["area"] = "城关供电所10kV东街线", ["etr"] = "16:30" };

    [Fact]
    public async Task SmsGateway_FailsThenRecovers_EveryMessageArrivesExactlyOnce()
    {
        factory.EnsureAvailable();
        var customers = await factory.CustomersWithPhoneAsync(5, skip: 200);
        fakes.Gateway.Failing = true;
        try
        {
            await factory.EnqueueAsync(new NotificationRequest("t:fail:1", NotificationTemplates.OutageDetected, customers, Detected, Emergency: true));
            var failing = await factory.WaitForAsync("t:fail:1", rows => rows.Count == 5 && rows.All(r => r.Attempts >= 2));
            Assert.All(failing, r => Assert.Equal(NotificationStatus.Pending, r.Status));
            Assert.All(failing, r => Assert.Contains("503", r.LastError, StringComparison.Ordinal));
        }
        finally
        {
            fakes.Gateway.Failing = false;
        }

        var sent = await factory.WaitForAsync("t:fail:1", rows => rows.All(r => r.Status == NotificationStatus.Sent));
        var again = await factory.EnqueueAsync(new NotificationRequest("t:fail:1", NotificationTemplates.OutageDetected, customers, Detected, Emergency: true));

        Assert.Equal(0, again);
        var ids = sent.Select(m => m.DeliveryId).ToHashSet();
        var received = fakes.Gateway.Received.Where(r => ids.Contains(r.Id)).ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal(ids, received.Select(r => r.Id).ToHashSet());
        foreach (var message in sent)
        {
            var request = Assert.Single(received, r => r.Id == message.DeliveryId);
            Assert.Equal((message.Recipient, message.Text), (request.To, request.Text));
            Assert.StartsWith("gw-", message.ProviderMessageId, StringComparison.Ordinal);
            Assert.True(message.Attempts >= 3);
            Assert.NotNull(message.SentAt);
            Assert.Null(message.LastError);
        }

        Assert.Equal(0, fakes.Gateway.Rejected);
    }

    [Fact]
    public async Task SmsGateway_KeepsFailing_MessageMarkedFailedAfterMaxAttempts_AndNeverSent()
    {
        factory.EnsureAvailable();
        var customers = await factory.CustomersWithPhoneAsync(1, skip: 250);
        fakes.Gateway.Failing = true;
        List<NotificationMessage> failed;
        try
        {
            await factory.EnqueueAsync(new NotificationRequest("t:givenup:1", NotificationTemplates.OutageDetected, customers, Detected, Emergency: true));

            // A round that allows two attempts gives up on the message at its second attempt, whoever made the first.
            failed = await factory.WaitForAsync(
                "t:givenup:1", rows => rows.All(r => r.Status == NotificationStatus.Failed), before: () => DispatchWithMaxAttemptsAsync(2));
        }
        finally
        {
            fakes.Gateway.Failing = false;
        }

        await DispatchWithMaxAttemptsAsync(2);
        var after = await factory.MessagesAsync("t:givenup:1");

        var message = Assert.Single(failed);
        Assert.True(message.Attempts >= 2);
        Assert.Contains("503", message.LastError, StringComparison.Ordinal);
        Assert.Null(message.SentAt);
        Assert.Equal(NotificationStatus.Failed, Assert.Single(after).Status);
        Assert.DoesNotContain(fakes.Gateway.Received, r => r.Id == message.DeliveryId);
    }

    [Fact]
    public async Task TwoInstances_OnOneDatabase_SendEveryMessageOnce()
    {
        factory.EnsureAvailable();

        // The first instance makes the database the second one opens: when this test runs first in its class, nothing has started it yet.
        _ = factory.Services;
        await using var second = factory.SecondInstance();
        await using var configured = second.WithWebHostBuilder(fakes.Apply);
        _ = configured.Services;
        var customers = await factory.CustomersWithPhoneAsync(200, skip: 300);

        await factory.EnqueueAsync(new NotificationRequest("t:two:1", NotificationTemplates.OutageDetected, customers, Detected, Emergency: true));
        var sent = await factory.WaitForAsync("t:two:1", rows => rows.Count == 200 && rows.All(r => r.Status == NotificationStatus.Sent));

        var ids = sent.Select(m => m.DeliveryId).ToHashSet();
        var perId = fakes.Gateway.Received.Where(r => ids.Contains(r.Id)).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(200, perId.Count);
        Assert.All(perId.Values, count => Assert.Equal(1, count));
        Assert.All(sent, m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task EmailWeChatAndApp_Preferred_GoThroughSmtpAndThePushGateway_InTheCustomersLanguage()
    {
        factory.EnsureAvailable();
        var customer = (await factory.CustomersWithPhoneAsync(1, skip: 600))[0];
        await factory.PreferAsync(customer, new NotificationPreferenceValues(
            [NotificationChannel.Email, NotificationChannel.WeChat, NotificationChannel.AppPush], null, "o-wx-123", "app-456", "zhang@example.cn", "en", false, 0, 0, false));

        await factory.EnqueueAsync(new NotificationRequest("t:channels:1", NotificationTemplates.OutageRestored, [customer], new Dictionary<string, string> { ["area"] = "East Street", ["restoredAt"] = "18:05" }));
        var sent = await factory.WaitForAsync("t:channels:1", rows => rows.Count == 3 && rows.All(r => r.Status == NotificationStatus.Sent));

        var email = sent.Single(m => m.Channel == NotificationChannel.Email);
        var (from, to, mail) = Assert.Single(fakes.Smtp.Received, r => r.Message.MessageId == email.DeliveryId + "@gridcare");
        Assert.Equal(("notice@example.cn", "zhang@example.cn"), (from, Assert.Single(to)));
        Assert.Equal("Power restored", mail.Subject);
        Assert.Equal("Power in East Street was restored at 18:05. Thank you for your patience.", mail.TextBody!.Trim());
        Assert.Equal("大方供电局", ((MailboxAddress)mail.From[0]).Name);
        Assert.Equal(email.DeliveryId + "@gridcare", email.ProviderMessageId);

        var wechat = sent.Single(m => m.Channel == NotificationChannel.WeChat);
        var app = sent.Single(m => m.Channel == NotificationChannel.AppPush);
        var wechatPush = Assert.Single(fakes.Gateway.ReceivedPush, p => p.Id == wechat.DeliveryId);
        var appPush = Assert.Single(fakes.Gateway.ReceivedPush, p => p.Id == app.DeliveryId);
        Assert.Equal((PushMessage.WeChat, "o-wx-123", (string?)null, "Power restored"), (wechatPush.Channel, wechatPush.OpenId, wechatPush.AppUserId, wechatPush.Title));
        Assert.Equal((PushMessage.App, (string?)null, "app-456"), (appPush.Channel, appPush.OpenId, appPush.AppUserId));
        Assert.Equal(email.Text, appPush.Text);
        Assert.StartsWith("push-", wechat.ProviderMessageId, StringComparison.Ordinal);
    }

    private async Task DispatchWithMaxAttemptsAsync(int maxAttempts)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var configured = scope.ServiceProvider.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        var options = Options.Create(new NotificationsOptions { MaxAttempts = maxAttempts, RetryDelay = configured.RetryDelay, MaxRetryDelay = configured.MaxRetryDelay, Lease = configured.Lease });
        await ActivatorUtilities.CreateInstance<DispatchNotifications>(scope.ServiceProvider, options).RunOnceAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteNotificationDeliveryTests(SqliteNotificationFactory factory)
    : NotificationDeliveryTests(factory, factory.Fakes), IClassFixture<SqliteNotificationFactory>;

public sealed class PostgresNotificationDeliveryTests(PostgresNotificationFactory factory)
    : NotificationDeliveryTests(factory, factory.Fakes), IClassFixture<PostgresNotificationFactory>;
