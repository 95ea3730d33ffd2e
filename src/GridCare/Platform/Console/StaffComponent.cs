using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GridCare.Platform.Console;

/// <summary>Base of console pages: resolves the signed-in user's <see cref="StaffScope"/> once, as endpoints bind it.</summary>
public abstract class StaffComponent : ComponentBase
{
    private StaffScope? scope;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private StaffScopeResolver Scopes { get; set; } = default!;

    protected async Task<StaffScope?> ScopeAsync(CancellationToken cancellationToken = default)
    {
        if (scope is null && AuthenticationState is not null)
        {
            var state = await AuthenticationState;
            scope = await Scopes.ResolveAsync(state.User, cancellationToken);
        }

        return scope;
    }
}
