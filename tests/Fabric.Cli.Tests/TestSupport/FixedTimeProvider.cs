namespace Fabric.Cli.Tests.TestSupport;

/// <summary>A clock stopped at one instant, so "4s ago" in a table is the same on every run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
