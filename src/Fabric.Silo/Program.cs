using System.Text.Json.Serialization;
using Fabric.Contracts.Configuration;
using Fabric.Contracts.Hosts.Leases;
using Fabric.Grains;
using Fabric.Grains.Hosts;
using Fabric.Grains.Hosts.Leases;
using Fabric.Grains.Placement;
using Fabric.Leases;
using Fabric.Silo.Api;
using Fabric.Silo.Api.OpenApi;
using Fabric.Silo.Auth;
using Fabric.Silo.Configuration;
using Fabric.Silo.Dashboard;
using Fabric.Silo.Dashboard.Login;
using Fabric.Silo.Health;
using Orleans.Dashboard;

var flags = new Dictionary<string, string> { ["--in-memory"] = "Fabric:InMemory" };
var builder = WebApplication.CreateBuilder(FlagArguments.Expand(args, flags));

SiloSettings settings;
AdminToken adminToken;
try
{
    settings = SiloSettings.Load(builder.Configuration);
    adminToken = AdminTokenLoader.Load(builder.Configuration);
    PlacementSettings.Load(builder.Configuration);
}
catch (InvalidSettingException ex)
{
    Console.Error.WriteLine($"fabric-silo: cannot start: {ex.Message}");
    return 2;
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8480");
}

builder.WebHost.UseDashboardAssets();
builder.UseOrleans(silo => OrleansSetup.Configure(silo, settings));
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKeyedSingleton(FabricTime.Key, TimeProvider.System);
if (!settings.InMemory)
{
    // Agents renew their leases in Redis directly; in memory, a grain keeps them (AddFabricGrainServices).
    builder.Services.AddSingleton<ILeaseWitness>(new RedisLeaseWitness(settings.Redis!));
}

builder.Services.AddFabricGrainServices();
builder.Services.AddHostedService<LeaseWatch>();
builder.Services.AddSingleton<ClusterReadiness>();
builder.Services.Configure<HostLivenessOptions>(builder.Configuration.GetSection(HostLivenessOptions.Section));
builder.Services.AddOptions<PlacementOptions>().Bind(builder.Configuration.GetSection(PlacementOptions.Section)).ValidateOnStart();
builder.Services.AddFabricApi();
builder.Services.AddAdminAuthentication(adminToken);
builder.Services.AddFabricOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    // Numbers are JSON numbers: the web default also reads "2" as 2, which makes every number in the
    // OpenAPI document "integer or string" and every generated client's number a union type.
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.AddFabricDashboard();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
// UseFabricDashboard runs UseAuthentication and UseAuthorization, which the REST API's token check needs too.
app.UseFabricDashboard();
app.MapHealthEndpoints();
app.MapOpenApi();
// The Orleans dashboard shows cluster internals: only for a signed-in operator.
app.MapOrleansDashboard("/orleans").RequireAuthorization(DashboardAuthentication.Policy);
app.MapFabricApi();
app.MapFabricDashboard();
app.Logger.LogInformation("{AdminToken}", adminToken.Describe());

try
{
    await app.RunAsync();
    return 0;
}
catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"fabric-silo: cannot listen: {ex.Message}. Another process uses the port; pass --urls http://127.0.0.1:<free port>.");
    return 2;
}
