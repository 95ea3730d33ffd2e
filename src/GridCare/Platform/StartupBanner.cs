using GridCare.Features.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GridCare.Platform;

/// <summary>Tells the person who just typed the run command where GridCare is and how to sign in.</summary>
public sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<DemoOptions> demo, IOptions<GridCareOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var output = System.Console.Out;
            output.WriteLine();
            output.WriteLine("GridCare is running.");
            foreach (var address in addresses)
            {
                output.WriteLine($"  Console:  {address}/");
                output.WriteLine($"  API:      {address}/scalar/v1   (OpenAPI {address}/openapi/v1.json)");
            }

            output.WriteLine($"  Data:     {options.Value.DataDirectoryFullPath}");
            if (demo.Value.Enabled)
            {
                output.WriteLine($"  Demo sign-ins (password {DemoAccounts.Password}):");
                foreach (var account in DemoAccounts.All)
                {
                    output.WriteLine($"    {account.UserName,-11} {account.DisplayName}");
                }
            }

            output.WriteLine();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
