namespace Fabric.Chaos.Watching;

/// <summary>One QEMU process of a VM, as long as the watcher has seen it.</summary>
/// <param name="VmName">The VM.</param>
/// <param name="Host">Its host, or <see cref="HostResolver.Unknown"/>.</param>
/// <param name="Pid">The process.</param>
/// <param name="StartTime">The process's start time, which with the pid names it uniquely.</param>
/// <param name="FirstSeen">The first sample that showed it live.</param>
/// <param name="LastSeen">The last sample that showed it live.</param>
/// <param name="State">Its state letter in the last sample (T: stopped).</param>
/// <param name="GuestAgentSocket">Its guest-agent socket, from the argv.</param>
/// <param name="QmpSocket">Its QMP socket, from the argv.</param>
public sealed record VmSighting(
    string VmName, string Host, int Pid, long StartTime, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, char State,
    string? GuestAgentSocket, string? QmpSocket);
