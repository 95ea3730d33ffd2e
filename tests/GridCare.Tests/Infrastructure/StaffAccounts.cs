using GridCare.Features.Demo;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests.Infrastructure;

/// <summary>Staff accounts the demo does not have, such as a manager of one supply station.</summary>
public static class StaffAccounts
{
    public static async Task StationManagerAsync(GridCareFactory factory, string userName, int station)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new StaffUser { UserName = userName, DisplayName = "所长", OrgUnitId = station };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "manager")).Succeeded);
        }
    }
}
