using Fabric.HostAgent.Probing;

namespace Fabric.HostAgent.Tests.Probing;

public sealed class HostFactsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fabric-hostfacts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void CpuModel_FromCpuInfo_FirstModelName()
    {
        var path = Write("cpuinfo", "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n");
        Assert.Equal("AMD EPYC 7B13", HostFacts.CpuModel(path));
    }

    [Fact]
    public void MemoryBytes_FromMemInfo_KibToBytes()
    {
        var path = Write("meminfo", "MemTotal:       24610432 kB\nMemFree:        1 kB\n");
        Assert.Equal(24610432L * 1024, HostFacts.MemoryBytes(path));
    }

    [Fact]
    public void OperatingSystem_FromOsRelease_PrettyNameUnquoted()
    {
        var path = Write("os-release", "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", HostFacts.OperatingSystem(path));
    }

    [Fact]
    public void CpuModel_MissingFile_IsUnknown()
    {
        Assert.Equal("unknown", HostFacts.CpuModel(Path.Combine(_dir, "missing")));
    }
}
