using Fabric.Contracts.Hosts;
using Fabric.Contracts.Vms;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Fencing;
using Fabric.HostAgent.Heartbeat;
using Fabric.HostAgent.Reconcile;
using Fabric.Hypervisor.Simulated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fabric.HostAgent.Tests.Reconcile;

/// <summary>An agent's reconcile parts over the simulated driver, with a data folder and a pool of their own.</summary>
public sealed class ReconcileFixture : IAsyncDisposable
{
    /// <param name="leaseClock">
    /// The lease's clock. Without one the lease is held for a day from the start; with one it is not
    /// held until a test grants it (lease keeping and fencing tests).
    /// </param>
    public ReconcileFixture(TimeProvider? leaseClock = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fabric-reconcile-").FullName;
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fabric:DataDir"] = Directory,
            ["Fabric:InMemory"] = "true",
            ["Fabric:HostName"] = "node1",
        }).Build();
        Settings = AgentSettings.Load(config);
        Paths = new PoolPaths(Settings);
        Hypervisor = new SimulatedHypervisor(Options.Create(new SimulatedHypervisorOptions
        {
            StoragePools = new Dictionary<string, string>(Settings.StoragePools, StringComparer.Ordinal),
        }), TimeProvider.System);
        Store = new AppliedVmStore(Settings);
        Heartbeat = new HeartbeatTrigger(Settings.HeartbeatInterval, TimeProvider.System);
        Lease = new LeaseGate(new AgentIdentity("0123456789abcdef0123456789abcdef"), leaseClock ?? TimeProvider.System);
        if (leaseClock is null)
        {
            Lease.Grant(Lease.Identity.Incarnation, TimeProvider.System.GetTimestamp(), TimeSpan.FromDays(1));
        }
        Reconciler = new VmReconciler(Hypervisor, new AssignmentTranslator(Paths), Store, Paths, Heartbeat, Lease, TimeProvider.System, NullLogger<VmWorker>.Instance);
    }

    public string Directory { get; }

    public AgentSettings Settings { get; }

    public PoolPaths Paths { get; }

    public SimulatedHypervisor Hypervisor { get; }

    public AppliedVmStore Store { get; }

    public HeartbeatTrigger Heartbeat { get; }

    /// <summary>The reconciler drives VMs only while this is held.</summary>
    public LeaseGate Lease { get; }

    public VmReconciler Reconciler { get; }

    public static VmAssignment Assignment(string vm, PowerState power, long epoch = 1, RestartPolicy restart = RestartPolicy.Never) => new()
    {
        Vm = vm,
        Epoch = epoch,
        Power = power,
        Restart = restart,
        StopMode = StopMode.Force,
        Hardware = new VmHardware { VCpus = 1, MemoryMiB = 256, Profile = DeviceProfile.Emulated, Nics = [new VmNic("net0", "user", NicModel.Default, "52:54:00:00:00:01")] },
    };

    public async ValueTask DisposeAsync()
    {
        await Reconciler.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
