using Fabric.Chaos.Watching;

namespace Fabric.Chaos.Tests.Watching;

/// <summary>A process table the test writes: what the watcher will read at its next sample.</summary>
internal sealed class FakeProcessTable : IProcessTable
{
    public List<ProcessEntry> Processes { get; } = [];

    public IReadOnlyList<ProcessEntry> Snapshot() => [.. Processes];

    /// <summary>A QEMU process as the agent starts one, with its sockets under <paramref name="dataDirectory"/>.</summary>
    public ProcessEntry AddQemu(int pid, string vm, string dataDirectory, char state = 'S')
    {
        var run = $"{dataDirectory}/run/{vm}";
        var process = new ProcessEntry(pid, StartTime: pid * 10L, state,
            ["/usr/bin/qemu-system-x86_64", "-name", $"guest={vm},debug-threads=on", "-daemonize", "-pidfile", $"{run}/qemu.pid",
             "-chardev", $"socket,id=qmp,path={run}/qmp.sock,server=on,wait=off", "-mon", "chardev=qmp,mode=control",
             "-chardev", $"socket,id=qga0,path={run}/qga.sock,server=on,wait=off"],
            NetworkNamespace: null);
        Processes.Add(process);
        return process;
    }
}
