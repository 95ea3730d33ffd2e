using GridCare.Platform.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Platform.Auth;

public sealed record CreateAdministratorResult(bool Succeeded, IReadOnlyList<string> Errors);

/// <summary>Makes a staff administrator bound to an org unit: the first user of a production installation.</summary>
public sealed class CreateAdministrator(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, AppDbContext db)
{
    public async Task<CreateAdministratorResult> HandleAsync(string userName, string displayName, string password, string? orgUnitCode, CancellationToken cancellationToken)
    {
        var unit = orgUnitCode is null
            ? await db.OrgUnits.OrderBy(u => u.Level).ThenBy(u => u.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == orgUnitCode, cancellationToken);
        if (unit is null)
        {
            return new CreateAdministratorResult(false, [orgUnitCode is null
                ? "There are no org units yet: import them first (gridcare import org-units <file>)."
                : $"No org unit has the code '{orgUnitCode}'."]);
        }

        foreach (var role in StaffRoles.All.Select(StaffRoles.NameOf))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var user = new StaffUser { UserName = userName, DisplayName = displayName, OrgUnitId = unit.Id };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new CreateAdministratorResult(false, [.. created.Errors.Select(e => e.Description)]);
        }

        var added = await users.AddToRoleAsync(user, StaffRoles.Admin);
        return new CreateAdministratorResult(added.Succeeded, [.. added.Errors.Select(e => e.Description)]);
    }
}
