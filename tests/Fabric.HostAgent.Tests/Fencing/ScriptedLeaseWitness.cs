using Fabric.Contracts.Hosts.Leases;
using Microsoft.Extensions.Time.Testing;

namespace Fabric.HostAgent.Tests.Fencing;

/// <summary>
/// A lease witness that answers renewals as the test says, optionally taking <see cref="Latency"/> of
/// fake time to answer, and records who asked.
/// </summary>
public sealed class ScriptedLeaseWitness(FakeTimeProvider time) : ILeaseWitness
{
    public Func<string, LeaseDecision> Answer { get; set; } = incarnation => Grant(incarnation);

    public TimeSpan Latency { get; set; }

    public List<string> Renewals { get; } = [];

    public static LeaseDecision Grant(string incarnation, LeaseOutcome outcome = LeaseOutcome.Renewed) =>
        new(outcome, new LeaseRecord(incarnation, "token", 0, 0, 1, 0));

    public static LeaseDecision HeldBy(string holder) => new(LeaseOutcome.Held, new LeaseRecord(holder, "other-token", 0, 0, 2, 0));

    public Task<LeaseDecision> RenewAsync(string host, string incarnation, string token, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        Renewals.Add(incarnation);
        time.Advance(Latency);
        return Task.FromResult(Answer(incarnation));
    }

    public Task<LeaseRecord?> ReadAsync(string host, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<LeaseSnapshot> ReadAllAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> FenceAsync(string host, long generation, TimeSpan margin, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
