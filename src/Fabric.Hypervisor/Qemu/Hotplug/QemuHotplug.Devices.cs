using System.Text.Json.Nodes;
using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.Lifecycle;
using Fabric.Hypervisor.Qemu.Qmp;

namespace Fabric.Hypervisor.Qemu.Hotplug;

internal sealed partial class QemuHotplug
{
    public async Task AddNicAsync(string vmId, VmNicSpec nic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nic);
        var vm = await driver.RequireRunningAsync(vmId, "add a NIC", cancellationToken);
        VmSpecValidator.Validate(vm.Spec with { Disks = [], CdRoms = [], Nics = [nic], BootOrder = [] });
        var netdev = nic.Bridge is null
            ? new JsonObject { ["type"] = "user", ["id"] = DeviceRules.NetdevId(nic.Id) }
            : new JsonObject { ["type"] = "bridge", ["id"] = DeviceRules.NetdevId(nic.Id), ["br"] = nic.Bridge };
        await ExecuteAsync(vm, "netdev_add", netdev, $"add the backend of NIC '{nic.Id}'", cancellationToken);
        try
        {
            await PlugIntoFreeSlotAsync(vm, new JsonObject
            {
                ["driver"] = NetworkArguments.Adapter(nic, vm.Spec.Profile),
                ["netdev"] = DeviceRules.NetdevId(nic.Id),
                ["id"] = nic.Id,
                ["mac"] = DeviceRules.MacAddress(vmId, nic),
            }, cancellationToken);
        }
        catch
        {
            await TryExecuteAsync(vm, "netdev_del", new JsonObject { ["id"] = DeviceRules.NetdevId(nic.Id) });
            throw;
        }
    }

    public async Task RemoveNicAsync(string vmId, string nicId, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "remove a NIC", cancellationToken);
        await UnplugAsync(vm, QemuOptionText.DeviceId(nicId, "NIC"), cancellationToken);
        await TryExecuteAsync(vm, "netdev_del", new JsonObject { ["id"] = DeviceRules.NetdevId(nicId) });
    }

    public async Task ChangeMediumAsync(string vmId, string cdromId, string? isoPath, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, "change a CD-ROM", cancellationToken);
        QemuOptionText.DeviceId(cdromId, "CD-ROM");
        if (isoPath is null)
        {
            await ExecuteAsync(vm, "eject", new JsonObject { ["id"] = cdromId, ["force"] = true }, $"eject '{cdromId}'", cancellationToken);
            return;
        }

        var iso = driver.Pools.Resolve(isoPath, $"ISO for '{cdromId}'");
        if (!File.Exists(iso.FullPath))
        {
            throw new HypervisorException(HypervisorErrorCode.NotFound, $"ISO '{isoPath}' does not exist; upload it to the pool or choose another.");
        }

        await ExecuteAsync(vm, "blockdev-change-medium", new JsonObject
        {
            ["id"] = cdromId, ["filename"] = iso.FullPath, ["format"] = "raw", ["read-only-mode"] = "read-only",
        }, $"insert '{isoPath}' into '{cdromId}'", cancellationToken);
    }

    /// <summary>Puts a PCI device into the first free spare root port (addr 0 is the only slot behind one).</summary>
    private static async Task PlugIntoFreeSlotAsync(QemuVm vm, JsonObject device, CancellationToken cancellationToken)
    {
        QmpException? last = null;
        for (var slot = 0; slot < vm.Spec.HotplugSlots; slot++)
        {
            device["bus"] = DeviceRules.HotplugPort(slot);
            device["addr"] = "0";
            try
            {
                await vm.Qmp.ExecuteAsync("device_add", device.DeepClone(), cancellationToken);
                return;
            }
            catch (QmpException error) when (error.Description.Contains("in use", StringComparison.OrdinalIgnoreCase) ||
                                             error.Description.Contains("not available", StringComparison.OrdinalIgnoreCase))
            {
                last = error;
            }
            catch (QmpException error)
            {
                throw QmpErrors.Translate(error, vm.Spec.VmId, $"add device '{device["id"]}'");
            }
        }

        throw new HypervisorException(HypervisorErrorCode.Unsupported,
            $"VM '{vm.Spec.VmId}' has no free hotplug slot for '{device["id"]}' ({vm.Spec.HotplugSlots} spare root ports, all used); " +
            $"restart it with more HotplugSlots or remove a device. {last?.Description}");
    }

    /// <summary>device_del, then wait for DEVICE_DELETED: the device is only gone once the guest released it.</summary>
    private async Task UnplugAsync(QemuVm vm, string deviceId, CancellationToken cancellationToken)
    {
        var client = await vm.Qmp.GetClientAsync(cancellationToken);
        using var events = client.Subscribe();
        await ExecuteAsync(vm, "device_del", new JsonObject { ["id"] = deviceId }, $"remove device '{deviceId}'", cancellationToken);
        try
        {
            await events.WaitForAsync(e => e.Name == "DEVICE_DELETED" && e.GetString("device") == deviceId, UnplugTimeout, driver.Time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new HypervisorException(HypervisorErrorCode.Timeout,
                $"VM '{vm.Spec.VmId}' did not release device '{deviceId}' within {UnplugTimeout.TotalSeconds:0} s; the guest must support PCIe hot-unplug.");
        }
    }

    private static async Task ExecuteAsync(QemuVm vm, string command, JsonObject arguments, string what, CancellationToken cancellationToken)
    {
        try
        {
            await vm.Qmp.ExecuteAsync(command, arguments, cancellationToken);
        }
        catch (QmpException error)
        {
            throw QmpErrors.Translate(error, vm.Spec.VmId, what);
        }
    }

    /// <summary>Best-effort cleanup of something that may not exist; never masks the original error.</summary>
    private static async Task TryExecuteAsync(QemuVm vm, string command, JsonObject arguments)
    {
        try
        {
            await vm.Qmp.ExecuteAsync(command, arguments, CancellationToken.None);
        }
        catch (Exception error) when (error is QmpException or IOException or HypervisorException)
        {
            // Nothing to clean up, or the VM is gone.
        }
    }
}
