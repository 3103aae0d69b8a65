using Fabric.Contracts.Hosts;
using Fabric.Grains.Hosts;
using Fabric.Grains.Storage;

namespace Fabric.Grains.Tests.Storage;

public sealed class SystemTextJsonGrainStorageSerializerTests
{
    private readonly SystemTextJsonGrainStorageSerializer _serializer = new();

    [Fact]
    public void Serialize_HostRecord_HasNoDotNetTypeNames()
    {
        var json = _serializer.Serialize(Record()).ToString();

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.Contains("\"registeredAt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"accelerator\":\"tcg\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RoundTrip_KeepsCapabilities()
    {
        var back = _serializer.Deserialize<HostRecord>(_serializer.Serialize(Record()));

        Assert.Equal("Test CPU", back.Capabilities!.CpuModel);
        Assert.Equal("local", back.Capabilities.StoragePools.Single().Name);
        Assert.True(back.Maintenance);
    }

    private static HostRecord Record() => new()
    {
        RegisteredAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
        Maintenance = true,
        Capabilities = new HostCapabilities
        {
            CpuModel = "Test CPU",
            CpuCount = 2,
            MemoryBytes = 1,
            HypervisorDriver = "qemu",
            HypervisorVersion = "7.2.22",
            HardwareVirtualization = new HardwareVirtualization(false, "tcg", "no KVM"),
            StoragePools = [new StoragePoolInfo("local", "/p", 2, 1)],
            OperatingSystem = "Debian",
            AgentVersion = "test",
        },
    };
}
