namespace Fabric.Dashboard.Tests.Infrastructure;

/// <summary>
/// A browser test over real QEMU that runs only with <c>FABRIC_E2E_QEMU=1</c>: it asserts the serial
/// console shows the guest's boot marker, which needs the agent-side console relay (not built yet).
/// </summary>
public sealed class QemuE2EFactAttribute : FactAttribute
{
    public const string Variable = "FABRIC_E2E_QEMU";

    public QemuE2EFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"set {Variable}=1 to run: needs real QEMU, the test guest and the console relay";
        }
    }
}
