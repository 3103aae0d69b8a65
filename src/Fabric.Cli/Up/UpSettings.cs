namespace Fabric.Cli.Up;

/// <summary>What `fabric up` was asked for.</summary>
/// <param name="DataDirectory">--data-dir, or null for the default.</param>
/// <param name="InMemory">--in-memory: no Redis, nothing survives a restart.</param>
/// <param name="Driver">--driver: <c>qemu</c> or <c>simulated</c>.</param>
/// <param name="Port">--port of the REST API and dashboard.</param>
/// <param name="HostName">--host-name for the agent, or null for the agent's default.</param>
internal sealed record UpSettings(string? DataDirectory, bool InMemory, string Driver, int Port, string? HostName);
