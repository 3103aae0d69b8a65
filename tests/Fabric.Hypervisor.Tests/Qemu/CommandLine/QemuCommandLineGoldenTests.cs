using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fabric.Hypervisor.Qemu.CommandLine;
using Fabric.Hypervisor.Qemu.Lifecycle;

namespace Fabric.Hypervisor.Tests.Qemu.CommandLine;

/// <summary>
/// Spec in, argv out, compared with <c>golden/*.argv</c> (one argument per line), Proxmox
/// cfg2cmd style. Set FABRIC_UPDATE_GOLDEN=1 to rewrite the .argv files after a deliberate change.
/// </summary>
public sealed class QemuCommandLineGoldenTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenDirectory(), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_GoldenSpec_MatchesGoldenArgv(string name)
    {
        var golden = JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(Path.Combine(GoldenDirectory(), name + ".json")), Json)!;
        var argv = QemuCommandLineBuilder.Build(golden.Spec, new VmRuntimePaths(golden.RuntimeRoot, golden.Spec.VmId), golden.Accelerator);
        var actual = string.Join('\n', argv) + "\n";

        var argvFile = Path.Combine(GoldenDirectory(), name + ".argv");
        if (Environment.GetEnvironmentVariable("FABRIC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(argvFile, actual);
        }

        Assert.True(File.Exists(argvFile), $"{argvFile} is missing; run with FABRIC_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(argvFile), actual);
    }

    [Fact]
    public void Cases_CoverBothDeviceProfiles()
    {
        var profiles = Directory.GetFiles(GoldenDirectory(), "*.json")
            .Select(f => JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(f), Json)!.Spec.Profile)
            .ToHashSet();
        Assert.Equal([DeviceProfile.Paravirtual, DeviceProfile.Emulated], profiles.Order());
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "golden");
}
