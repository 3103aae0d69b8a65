namespace Fabric.Cli.Tests.Hosts;

/// <summary>Hosts as the silo's REST API serializes them (camelCase, enums as strings).</summary>
internal static class SampleHosts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public const string Node1 = """
        {
          "name": "node1",
          "state": "Ready",
          "capabilities": {
            "cpuModel": "AMD EPYC 7763",
            "cpuCount": 2,
            "memoryBytes": 25018527744,
            "hypervisorDriver": "qemu",
            "hypervisorVersion": "7.2.19",
            "hardwareVirtualization": {
              "available": false,
              "accelerator": "tcg",
              "reason": "a KVM guest made no progress within 10 s (nested kvm-pvm); VMs run under TCG, slowly"
            },
            "storagePools": [ { "name": "local", "path": "/var/lib/fabric/pools/local", "totalBytes": 107374182400, "freeBytes": 53687091200 } ],
            "operatingSystem": "Debian GNU/Linux 12 (bookworm)",
            "agentVersion": "0.1.0\u002Bd5b8f36"
          },
          "lastHeartbeat": "2026-11-26T11:59:56+00:00",
          "lease": { "holder": "5f0c2a", "renewedAt": "2026-11-26T11:59:59.6+00:00", "expiresAt": "2026-11-26T12:00:02.6+00:00", "generation": 3 },
          "registeredAt": "2026-11-26T11:00:00+00:00",
          "stateReason": "",
          "runningVmIds": [],
          "futureField": "kept by --json"
        }
        """;

    public const string Rack2 = """
        {
          "name": "rack2-host7",
          "state": "Unreachable",
          "capabilities": {
            "cpuModel": "Intel Xeon",
            "cpuCount": 64,
            "memoryBytes": 549755813888,
            "hypervisorDriver": "qemu",
            "hypervisorVersion": "7.2.19",
            "hardwareVirtualization": { "available": true, "accelerator": "kvm", "reason": "KVM guest ran" },
            "storagePools": [],
            "operatingSystem": "Debian GNU/Linux 12 (bookworm)",
            "agentVersion": "0.1.0"
          },
          "lastHeartbeat": "2026-11-26T11:57:00+00:00",
          "lease": { "holder": "77aa01", "renewedAt": "2026-11-26T11:57:00+00:00", "expiresAt": "2026-11-26T11:57:03+00:00", "generation": 1 },
          "registeredAt": "2026-11-20T08:00:00+00:00",
          "stateReason": "no heartbeat for 180 s",
          "runningVmIds": []
        }
        """;

    public const string Joining = """
        { "name": "fresh", "state": "Joining", "registeredAt": "2026-11-26T11:59:59+00:00" }
        """;

    public static string List(params string[] hosts) => "[" + string.Join(",", hosts) + "]";
}
