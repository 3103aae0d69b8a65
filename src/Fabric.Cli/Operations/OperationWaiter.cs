using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Operations;

namespace Fabric.Cli.Operations;

/// <summary>Follows an operation the API handed out (a 202) until it leaves Running, drawing its progress.</summary>
internal static class OperationWaiter
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Waits and prints how it ended (with <paramref name="json"/>, only the final operation's JSON);
    /// exit 0 when it succeeded, 1 when it failed or did not finish in time.
    /// </summary>
    public static async Task<int> WaitAsync(CliContext context, FabricApiClient client, string operationBody, bool json, CancellationToken cancellationToken)
    {
        var operation = Read(operationBody);
        var progress = json ? null : new ProgressBar(context.Stdout, context.StdoutIsTerminal);
        var started = context.Time.GetUtcNow();
        while (operation.State == OperationState.Running)
        {
            progress?.Report(operation.Progress, $"{operation.Kind} {operation.Target}: {operation.Message}");
            if (context.Time.GetUtcNow() - started > Deadline)
            {
                progress?.Finish();
                await context.Stderr.WriteLineAsync($"operation {operation.Id} is still running after {Deadline.TotalMinutes:0} min; follow it with `fabric operation show {operation.Id}`");
                return ExitCodes.Failure;
            }

            await Task.Delay(context.PollInterval, context.Time, cancellationToken);
            operationBody = await client.GetAsync($"api/v1/operations/{Uri.EscapeDataString(operation.Id)}", cancellationToken);
            operation = Read(operationBody);
        }

        progress?.Finish();
        var succeeded = operation.State == OperationState.Succeeded;
        if (json)
        {
            await JsonOutput.WriteAsync(context, operationBody);
        }
        else if (succeeded)
        {
            await context.Stdout.WriteLineAsync($"{operation.Kind} {operation.Target}: done{Suffix(operation.Message)}");
        }

        if (!succeeded)
        {
            await context.Stderr.WriteLineAsync($"{operation.Kind} {operation.Target} failed{Suffix(operation.Message)}");
        }

        return succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }

    public static OperationInfo Read(string body) =>
        JsonSerializer.Deserialize<OperationInfo>(body, FabricJson.Options) ?? throw new JsonException("the operation is null");

    private static string Suffix(string message) => string.IsNullOrWhiteSpace(message) ? "" : $": {message}";
}
