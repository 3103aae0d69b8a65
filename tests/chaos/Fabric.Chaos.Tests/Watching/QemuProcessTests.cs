using Fabric.Chaos.Watching;

namespace Fabric.Chaos.Tests.Watching;

public sealed class QemuProcessTests
{
    [Fact]
    public void From_TheAgentsArgv_ReadsTheVmNameAndItsSockets()
    {
        var table = new FakeProcessTable();
        var qemu = QemuProcess.From(table.AddQemu(7, "db1", "/d"));

        Assert.NotNull(qemu);
        Assert.Equal(("db1", "/d/run/db1/qmp.sock", "/d/run/db1/qga.sock"), (qemu.VmName, qemu.QmpSocket, qemu.GuestAgentSocket));
    }

    [Fact]
    public void From_ADoubledComma_IsALiteralComma()
    {
        var qemu = QemuProcess.From(new ProcessEntry(1, 1, 'S', ["qemu-system-x86_64", "-name", "guest=a,,b,debug-threads=on"], null));

        Assert.Equal("a,b", qemu?.VmName);
    }

    [Fact]
    public void From_AProcessThatIsNotQemu_IsNull()
    {
        Assert.Null(QemuProcess.From(new ProcessEntry(1, 1, 'S', ["/bin/sleep", "-name", "guest=a"], null)));
    }
}
