namespace Fabric.Integration.Tests.Infrastructure;

/// <summary>Which hypervisor driver the process tests give the agent, and how long its first probe may take.</summary>
public static class TestDrivers
{
    public const string Default = "simulated";

    public static TimeSpan RegistrationDeadline { get; } = TimeSpan.FromSeconds(60);
}
