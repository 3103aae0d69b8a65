using CsCheck;
using Fabric.Contracts.Hosts;
using Fabric.Grains.Placement;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Placement;

/// <summary>
/// Random clusters (host sizes, states, pools, what is already committed), random rules (allocation ratios,
/// reserve, spread or pack) and random streams of VMs: every host placement picks passes every rule, taking
/// each pick never overcommits a host, candidates come in the strategy's order, and a VM that fits nowhere
/// gets a reason for every host.
/// </summary>
public sealed class PlacementPropertyTests
{
    private static readonly string[] PoolNames = ["local", "nfs"];

    private static readonly Gen<PlacementOptions> Options = Gen.Select(
        Gen.Double[0.5, 16], Gen.Double[0.5, 2], Gen.Long[0, 2048], Gen.Bool,
        (cpu, memory, reserve, pack) => new PlacementOptions
        {
            CpuAllocationRatio = cpu, MemoryAllocationRatio = memory, HostReserveMiB = reserve, Strategy = pack ? PlacementGoal.Pack : PlacementGoal.Spread,
        });

    private static readonly Gen<HostInfo> Hosts = Gen.Select(
        Gen.Frequency((6, Gen.Const(HostState.Ready)), (1, Gen.OneOf(HostState.Unreachable, HostState.Maintenance, HostState.Joining, HostState.Fenced))),
        Gen.Int[1, 64], Gen.Int[1, 256], Gen.Int[1, 3], Gen.Double[0, 1.2], Gen.Double[0, 1.2],
        (state, cpus, memoryGiB, pools, memoryUsed, cpuUsed) =>
        {
            var capabilities = SampleHosts.Capabilities() with
            {
                CpuCount = cpus,
                MemoryBytes = (long)memoryGiB << 30,
                StoragePools = [.. PoolNames.Where((_, i) => (pools & (1 << i)) != 0).Select(name => SampleHosts.Capabilities().StoragePools[0] with { Name = name })],
            };
            return new HostInfo
            {
                Name = "h",
                State = state,
                StateReason = state.ToString(),
                Capabilities = capabilities,
                CommittedMemoryMiB = (long)(memoryGiB * 1024L * memoryUsed),
                CommittedVCpus = (int)(cpus * 4 * cpuUsed),
            };
        });

    private static readonly Gen<PlacementRequest> Vms = Gen.Select(Gen.Int[1, 32], Gen.Long[128, 65536], Gen.Int[0, 3],
        (vCpus, memory, pools) => new PlacementRequest(vCpus, memory, [.. PoolNames.Where((_, i) => (pools & (1 << i)) != 0)]));

    [Fact]
    public void Select_RandomClustersRulesAndVms_EveryPickPassesEveryRuleAndNoHostIsOvercommittedByThem()
    {
        Gen.Select(Options, Hosts.List[1, 20], Vms.List[1, 40]).Sample((options, generated, vms) =>
        {
            var selector = new HostSelector(options);
            var hosts = generated.Select((host, i) => host with { Name = $"h{i:00}" }).ToDictionary(h => h.Name, StringComparer.Ordinal);
            var startedOver = hosts.Values.Where(h => Overcommitted(h, options)).Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var vm in vms)
            {
                var result = selector.Select([.. hosts.Values.OrderBy(h => h.Name, StringComparer.Ordinal)], vm);
                if (result.Candidates.Count == 0)
                {
                    Assert.All(hosts.Keys, name => Assert.Contains($"{name}: ", result.Reason, StringComparison.Ordinal));
                    continue;
                }

                foreach (var name in result.Candidates)
                {
                    AssertPasses(hosts[name], vm, options);
                }

                var free = result.Candidates.Select(name => HostCapacity.FreeMemoryMiB(hosts[name], options)).ToList();
                Assert.Equal(options.Strategy == PlacementGoal.Pack ? [.. free.Order()] : free.OrderDescending().ToList(), free);

                var pick = hosts[result.Candidates[0]];
                hosts[pick.Name] = pick with { CommittedMemoryMiB = pick.CommittedMemoryMiB + vm.MemoryMiB, CommittedVCpus = pick.CommittedVCpus + vm.VCpus };
            }

            Assert.All(hosts.Values.Where(h => !startedOver.Contains(h.Name)), h => Assert.False(Overcommitted(h, options), $"{h.Name} overcommitted: {h}"));
        }, iter: 2_000);
    }

    private static void AssertPasses(HostInfo host, PlacementRequest vm, PlacementOptions options)
    {
        Assert.Equal(HostState.Ready, host.State);
        Assert.Empty(vm.Pools.Except(host.Capabilities!.StoragePools.Select(p => p.Name), StringComparer.Ordinal));
        Assert.True(HostCapacity.FreeMemoryMiB(host, options) >= vm.MemoryMiB, $"{host.Name} has {HostCapacity.FreeMemoryMiB(host, options)} MiB free, {vm.MemoryMiB} asked");
        Assert.True(HostCapacity.FreeVCpus(host, options) >= vm.VCpus, $"{host.Name} has {HostCapacity.FreeVCpus(host, options)} vCPUs free, {vm.VCpus} asked");
    }

    private static bool Overcommitted(HostInfo host, PlacementOptions options) =>
        HostCapacity.FreeMemoryMiB(host, options) < 0 || HostCapacity.FreeVCpus(host, options) < 0;
}
