using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Hosts;

/// <summary>What the cluster stores about a host (grain state "host"; System.Text.Json in Redis).</summary>
public sealed class HostRecord
{
    public HostCapabilities? Capabilities { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Last heartbeat as last written; the live value is kept in memory between writes.</summary>
    public DateTimeOffset? LastHeartbeat { get; set; }

    public DateTimeOffset? AgentStartedAt { get; set; }

    public bool Maintenance { get; set; }

    /// <summary>When the cluster last declared the host dead, or null.</summary>
    public DateTimeOffset? FencedAt { get; set; }

    /// <summary>The lease generation declared dead then (0 for none): the host is Fenced until a later generation heartbeats.</summary>
    public long FencedGeneration { get; set; }

    /// <summary>VMs assigned to this host, by VM name.</summary>
    public Dictionary<string, VmAssignment> Assignments { get; set; } = new(StringComparer.Ordinal);
}
