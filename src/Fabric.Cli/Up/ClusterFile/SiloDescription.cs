namespace Fabric.Cli.Up.ClusterFile;

/// <summary>One silo of a <see cref="ClusterDescription"/>, with the URL of its own REST API.</summary>
internal sealed record SiloDescription(string Name, int Pid, string ApiUrl, int SiloPort, int GatewayPort, string Log);
