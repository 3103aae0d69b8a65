using System.Text.Json;

namespace Fabric.Hypervisor.Tests.Qemu.Qmp;

/// <summary>A request the fake server received; <paramref name="Id"/> is the raw JSON id to echo.</summary>
public sealed record FakeQmpRequest(string Command, string Id, JsonElement Raw)
{
    public string Reply(string returnJson) => $$"""{"return": {{returnJson}}, "id": {{Id}}}""";

    public string Error(string errorClass, string description) =>
        $$"""{"error": {"class": "{{errorClass}}", "desc": "{{description}}"}, "id": {{Id}}}""";
}
