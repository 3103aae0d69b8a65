namespace Fabric.Grains.Vms;

/// <summary>
/// Compensating steps for a multi-step change (create disks, attach them, reserve MACs…): run
/// in reverse when a later step fails, so a failed operation leaves the cluster as it was.
/// </summary>
public sealed class Undo
{
    private readonly Stack<Func<Task>> _steps = new();

    public void Add(Func<Task> step) => _steps.Push(step);

    public async Task RunAsync()
    {
        while (_steps.TryPop(out var step))
        {
            try
            {
                await step();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Best effort: keep undoing the rest; what could not be undone stays visible in the catalogs.
            }
        }
    }
}
