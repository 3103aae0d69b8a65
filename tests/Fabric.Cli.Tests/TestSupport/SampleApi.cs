namespace Fabric.Cli.Tests.TestSupport;

/// <summary>API bodies as the silo sends them (camelCase, enums as strings).</summary>
internal static class SampleApi
{
    public const string Vm = """
        {"name":"web1","hardware":{"vCpus":2,"memoryMiB":1024,"profile":"Paravirtual","disks":[{"disk":"web1-disk0","bus":"Virtio"}],
         "nics":[{"id":"net0","network":"user","model":"Virtio","mac":"52:54:00:12:34:56"}],"iso":null,"bootOrder":["disk"],"serialPorts":1,"scsiControllers":0},
         "desired":"Running","observed":"Running","observedDetail":"","host":"node1","epoch":3,"haRestart":false,
         "guest":{"osName":"Debian GNU/Linux","osVersion":"12","kernelRelease":"6.1.0","ipAddresses":["10.0.2.15"],"reportedAt":"2026-11-26T11:59:00Z"},
         "createdAt":"2026-11-26T11:00:00Z","events":[{"at":"2026-11-26T11:00:01Z","message":"created"},{"at":"2026-11-26T11:00:05Z","message":"started on node1"}]}
        """;

    public const string Disk = """
        {"name":"d1","pool":"local","format":"qcow2","path":"disks/d1.qcow2","virtualSizeBytes":4294967296,"allocatedBytes":196608,
         "attachedTo":null,"snapshots":["before-upgrade"],"backingDisk":null,"createdAt":"2026-11-26T11:00:00Z"}
        """;

    public const string AttachedDisk = """
        {"name":"d2","pool":"local","format":"qcow2","path":"disks/d2.qcow2","virtualSizeBytes":2147483648,"allocatedBytes":196608,
         "attachedTo":"web1","snapshots":[],"createdAt":"2026-11-26T11:00:00Z"}
        """;

    public const string Image = """
        {"name":"debian.iso","kind":"Iso","pool":"local","path":"images/debian.iso","format":"raw","sizeBytes":4194304,"addedAt":"2026-11-26T11:00:00Z","usedBy":[]}
        """;

    public static string Operation(string state, int progress = 0, string message = "") => $$"""
        {"id":"op1","kind":"vm.start","target":"vm/web1","state":"{{state}}","progress":{{progress}},"message":"{{message}}","startedAt":"2026-11-26T11:00:00Z","events":[]}
        """;

    public static string Problem(int status, params (string Field, string Message)[] errors) =>
        $$"""{"title":"The request is invalid","status":{{status}},"detail":"x","errors":[{{string.Join(",", errors.Select(e => $$"""{"field":"{{e.Field}}","message":"{{e.Message}}"}"""))}}]}""";

    public static CannedApiServer Serve(params (string Route, CannedResponse Response)[] routes) =>
        new(routes.ToDictionary(r => r.Route, r => r.Response));
}
