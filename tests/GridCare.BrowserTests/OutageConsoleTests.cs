using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class OutageConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Dispatcher_PlansAnOutage_SeesTheAffectedCount_Publishes_AndThePortalShowsItForAnAffectedAccount()
    {
        var (switchCode, customers) = await BranchAsync();
        var page = await SignedInAsync("dispatcher");
        await page.GotoAsync("outages/plan");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.GetByTestId("plan-devices").FillAsync(switchCode);
        await page.GetByTestId("plan-reason").FillAsync("10kV线路检修，更换老旧导线");
        await page.GetByTestId("plan-area").FillAsync("浏览器测试片区");
        await page.GetByTestId("plan-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-customer-count")).ToHaveTextAsync(customers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("plan-notice")).ToContainTextAsync("符合规定");
        await page.GetByTestId("plan-publish").ClickAsync();

        await page.WaitForURLAsync("**/outages/TD*");
        await Assertions.Expect(page.GetByTestId("outage-status")).ToHaveTextAsync("计划中");
        await Assertions.Expect(page.GetByTestId("outage-customer-count")).ToHaveTextAsync(customers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        var portal = await app.NewPageAsync();
        await portal.GotoAsync("portal/outages");
        await portal.GetByTestId("outages-query").FillAsync(customers[0]);
        await portal.GetByTestId("outages-search").ClickAsync();
        await Assertions.Expect(portal.GetByTestId("public-outage").Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await Assertions.Expect(portal.GetByTestId("public-outage-area").First).ToHaveTextAsync("浏览器测试片区");
    }

    /// <summary>A branch switch of the demo area and the account numbers below it, read from the database.</summary>
    private async Task<(string Code, IReadOnlyList<string> Accounts)> BranchAsync()
    {
        app.EnsureAvailable();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var devices = await db.NetworkDevices.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.Kind, d.Code }).ToListAsync(ct);
        var children = devices.Where(d => d.ParentId is not null).ToLookup(d => d.ParentId!.Value);
        var accountsAt = (await db.Customers.AsNoTracking().Select(c => new { c.ServicePointId, c.AccountNumber }).ToListAsync(ct))
            .ToDictionary(c => c.ServicePointId, c => c.AccountNumber);
        List<string> Below(long deviceId)
        {
            var found = new List<string>();
            var pending = new Stack<long>([deviceId]);
            while (pending.TryPop(out var id))
            {
                if (accountsAt.TryGetValue(id, out var account))
                {
                    found.Add(account);
                }

                foreach (var child in children[id])
                {
                    pending.Push(child.Id);
                }
            }

            return [.. found.Order(StringComparer.Ordinal)];
        }

        // The last switch of the area that feeds anyone: other browser tests work on the first stations' customers.
        var branch = devices.Where(d => d.Kind == DeviceKind.Switch).OrderByDescending(d => d.Code, StringComparer.Ordinal).First(d => Below(d.Id).Count > 0);
        var accounts = Below(branch.Id);
        return (branch.Code, accounts);
    }

    private Task<IPage> SignedInAsync(string userName) => app.SignedInPageAsync(userName);
}
