namespace Fabric.Grains.Tests;

/// <summary>For many concurrent calls: the outcome of each, rather than the first failure <c>Task.WhenAll</c> throws.</summary>
public static class Outcomes
{
    /// <summary>Null when <paramref name="call"/> succeeded, else what it threw.</summary>
    public static async Task<Exception?> ErrorOf(Task call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
