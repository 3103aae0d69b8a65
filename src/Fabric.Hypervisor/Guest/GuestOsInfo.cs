namespace Fabric.Hypervisor;

/// <summary>The guest OS as the agent reports it (<c>guest-get-osinfo</c>).</summary>
public sealed record GuestOsInfo(string? Id, string? Name, string? Version, string KernelRelease, string Machine);
