using System.Collections.Concurrent;
using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Tests.Storing;

/// <summary>
/// Holds chosen VM grains right after they listed the hosts to place themselves, until the test
/// releases them: what they saw is then out of date, deterministically rather than by luck of timing.
/// </summary>
public sealed class PlacementGate : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Reached, TaskCompletionSource Released)> _held = new(StringComparer.Ordinal);

    /// <summary>The next host listing by <paramref name="vm"/> waits in the gate until <see cref="Release"/>.</summary>
    public void Hold(string vm) =>
        _held[vm] = (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Completes once <paramref name="vm"/> has its host list and waits in the gate.</summary>
    public Task ReachedAsync(string vm) => _held[vm].Reached.Task;

    public void Release(string vm)
    {
        if (_held.TryRemove(vm, out var hold))
        {
            hold.Released.TrySetResult();
        }
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Invoke();
        if (context.InterfaceMethod?.DeclaringType == typeof(IHostInventoryGrain) && context.MethodName == nameof(IHostInventoryGrain.List)
            && context.SourceId is { } source && source.Type.ToString() == "vm"
            && _held.TryGetValue(source.Key.ToString()!, out var hold))
        {
            hold.Reached.TrySetResult();
            await hold.Released.Task;
        }
    }
}
