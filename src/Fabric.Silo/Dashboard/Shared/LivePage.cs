using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Fabric.Silo.Dashboard.Shared;

/// <summary>
/// A page that reads grains and re-reads them every <see cref="RefreshInterval"/> while its circuit
/// is open, so state, progress and events appear without a reload. Grains hold the truth and Orleans
/// has no change feed the dashboard could subscribe to; a 2 s read of a few index grains is cheap.
/// Actions run through <see cref="ActAsync"/>, which shows a refusal's problems on the page.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();

    [Inject]
    protected IGrainFactory Grains { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Why the last read failed, or null.</summary>
    protected string? ReadError { get; private set; }

    /// <summary>The last refused or failed action, shown by <see cref="ProblemList"/>.</summary>
    protected Exception? ActionError { get; set; }

    protected bool Loaded { get; private set; }

    protected abstract Task RefreshAsync();

    protected override async Task OnInitializedAsync()
    {
        await ReadAsync();
        if (RendererInfo.IsInteractive)
        {
            _ = RefreshLoopAsync(_stopping.Token);
        }
    }

    /// <summary>Runs an action; on success says so, on refusal keeps the problems on screen. Returns whether it succeeded.</summary>
    protected async Task<bool> ActAsync(Func<Task> action, string? done)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            ActionError = null;
            if (done is not null)
            {
                Snackbar.Add(done, Severity.Success);
            }

            await ReadAsync();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ActionError = ex;
            Snackbar.Add(ProblemList.Summary(ex), Severity.Error);
            return false;
        }
    }

    protected async Task ReadAsync()
    {
        try
        {
            await RefreshAsync();
            ReadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReadError = ProblemList.Summary(ex);
        }

        Loaded = true;
    }

    private async Task RefreshLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await InvokeAsync(async () =>
                {
                    await ReadAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
