using Fabric.Contracts.Configuration;
using Fabric.HostAgent.Cluster;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Consoles;
using Fabric.HostAgent.Fencing;
using Fabric.HostAgent.Heartbeat;
using Fabric.HostAgent.Hypervisors;
using Fabric.HostAgent.Probing;
using Fabric.HostAgent.Reconcile;
using Fabric.HostAgent.Tasks;

if (args.Contains(FenceCompanionProgram.Flag))
{
    return await FenceCompanionProgram.RunAsync(args);
}

var builder = Host.CreateApplicationBuilder(args);

AgentSettings settings;
AgentIdentity identity;
try
{
    settings = AgentSettings.Load(builder.Configuration);
}
catch (InvalidSettingException ex)
{
    Console.Error.WriteLine($"fabric-agent: cannot start: {ex.Message}");
    return 2;
}

var (dataLock, refusal) = AgentDataLock.TryAcquire(settings.DataDirectory);
if (dataLock is null)
{
    Console.Error.WriteLine($"fabric-agent: cannot start: {refusal}");
    return 2;
}

using (dataLock)
{
    try
    {
        identity = AgentIdentity.Load(settings.DataDirectory);
    }
    catch (InvalidDataException ex)
    {
        Console.Error.WriteLine($"fabric-agent: cannot start: {ex.Message}");
        return 2;
    }

    builder.UseOrleansClient(client => ClusterClientSetup.Configure(client, settings));
    builder.Services.AddSingleton(settings);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddHypervisorDriver(settings, builder.Configuration);
    builder.Services.AddSingleton<HostProbe>();
    builder.Services.AddSingleton(provider => new HeartbeatTrigger(settings.HeartbeatInterval, provider.GetRequiredService<TimeProvider>()));
    builder.Services.AddSingleton<NudgeListener>();
    builder.Services.AddSingleton<HeartbeatSender>();
    builder.Services.AddSingleton<PoolPaths>();
    builder.Services.AddSingleton<AssignmentTranslator>();
    builder.Services.AddSingleton<AppliedVmStore>();
    builder.Services.AddSingleton<VmReconciler>();
    builder.Services.AddSingleton<ImageTaskRunner>();
    builder.Services.AddSingleton<HostTaskExecutor>();
    builder.Services.AddSingleton<ConsoleRelayServer>();
    builder.Services.AddLeaseKeeping(settings, identity);
    builder.Services.AddHostedService(provider => provider.GetRequiredService<ConsoleRelayServer>());
    builder.Services.AddHostedService<HeartbeatService>();

    var app = builder.Build();
    app.Services.GetRequiredService<FenceCompanionLauncher>().EnsureRunning();
    await app.RunAsync();
}

return 0;
