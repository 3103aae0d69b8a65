using Fabric.Contracts.Configuration;
using Fabric.HostAgent.Cluster;
using Fabric.HostAgent.Configuration;
using Fabric.HostAgent.Consoles;
using Fabric.HostAgent.Heartbeat;
using Fabric.HostAgent.Hypervisors;
using Fabric.HostAgent.Probing;
using Fabric.HostAgent.Reconcile;
using Fabric.HostAgent.Tasks;

var builder = Host.CreateApplicationBuilder(args);

AgentSettings settings;
try
{
    settings = AgentSettings.Load(builder.Configuration);
}
catch (InvalidSettingException ex)
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
builder.Services.AddHostedService(provider => provider.GetRequiredService<ConsoleRelayServer>());
builder.Services.AddHostedService<HeartbeatService>();

await builder.Build().RunAsync();
return 0;
