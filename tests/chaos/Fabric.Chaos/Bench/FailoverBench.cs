namespace Fabric.Chaos.Bench;

public static class FailoverBench
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
