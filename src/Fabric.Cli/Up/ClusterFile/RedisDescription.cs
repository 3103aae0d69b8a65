namespace Fabric.Cli.Up.ClusterFile;

/// <summary>The Redis of a <see cref="ClusterDescription"/>: rerunning <paramref name="CommandLine"/> in <paramref name="WorkingDirectory"/> restarts it on the same AOF.</summary>
internal sealed record RedisDescription(string Endpoint, int Pid, IReadOnlyList<string> CommandLine, string WorkingDirectory);
