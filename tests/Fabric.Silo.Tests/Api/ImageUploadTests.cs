using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fabric.Contracts.Images;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// Uploads into the fake host's pool (a temporary folder this silo sees): the file lands under
/// <c>images/</c> only when complete and checked, and a refused upload leaves no file behind.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ImageUploadTests(SiloProcessFixture silo)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Upload_Iso_StoresFileRegistersAndLists()
    {
        var content = IsoBytes(64 * 1024);

        using var response = await UploadAsync("upload-ok.iso", content, "kind=iso");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/images/upload-ok.iso", response.Headers.Location?.OriginalString);
        var image = (await response.Content.ReadFromJsonAsync<ImageInfo>(Json))!;
        Assert.Equal((ImageKind.Iso, "local", "images/upload-ok.iso", "raw", content.LongLength), (image.Kind, image.Pool, image.Path, image.Format, image.SizeBytes));
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(silo.PoolFolder, "images", "upload-ok.iso")));
        var listed = await silo.Api.GetFromJsonAsync<List<ImageInfo>>("/api/v1/images", Json);
        Assert.Contains(listed!, i => i.Name == "upload-ok.iso");
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task Upload_NotAnIso_400FileAndNothingLeft()
    {
        using var response = await UploadAsync("fake.iso", new byte[64 * 1024], "kind=iso");

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Contains("CD001", message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(silo.ImagesFolder, "fake.iso")));
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.GetAsync("/api/v1/images/fake.iso")).StatusCode);
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task Upload_TooShortForAnIso_400File()
    {
        using var response = await UploadAsync("short.iso", "CD001"u8.ToArray(), "kind=iso");

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "file");
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task Upload_DuplicateName_409BeforeWritingAndFirstFileKept()
    {
        var first = IsoBytes(40 * 1024);
        using (var created = await UploadAsync("dup.iso", first, "kind=iso"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await UploadAsync("dup.iso", IsoBytes(50 * 1024), "kind=iso");

        await Problems.AssertFieldAsync(response, HttpStatusCode.Conflict, "name");
        Assert.Equal(first, await File.ReadAllBytesAsync(Path.Combine(silo.ImagesFolder, "dup.iso")));
        AssertNoPartialFiles();
    }

    [Theory]
    [InlineData("disk-a.qcow2", "", "qcow2", "images/disk-a.qcow2")]
    [InlineData("disk-b.vhdx", "", "vhdx", "images/disk-b.vhdx")]
    [InlineData("disk-c.vhd", "", "vpc", "images/disk-c.vhd")]
    [InlineData("disk-d", "&format=raw", "raw", "images/disk-d.img")]
    public async Task Upload_DiskImage_FormatFromExtensionOrQuery(string name, string query, string format, string path)
    {
        using var response = await UploadAsync(name, new byte[4096], "kind=disk" + query);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var image = (await response.Content.ReadFromJsonAsync<ImageInfo>(Json))!;
        Assert.Equal((ImageKind.Disk, format, path), (image.Kind, image.Format, image.Path));
        Assert.True(File.Exists(Path.Combine(silo.PoolFolder, path)));
    }

    [Theory]
    [InlineData("name=disk.vmdk&kind=disk", "format")]
    [InlineData("name=disk.qcow2&kind=disk&format=vmdk", "format")]
    [InlineData("name=x.iso&kind=floppy", "kind")]
    [InlineData("name=..%2F..%2Fetc%2Fcron.d%2Fx&kind=disk&format=raw", "name")]
    [InlineData("name=%2Fetc%2Fpasswd&kind=disk&format=raw", "name")]
    [InlineData("name=&kind=iso", "name")]
    [InlineData("kind=iso", "name")]
    [InlineData("name=ok.iso&kind=iso&pool=..", "pool")]
    public async Task Upload_BadQuery_400NamingTheField(string query, string field)
    {
        using var response = await PostAsync(query, IsoBytes(40 * 1024));

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, field);
        AssertNoPartialFiles();
    }

    [Fact]
    public async Task Upload_EmptyBody_400File()
    {
        using var response = await UploadAsync("empty.qcow2", [], "kind=disk");

        await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.False(File.Exists(Path.Combine(silo.ImagesFolder, "empty.qcow2")));
    }

    [Fact]
    public async Task Upload_UnknownPool_404Pool()
    {
        using var response = await UploadAsync("nowhere.iso", IsoBytes(40 * 1024), "kind=iso&pool=nowhere");

        await Problems.AssertFieldAsync(response, HttpStatusCode.NotFound, "pool");
    }

    [Fact]
    public async Task Upload_PoolFolderNotVisibleHere_503SayingSo()
    {
        using var response = await UploadAsync("ghost-pool.iso", IsoBytes(40 * 1024), "kind=iso&pool=ghost");

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.ServiceUnavailable, "pool");
        Assert.Contains("cannot see pool 'ghost'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesEntryAndFile()
    {
        using (var created = await UploadAsync("to-delete.iso", IsoBytes(40 * 1024), "kind=iso"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await silo.Api.DeleteAsync("/api/v1/images/to-delete.iso");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(silo.ImagesFolder, "to-delete.iso")));
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.GetAsync("/api/v1/images/to-delete.iso")).StatusCode);
    }

    private Task<HttpResponseMessage> UploadAsync(string name, byte[] content, string query) =>
        PostAsync($"name={Uri.EscapeDataString(name)}&{query}", content);

    private async Task<HttpResponseMessage> PostAsync(string query, byte[] content)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await silo.Api.PostAsync($"/api/v1/images?{query}", body);
    }

    /// <summary>Zeros with the ISO 9660 signature where a real ISO has it.</summary>
    private static byte[] IsoBytes(int length)
    {
        var bytes = new byte[length];
        bytes[0x8000] = 1;
        "CD001"u8.CopyTo(bytes.AsSpan(0x8001));
        return bytes;
    }

    private void AssertNoPartialFiles()
    {
        var partial = Directory.Exists(silo.ImagesFolder) ? Directory.GetFiles(silo.ImagesFolder, ".upload-*") : [];
        Assert.Empty(partial);
    }
}
