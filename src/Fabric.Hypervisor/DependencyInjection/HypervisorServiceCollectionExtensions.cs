using Fabric.Hypervisor.Qemu;
using Fabric.Hypervisor.Simulated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fabric.Hypervisor.DependencyInjection;

/// <summary>Registers one <see cref="IHypervisor"/> driver as a singleton (it owns the VMs' QMP connections).</summary>
public static class HypervisorServiceCollectionExtensions
{
    /// <summary>The QEMU driver, configured from <paramref name="configuration"/> (bound to <see cref="QemuHypervisorOptions"/>).</summary>
    public static IServiceCollection AddQemuHypervisor(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<QemuHypervisorOptions>().Bind(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<QemuHypervisor>();
        services.AddSingleton<IHypervisor>(provider => provider.GetRequiredService<QemuHypervisor>());
        return services;
    }

    /// <summary>The in-memory driver, for tests and scale simulation.</summary>
    public static IServiceCollection AddSimulatedHypervisor(this IServiceCollection services, Action<SimulatedHypervisorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SimulatedHypervisorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatedHypervisor>();
        services.AddSingleton<IHypervisor>(provider => provider.GetRequiredService<SimulatedHypervisor>());
        return services;
    }
}
