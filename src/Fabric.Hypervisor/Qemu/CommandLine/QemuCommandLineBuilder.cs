using System.Globalization;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>
/// Turns a <see cref="VmRuntimeSpec"/> into QEMU's argv (binary excluded). Deterministic: the same
/// spec, paths and accelerator always give the same array, which the golden-file tests pin.
/// </summary>
public static class QemuCommandLineBuilder
{
    /// <summary>Pinned so a VM sees the same virtual hardware after a QEMU upgrade or a migration.</summary>
    public const string MachineType = "pc-q35-7.2";

    /// <param name="spec">What to run.</param>
    /// <param name="paths">Where its sockets, logs and pidfile live.</param>
    /// <param name="accelerator"><c>kvm</c> or <c>tcg</c>, from the host probe.</param>
    /// <param name="incomingState">Start paused waiting for a saved state on QMP <c>migrate-incoming</c>.</param>
    public static IReadOnlyList<string> Build(VmRuntimeSpec spec, VmRuntimePaths paths, string accelerator, bool incomingState = false)
    {
        VmSpecValidator.Validate(spec);
        ArgumentNullException.ThrowIfNull(paths);
        var argv = new QemuArgv();

        argv.Add("-name", $"guest={QemuOptionText.Escape(spec.Name, "VM name")},debug-threads=on");
        argv.Add("-nodefaults");
        argv.Add("-no-user-config");
        argv.Add("-machine", $"{MachineType},accel={Accelerator(accelerator)}");
        // -cpu host needs KVM; under TCG "max" gives every feature QEMU can emulate.
        argv.Add("-cpu", accelerator == "kvm" ? "host" : "max");
        argv.Add("-smp", spec.VCpus.ToString(CultureInfo.InvariantCulture));
        argv.Add("-m", spec.MemoryMiB.ToString(CultureInfo.InvariantCulture));

        // The VM must outlive the agent: QEMU daemonizes itself (after its sockets listen) and
        // records its pid; -no-shutdown keeps it around after a guest poweroff so the reason can
        // be read over QMP even by an agent that was not running at the time.
        argv.Add("-daemonize");
        argv.Add("-pidfile", QemuOptionText.RawPath(paths.PidFile, "pidfile"));
        argv.Add("-no-shutdown");
        argv.Add("-chardev", $"socket,id=qmp,path={QemuOptionText.EscapePath(paths.QmpSocket, "QMP socket")},server=on,wait=off");
        argv.Add("-mon", "chardev=qmp,mode=control");
        argv.Add("-display", "none");
        // Lets a guest kernel panic reach QMP as GUEST_PANICKED instead of looking like a hang.
        argv.Add("-device", "pvpanic");

        ConsoleArguments.Add(argv, spec, paths);
        for (var i = 0; i < spec.HotplugSlots; i++)
        {
            argv.Add("-device", $"pcie-root-port,id={DeviceRules.HotplugPort(i)},bus=pcie.0,chassis={i + 1},port={i + 16}");
        }

        var bootIndex = spec.BootOrder.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i + 1, StringComparer.Ordinal);
        StorageArguments.Add(argv, spec, bootIndex);
        NetworkArguments.Add(argv, spec, bootIndex);
        AddKernel(argv, spec.DirectKernelBoot);
        if (incomingState)
        {
            argv.Add("-incoming", "defer");
        }

        return argv.ToList();
    }

    internal static string BootSuffix(IReadOnlyDictionary<string, int> bootIndex, string id) =>
        bootIndex.TryGetValue(id, out var index) ? $",bootindex={index}" : string.Empty;

    private static string Accelerator(string accelerator) => accelerator is "kvm" or "tcg"
        ? accelerator
        : throw new HypervisorException(HypervisorErrorCode.InvalidSpec, $"Unknown accelerator '{accelerator}'; the probe yields kvm or tcg.");

    private static void AddKernel(QemuArgv argv, DirectKernelBoot? boot)
    {
        if (boot is null)
        {
            return;
        }

        argv.Add("-kernel", QemuOptionText.RawPath(boot.KernelPath, "kernel"));
        if (boot.InitrdPath is not null)
        {
            argv.Add("-initrd", QemuOptionText.RawPath(boot.InitrdPath, "initrd"));
        }

        if (!string.IsNullOrEmpty(boot.CommandLine))
        {
            // A whole argument, never parsed as options by QEMU, so only control characters matter.
            QemuOptionText.RefuseControlCharacters(boot.CommandLine, "kernel command line");
            argv.Add("-append", boot.CommandLine);
        }
    }
}
