using System.Collections.Concurrent;
using Fabric.Contracts.Hosts;

namespace Fabric.Grains.Tests.Storing;

/// <summary>
/// Holds chosen VM grains after they chose their candidate hosts and before they ask the first one,
/// until the test releases them: what they saw is then out of date, deterministically rather than by
/// luck of timing.
/// </summary>
public sealed class PlacementGate : IOutgoingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Reached, TaskCompletionSource Released)> _held = new(StringComparer.Ordinal);

    /// <summary>The next assignment <paramref name="vm"/> asks a host for waits in the gate until <see cref="Release"/>.</summary>
    public void Hold(string vm) =>
        _held[vm] = (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Completes once <paramref name="vm"/> has its host list and waits in the gate.</summary>
    public Task ReachedAsync(string vm) => _held[vm].Reached.Task;

    public void Release(string vm)
    {
        if (_held.TryGetValue(vm, out var hold))
        {
            hold.Released.TrySetResult();
        }
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.DeclaringType == typeof(IHostGrain) && context.MethodName == nameof(IHostGrain.Assign)
            && context.SourceId is { } source && source.Type.ToString() == "vm"
            && _held.TryGetValue(source.Key.ToString()!, out var hold) && !hold.Released.Task.IsCompleted)
        {
            hold.Reached.TrySetResult();
            await hold.Released.Task;
        }

        await context.Invoke();
    }
}
