using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Qemu.GuestAgent;

/// <summary>The guest-agent facet of the QEMU driver: qemu-ga commands on a running Paravirtual VM.</summary>
internal sealed class QemuGuestAgent(QemuHypervisor driver, TimeSpan timeout) : IGuestAgent
{
    public async Task PingAsync(string vmId, CancellationToken cancellationToken) =>
        await ExecuteAsync(vmId, "guest-ping", null, cancellationToken);

    public async Task<GuestOsInfo> GetOsInfoAsync(string vmId, CancellationToken cancellationToken)
    {
        var info = await ExecuteAsync(vmId, "guest-get-osinfo", null, cancellationToken);
        return new GuestOsInfo(Text(info, "id"), Text(info, "name"), Text(info, "version"), Text(info, "kernel-release") ?? string.Empty, Text(info, "machine") ?? string.Empty);
    }

    public async Task<IReadOnlyList<GuestNetworkInterface>> GetNetworkInterfacesAsync(string vmId, CancellationToken cancellationToken)
    {
        var interfaces = await ExecuteAsync(vmId, "guest-network-get-interfaces", null, cancellationToken);
        return [.. interfaces.EnumerateArray().Select(i => new GuestNetworkInterface(
            Text(i, "name") ?? string.Empty,
            Text(i, "hardware-address"),
            i.TryGetProperty("ip-addresses", out var ips) ? [.. ips.EnumerateArray().Select(ip => Text(ip, "ip-address") ?? string.Empty)] : []))];
    }

    public async Task<GuestExecResult> ExecAsync(string vmId, string path, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var started = await ExecuteAsync(vmId, "guest-exec", new JsonObject
        {
            ["path"] = path,
            ["arg"] = new JsonArray([.. arguments.Select(a => JsonValue.Create(a))]),
            ["capture-output"] = true,
        }, cancellationToken);
        var pid = started.GetProperty("pid").GetInt64();
        var deadline = driver.Time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await ExecuteAsync(vmId, "guest-exec-status", new JsonObject { ["pid"] = pid }, cancellationToken);
            if (status.GetProperty("exited").GetBoolean())
            {
                return new GuestExecResult(
                    status.TryGetProperty("exitcode", out var code) ? code.GetInt32() : -1, Decode(status, "out-data"), Decode(status, "err-data"));
            }

            if (driver.Time.GetUtcNow() >= deadline)
            {
                throw new HypervisorException(HypervisorErrorCode.Timeout, $"'{path}' in VM '{vmId}' did not finish within {timeout.TotalSeconds:0.#} s (guest pid {pid}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), driver.Time, cancellationToken);
        }
    }

    public Task ShutdownAsync(string vmId, CancellationToken cancellationToken) =>
        SendWithoutReplyAsync(vmId, "guest-shutdown", new JsonObject { ["mode"] = "powerdown" }, cancellationToken);

    public Task RebootAsync(string vmId, CancellationToken cancellationToken) =>
        SendWithoutReplyAsync(vmId, "guest-shutdown", new JsonObject { ["mode"] = "reboot" }, cancellationToken);

    public Task SuspendAsync(string vmId, CancellationToken cancellationToken) =>
        SendWithoutReplyAsync(vmId, "guest-suspend-ram", null, cancellationToken);

    private async Task<JsonElement> ExecuteAsync(string vmId, string command, JsonObject? arguments, CancellationToken cancellationToken)
    {
        var vm = await RequireAgentAsync(vmId, command, cancellationToken);
        try
        {
            return await vm.Agent.ExecuteAsync(command, arguments, timeout, cancellationToken);
        }
        catch (GuestAgentException error)
        {
            throw new HypervisorException(HypervisorErrorCode.Failed, $"Guest agent of VM '{vmId}' refused '{command}': {error.Message}", error);
        }
    }

    private async Task SendWithoutReplyAsync(string vmId, string command, JsonObject? arguments, CancellationToken cancellationToken)
    {
        var vm = await RequireAgentAsync(vmId, command, cancellationToken);
        await vm.Agent.SendWithoutReplyAsync(command, arguments, timeout, cancellationToken);
    }

    private async Task<QemuVm> RequireAgentAsync(string vmId, string command, CancellationToken cancellationToken)
    {
        var vm = await driver.RequireRunningAsync(vmId, command, cancellationToken);
        if (vm.Spec.Profile != DeviceProfile.Paravirtual)
        {
            throw new HypervisorException(HypervisorErrorCode.Unsupported,
                $"VM '{vmId}' uses the Emulated device profile, which has no guest-agent channel; switch it to Paravirtual to use '{command}'.");
        }

        return vm;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Decode(JsonElement status, string property) =>
        status.TryGetProperty(property, out var data) ? Encoding.UTF8.GetString(Convert.FromBase64String(data.GetString() ?? string.Empty)) : string.Empty;
}
