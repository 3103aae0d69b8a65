using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>Serial ports, the guest-agent channel and the display.</summary>
internal static class ConsoleArguments
{
    /// <summary>The virtserialport name qemu-ga looks for inside the guest.</summary>
    public const string GuestAgentPortName = "org.qemu.guest_agent.0";

    public static void Add(QemuArgv argv, VmRuntimeSpec spec, VmRuntimePaths paths)
    {
        for (var i = 0; i < spec.SerialPorts; i++)
        {
            // The log file records output even with no client attached; a late client still gets a live console.
            argv.Add("-chardev",
                $"socket,id=serial{i},path={QemuOptionText.EscapePath(paths.SerialSocket(i), "serial socket")},server=on,wait=off," +
                $"logfile={QemuOptionText.EscapePath(paths.SerialLog(i), "serial log")},logappend=on");
            argv.Add("-device", $"isa-serial,chardev=serial{i},id=com{i + 1},index={i}");
        }

        if (spec.Profile == DeviceProfile.Paravirtual)
        {
            argv.Add("-chardev", $"socket,id=qga0,path={QemuOptionText.EscapePath(paths.GuestAgentSocket, "guest agent socket")},server=on,wait=off");
            argv.Add("-device", "virtio-serial-pci,id=virtio-serial0");
            argv.Add("-device", $"virtserialport,bus=virtio-serial0.0,chardev=qga0,name={GuestAgentPortName}");
        }

        switch (spec.Display.Kind)
        {
            case VmDisplayKind.VncUnixSocket:
                argv.Add("-device", "VGA,id=vga");
                argv.Add("-vnc", $"unix:{QemuOptionText.ImpliedPath(paths.VncSocket, "VNC socket")}");
                break;
            case VmDisplayKind.VncLoopback:
                if (spec.Display.LoopbackDisplay is < 0 or > 5000)
                {
                    throw new HypervisorException(HypervisorErrorCode.InvalidSpec,
                        $"VNC display {spec.Display.LoopbackDisplay} is out of range; use 0–5000 (port 5900 + n).");
                }

                argv.Add("-device", "VGA,id=vga");
                // Loopback only: the agent proxies the screen, a VNC port is never exposed on the network.
                argv.Add("-vnc", $"127.0.0.1:{spec.Display.LoopbackDisplay}");
                break;
        }
    }
}
