namespace Fabric.Create.Bench;

/// <summary>The figures of one run; property names are the JSON names.</summary>
#pragma warning disable IDE1006 // JSON names, camelCase like the other result files.
internal sealed record RunResult(
    string storage,
    string surface,
    int clients,
    int vms,
    int created,
    int refused,
    IReadOnlyList<string> refusalSamples,
    double createsPerSecond,
    double createSeconds,
    double p50Ms,
    double p99Ms,
    double maxMs,
    double? allRunningSeconds,
    int runningAtEnd,
    long siloRssBeforeMiB,
    long siloRssAfterMiB,
    long siloBytesPerVm,
    bool profiled,
    string loadAverageAtCreate);
#pragma warning restore IDE1006
