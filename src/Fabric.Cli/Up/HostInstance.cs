using Fabric.Cli.Up.Namespaces;

namespace Fabric.Cli.Up;

/// <summary>One host `fabric up` started: its agent, where it lives on the network, and its own data folder.</summary>
internal sealed record HostInstance(HostNetwork Network, ChildProcess Agent, string DataDirectory)
{
    public string Name => Network.HostName;
}
