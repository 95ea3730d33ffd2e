using GridCare.Domain.Staff;

namespace GridCare.Features.Demo;

/// <summary>The published demo sign-ins: one per role, all with the same password, printed at start in demo mode.</summary>
public static class DemoAccounts
{
    public const string Password = "GridCare-demo-1";

    /// <summary>The demo agent's user name, who takes the demo history's calls and counter visits.</summary>
    public const string Agent = "agent";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", "系统管理员 Admin", StaffRole.Admin, DemoAccountUnit.City),
        new(Agent, "坐席 王敏 Agent", StaffRole.Agent, DemoAccountUnit.County),
        new("dispatcher", "调度 李强 Dispatcher", StaffRole.Dispatcher, DemoAccountUnit.County),
        new("crew", "抢修 张勇 Crew", StaffRole.Crew, DemoAccountUnit.FirstStation),
        new("manager", "所长 陈静 Manager", StaffRole.Manager, DemoAccountUnit.County),
        new("analyst", "营销 杨帆 Analyst", StaffRole.Analyst, DemoAccountUnit.City),
    ];
}

public sealed record DemoAccount(string UserName, string DisplayName, StaffRole Role, DemoAccountUnit Unit);

/// <summary>Where a demo account sits: the city bureau, the first county bureau, or that county's town supply station.</summary>
public enum DemoAccountUnit
{
    City,
    County,
    FirstStation,
}
