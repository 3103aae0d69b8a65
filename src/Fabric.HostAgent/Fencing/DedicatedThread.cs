namespace Fabric.HostAgent.Fencing;

/// <summary>Runs a loop on a thread of its own, outside the .NET thread pool, and reports its end as a task.</summary>
public static class DedicatedThread
{
    public static Task Run(string name, Action loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                ended.SetResult();
            }
            catch (Exception ex)
            {
                ended.SetException(ex);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return ended.Task;
    }
}
