namespace Fabric.Cli.Up;

/// <summary>`fabric up` cannot go on; <see cref="Culprit"/> is the child whose log explains why, if any.</summary>
internal sealed class UpFailedException(string message, ChildProcess? culprit = null) : Exception(message)
{
    public ChildProcess? Culprit { get; } = culprit;
}
