using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Fabric.HostAgent.Cluster;

/// <summary>The resilience pipeline for agent-to-cluster calls: a per-call timeout and a few quick retries.</summary>
public static class ClusterCallPipeline
{
    public static ResiliencePipeline Create(TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(TimeSpan.FromSeconds(5))
            .Build();

    /// <summary>
    /// Whether a failed cluster call is worth retrying. The agent is level-triggered, so every
    /// failure but cancellation is treated as passing: a silo, a gateway or Redis is briefly away,
    /// and the next heartbeat carries the same truth again.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception is not OperationCanceledException;
}
