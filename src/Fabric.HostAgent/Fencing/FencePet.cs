namespace Fabric.HostAgent.Fencing;

/// <summary>
/// What the agent tells its fence companion after each lease renewal: kill these processes unless
/// petted again before <see cref="DeadlineNs"/>.
/// </summary>
/// <param name="AgentPid">The agent that wrote it; the companion lives as long as it does (and until it fenced).</param>
/// <param name="AgentStartTime">The agent's start time, so a reused pid is not taken for the agent.</param>
/// <param name="DeadlineNs">When the lease runs out: CLOCK_MONOTONIC in nanoseconds, one clock for every process on the machine.</param>
/// <param name="Processes">The host's HA VMs' QEMU processes.</param>
/// <param name="Done">Set by the companion once it fenced for this deadline.</param>
public sealed record FencePet(int AgentPid, long AgentStartTime, long DeadlineNs, IReadOnlyList<FencedProcess> Processes, bool Done = false);
