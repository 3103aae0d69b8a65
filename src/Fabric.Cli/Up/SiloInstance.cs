namespace Fabric.Cli.Up;

/// <summary>One silo `fabric up` started: <c>silo-1</c> serves REST and the dashboard on --port, the others on free ports.</summary>
internal sealed record SiloInstance(string Name, ChildProcess Process, string ApiUrl, int SiloPort, int GatewayPort);
