using System.Globalization;

namespace Fabric.Create.Bench;

/// <summary>
/// What to measure. Usage: Fabric.Create.Bench [--vms N] [--clients 16,64] [--surfaces rest,client]
/// [--storage in-memory,redis] [--hosts N] [--memory-mib N] [--out DIR] [--name create] [--profile] [--tools DIR].
/// </summary>
internal sealed record BenchOptions
{
    public int Vms { get; init; } = 2000;

    public IReadOnlyList<int> Clients { get; init; } = [16, 64];

    public IReadOnlyList<string> Surfaces { get; init; } = ["rest", "client"];

    public IReadOnlyList<string> Storage { get; init; } = ["in-memory", "redis"];

    public int Hosts { get; init; } = 10;

    public int MemoryMiB { get; init; } = 64;

    public string Output { get; init; } = Path.Combine("bench", "results");

    /// <summary>Result file name without extension: <c>create</c> writes create.json and create-profile.txt.</summary>
    public string Name { get; init; } = "create";

    /// <summary>Record the silo's counters and CPU samples during every run.</summary>
    public bool Profile { get; init; }

    /// <summary>Where dotnet-counters, dotnet-trace and dotnet-gcdump are installed.</summary>
    public string Tools { get; init; } = Path.Combine("bench", ".tools");

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--vms" => options with { Vms = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--clients" => options with { Clients = [.. List(Value()).Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--surfaces" => options with { Surfaces = Only(List(Value()), "rest", "client") },
                "--storage" => options with { Storage = Only(List(Value()), "in-memory", "redis") },
                "--hosts" => options with { Hosts = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--memory-mib" => options with { MemoryMiB = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Value() },
                "--name" => options with { Name = Value() },
                "--profile" => options with { Profile = true },
                "--tools" => options with { Tools = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}; see bench/run-create.sh for the options."),
            };
        }

        return options;
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Only(string[] values, params string[] allowed) =>
        values.FirstOrDefault(v => !allowed.Contains(v, StringComparer.Ordinal)) is { } bad
            ? throw new ArgumentException($"'{bad}' is not one of {string.Join(", ", allowed)}.")
            : values;
}
