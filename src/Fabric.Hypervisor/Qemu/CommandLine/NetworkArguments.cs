namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>NICs: a netdev backend (user networking, or a tap joined to a bridge) and the adapter.</summary>
internal static class NetworkArguments
{
    public static void Add(QemuArgv argv, VmRuntimeSpec spec, IReadOnlyDictionary<string, int> bootIndex)
    {
        foreach (var nic in spec.Nics)
        {
            argv.Add("-netdev", Backend(nic));
            argv.Add("-device", $"{Adapter(nic, spec.Profile)},netdev={DeviceRules.NetdevId(nic.Id)},id={nic.Id}," +
                $"mac={DeviceRules.MacAddress(spec.VmId, nic)}{QemuCommandLineBuilder.BootSuffix(bootIndex, nic.Id)}");
        }
    }

    /// <summary>The netdev option string; also used (as a dictionary) for hotplug.</summary>
    public static string Backend(VmNicSpec nic) => nic.Bridge is null
        ? $"user,id={DeviceRules.NetdevId(nic.Id)}"
        // QEMU's bridge helper creates the tap and joins it to the bridge, so no ifup script (no shell) is needed.
        : $"bridge,id={DeviceRules.NetdevId(nic.Id)},br={nic.Bridge}";

    public static string Adapter(VmNicSpec nic, DeviceProfile profile) =>
        DeviceRules.EffectiveModel(nic, profile) == NicModel.E1000 ? "e1000" : "virtio-net-pci";
}
