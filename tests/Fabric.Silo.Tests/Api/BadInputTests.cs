using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Fabric.Silo.Tests.Api;

/// <summary>Bad input at the REST edge: every case is a 4xx problem naming the field, and nothing is created.</summary>
[Collection(SiloProcessCollection.Name)]
public sealed class BadInputTests(SiloProcessFixture silo)
{
    public static TheoryData<string> BadLabels => new()
    {
        "Upper",
        "-leading",
        "trailing-",
        "under_score",
        "dot.ted",
        new string('a', 64),
        "a%2Fb",
        "%2Fetc%2Fpasswd",
        "..%2F..%2Fetc",
        "sp%20ace",
    };

    [Theory]
    [MemberData(nameof(BadLabels))]
    public async Task GetVm_BadName_400Name(string name)
    {
        using var response = await silo.Api.GetAsync($"/api/v1/vms/{name}");

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [MemberData(nameof(BadLabels))]
    public async Task DeleteDisk_BadName_400Name(string name)
    {
        using var response = await silo.Api.DeleteAsync($"/api/v1/disks/{name}");

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"web1","vCpus":0}""", "vCpus")]
    [InlineData("""{"name":"web1","vCpus":-1}""", "vCpus")]
    [InlineData("""{"name":"web1","vCpus":100000}""", "vCpus")]
    [InlineData("""{"name":"web1","memoryMiB":0}""", "memoryMiB")]
    [InlineData("""{"name":"web1","memoryMiB":2147483647}""", "memoryMiB")]
    [InlineData("""{"name":"web1","disks":[{"sizeBytes":0}]}""", "disks[0].sizeBytes")]
    [InlineData("""{"name":"web1","disks":[{"sizeBytes":-1}]}""", "disks[0].sizeBytes")]
    [InlineData("""{"name":"web1","disks":[{"sizeBytes":9223372036854775807}]}""", "disks[0].sizeBytes")]
    [InlineData("""{"name":"web1","disks":[{"import":"../../etc/passwd"}]}""", "disks[0].import")]
    [InlineData("""{"name":"web1","disks":[{"existing":"/var/lib/x"}]}""", "disks[0].existing")]
    [InlineData("""{"name":"web1","iso":"/etc/shadow"}""", "iso")]
    [InlineData("""{"name":"web1","iso":"../x.iso"}""", "iso")]
    [InlineData("""{"name":"web1","nics":[{"network":"br0,script=/tmp/x"}]}""", "nics[0].network")]
    [InlineData("""{"name":"web1","serialPorts":9}""", "serialPorts")]
    [InlineData("""{"name":"web1","profile":"bogus"}""", "profile")]
    [InlineData("""{"name":"web1","vCpus":"two"}""", "vCpus")]
    [InlineData("""{"name":"web1","disks":null}""", "disks")]
    [InlineData("""{"name":"web1","disks":[null]}""", "disks[0]")]
    [InlineData("""{"name":"web1","nics":[null]}""", "nics[0]")]
    [InlineData("""{"name":"web1","bootOrder":[null]}""", "bootOrder[0]")]
    [InlineData("""{"name":"web1","profile":7}""", "profile")]
    [InlineData("""{"name":"web1","restart":9}""", "restart")]
    [InlineData("""{"name":"web1","disks":[{"sizeBytes":1048576,"bus":9}]}""", "disks[0].bus")]
    [InlineData("""{"name":"web1","nics":[{"model":9}]}""", "nics[0].model")]
    [InlineData("""{"name":"web1",""", "body")]
    [InlineData("""not json""", "body")]
    public async Task CreateVm_BadRequest_400NamingTheField(string json, string field)
    {
        using var response = await silo.Api.PostAsync("/api/v1/vms", new StringContent(json, Encoding.UTF8, "application/json"));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task CreateVm_UnknownIso_4xxNamingIso()
    {
        using var response = await silo.Api.PostAsJsonAsync("/api/v1/vms", new { name = "needs-iso", iso = "no-such.iso" });

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "iso");
        Assert.Contains("no-such.iso", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.GetAsync("/api/v1/vms/needs-iso")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"d1","sizeBytes":0}""", "sizeBytes")]
    [InlineData("""{"name":"d1","sizeBytes":-5}""", "sizeBytes")]
    [InlineData("""{"name":"d1","sizeBytes":1099511627776000}""", "sizeBytes")]
    [InlineData("""{"name":"d1"}""", "source")]
    [InlineData("""{"name":"d1","sizeBytes":1048576,"cloneOf":"d0"}""", "source")]
    [InlineData("""{"name":"d1","sizeBytes":1048576,"format":"vmdk"}""", "format")]
    [InlineData("""{"name":"d1","sizeBytes":1048576,"pool":"../pools"}""", "pool")]
    [InlineData("""{"name":"../d1","sizeBytes":1048576}""", "name")]
    [InlineData("""{"name":"d1","fromImage":"/etc/passwd"}""", "fromImage")]
    public async Task CreateDisk_BadRequest_400NamingTheField(string json, string field)
    {
        using var response = await silo.Api.PostAsync("/api/v1/disks", new StringContent(json, Encoding.UTF8, "application/json"));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"size":"lots"}""", "size")]
    [InlineData("""{"size":"-1G"}""", "size")]
    [InlineData("""{"size":"0"}""", "size")]
    [InlineData("""{"sizeBytes":0}""", "sizeBytes")]
    [InlineData("""{"sizeBytes":-1}""", "sizeBytes")]
    [InlineData("""{"size":"100P"}""", "size")]
    [InlineData("""{"size":"100000000000000P"}""", "size")]
    [InlineData("""{"size":"79228162514264337593543950335K"}""", "size")]
    [InlineData("""{}""", "sizeBytes")]
    [InlineData("""{"size":"1G","sizeBytes":1073741824}""", "size")]
    public async Task GrowDisk_BadSize_400NamingTheField(string json, string field)
    {
        using var response = await silo.Api.PostAsync("/api/v1/disks/some-disk/grow", new StringContent(json, Encoding.UTF8, "application/json"));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/v1/disks/d1/convert", """{"format":"vmdk"}""", "format")]
    [InlineData("/api/v1/disks/d1/convert", """{}""", "format")]
    [InlineData("/api/v1/disks/d1/export", """{"image":"../../x"}""", "image")]
    [InlineData("/api/v1/disks/d1/snapshots", """{"name":"Bad Snap"}""", "name")]
    [InlineData("/api/v1/disks/d1/snapshots/..%2Fx/revert", "", "snapshot")]
    [InlineData("/api/v1/vms/vm1/disks", """{"disk":"../x"}""", "disk")]
    [InlineData("/api/v1/vms/vm1/exec", """{"command":[]}""", "command")]
    [InlineData("/api/v1/vms/vm1/exec", """{"command":null}""", "command")]
    [InlineData("/api/v1/vms/vm1/exec", """{"command":["/bin/echo",null]}""", "command[1]")]
    [InlineData("/api/v1/vms/vm1/exec", """{"command":["/bin/echo","a\u0000b"]}""", "command")]
    [InlineData("/api/v1/vms/vm1/disks", """{"disk":"d1","bus":9}""", "bus")]
    [InlineData("/api/v1/vms/vm1/exec", """{"command":["true"],"timeoutSeconds":0}""", "timeoutSeconds")]
    [InlineData("/api/v1/vms/vm1/shutdown", """{"timeoutSeconds":-1}""", "timeoutSeconds")]
    public async Task Post_BadBody_400NamingTheField(string path, string json, string field)
    {
        using var response = await silo.Api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/v1/hosts/node1/maintenance", """{}""", "enabled")]
    [InlineData("/api/v1/hosts/node1/maintenance", """{"enabled":"yes"}""", "enabled")]
    [InlineData("/api/v1/hosts/Bad%20Host/maintenance", """{"enabled":true}""", "name")]
    public async Task PutMaintenance_BadRequest_400NamingTheField(string path, string json, string field)
    {
        using var response = await silo.Api.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"vCpus":0}""", "vCpus")]
    [InlineData("""{"memoryMiB":-1}""", "memoryMiB")]
    [InlineData("""{"removeNic":"eth0;rm"}""", "removeNic")]
    [InlineData("""{"insertIso":"../../x.iso"}""", "insertIso")]
    [InlineData("""{"addNic":{"network":"has space"}}""", "addNic.network")]
    [InlineData("""{"addNic":{"model":9}}""", "addNic.model")]
    public async Task PatchHardware_BadChange_400NamingTheField(string json, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/vms/vm1/hardware") { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        using var response = await silo.Api.SendAsync(request);

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("..%2Fsecret")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData(".hidden")]
    public async Task GetImage_BadName_400Name(string name)
    {
        using var response = await silo.Api.GetAsync($"/api/v1/images/{name}");

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "name");
    }

    [Theory]
    [InlineData("abc%2F..")]
    [InlineData("x;y")]
    public async Task GetOperation_BadId_400Id(string id)
    {
        using var response = await silo.Api.GetAsync($"/api/v1/operations/{id}");

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "id");
    }

    [Theory]
    [InlineData("GET", "/api/v1/vms?limit=abc", "limit", "'abc' is not a whole number")]
    [InlineData("GET", "/api/v1/vms?limit=99999999999999999999", "limit", "'99999999999999999999' is not a whole number")]
    [InlineData("DELETE", "/api/v1/vms/vm1?deleteDisks=maybe", "deleteDisks", "'maybe' is not true or false")]
    public async Task QueryParameter_WrongType_400NamingIt(string method, string path, string field, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await silo.Api.SendAsync(request);

        Assert.Equal(expected, await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public async Task CreateVm_NoObject_400BodySayingToSendOne(string json)
    {
        using var response = await silo.Api.PostAsync("/api/v1/vms", new StringContent(json, Encoding.UTF8, "application/json"));

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains("send one as application/json", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PowerAction_Unknown_404NamingTheActions()
    {
        using var response = await silo.Api.PostAsync("/api/v1/vms/vm1/explode", null);

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.NotFound, "action");
        Assert.Contains("start, shutdown", message, StringComparison.Ordinal);
    }
}
