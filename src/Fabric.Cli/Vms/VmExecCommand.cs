using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Rest;
using Fabric.Contracts.Vms;

namespace Fabric.Cli.Vms;

/// <summary><c>fabric vm exec NAME -- CMD ARGS…</c>: runs a program in the guest; prints its output and exits with its exit code.</summary>
internal static class VmExecCommand
{
    public static Command Create(CliContext context, ApiOptions api)
    {
        var name = VmCommand.NameArgument();
        var program = new Argument<string[]>("COMMAND") { Description = "Program and arguments, after --", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<int>("--timeout")
        {
            Description = $"Seconds the program may run (1–{ExecRules.MaxTimeoutSeconds})",
            DefaultValueFactory = _ => ExecRules.DefaultTimeoutSeconds,
            HelpName = "SECONDS",
        };
        timeout.Validators.Add(result =>
        {
            if (ExecRules.ValidateTimeout(result.GetValueOrDefault<int>()) is { } problem)
            {
                result.AddError($"--timeout: {problem}");
            }
        });
        var json = JsonOutput.Option();
        var exec = new Command("exec", "Run a program in the guest through the guest agent (no shell)") { name, program, timeout, json };
        exec.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var request = new ExecRequest { Command = parseResult.GetRequiredValue(program), TimeoutSeconds = parseResult.GetValue(timeout) };
            var response = await client.SendJsonAsync(HttpMethod.Post, $"{VmCommand.PathOf(parseResult.GetRequiredValue(name))}/exec", request, cancellationToken);
            var result = JsonSerializer.Deserialize<GuestExecResult>(response.Body, FabricJson.Options) ?? throw new JsonException("the result is null");
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, response.Body);
            }
            else
            {
                await context.Stdout.WriteAsync(result.StandardOutput);
                await context.Stderr.WriteAsync(result.StandardError);
            }

            return result.ExitCode;
        }));
        return exec;
    }
}
