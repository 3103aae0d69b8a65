using System.Text.Json;

namespace Fabric.Hypervisor.Qemu.Qmp;

/// <summary>An asynchronous QMP event, e.g. <c>SHUTDOWN {guest, reason}</c> or <c>DEVICE_DELETED {device}</c>.</summary>
/// <param name="Name">Event name.</param>
/// <param name="Data">Event data; an empty object when QEMU sent none.</param>
/// <param name="Timestamp">When QEMU raised it.</param>
public sealed record QmpEvent(string Name, JsonElement Data, DateTimeOffset Timestamp)
{
    /// <summary>A string member of <see cref="Data"/>, or null.</summary>
    public string? GetString(string property) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
