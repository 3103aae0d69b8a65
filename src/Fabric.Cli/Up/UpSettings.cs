namespace Fabric.Cli.Up;

/// <summary>What `fabric up` was asked for.</summary>
/// <param name="DataDirectory">--data-dir, or null for the default.</param>
/// <param name="InMemory">--in-memory: no Redis, nothing survives a restart.</param>
/// <param name="Driver">--driver: <c>qemu</c> or <c>simulated</c>.</param>
/// <param name="Port">--port of the REST API and dashboard.</param>
/// <param name="HostName">--host-name for the agent (with several hosts, the prefix of <c>NAME-1</c>..), or null for the default.</param>
/// <param name="Hosts">--hosts: how many agents, each a host of its own.</param>
/// <param name="Silos">--silos: how many silos in the one cluster.</param>
internal sealed record UpSettings(string? DataDirectory, bool InMemory, string Driver, int Port, string? HostName, int Hosts = 1, int Silos = 1)
{
    public const int MaxHosts = 16;
    public const int MaxSilos = 5;

    /// <summary>What is wrong with this combination of options (each one alone was already checked), or null.</summary>
    public string? Problem()
    {
        if (InMemory && Silos > 1)
        {
            return $"--silos {Silos} needs Redis: in-memory silos keep their state to themselves and cannot form one cluster; drop --in-memory, or use --silos 1";
        }

        if (Hosts > 1 && HostName is { } prefix && Contracts.Validation.HostNames.Validate($"{prefix}-{Hosts}") is { } problem)
        {
            return $"--host-name with --hosts {Hosts} names the hosts {prefix}-1..{prefix}-{Hosts}: {problem}";
        }

        return null;
    }

    /// <summary>
    /// One host: --host-name, else the name the agent picks itself (the machine's name, lowercased).
    /// Several: <c>host-1</c>.. <c>host-N</c>, or <c>NAME-1</c>.. with --host-name NAME.
    /// </summary>
    public IReadOnlyList<string> HostNames() => Hosts == 1
        ? [HostName ?? Environment.MachineName.ToLowerInvariant()]
        : [.. Enumerable.Range(1, Hosts).Select(index => $"{HostName ?? "host"}-{index}")];
}
