using System.Net;
using System.Net.Http.Headers;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// Uploads too large for the pool's free space or for the silo's upload limit are refused with a
/// 4xx that says which limit and leave no file behind, whether the body announces its length
/// (refused before it is sent) or arrives chunked (cut off at the limit). Pool <c>small</c> is a
/// 2 MiB tmpfs the fixture mounts (as root).
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ImageUploadLimitTests(SiloProcessFixture silo)
{
    [Fact]
    public async Task Upload_LongerThanThePoolsFreeSpace_409FromTheHeadersAndNothingLeft()
    {
        var free = new DriveInfo(silo.PoolFolder).AvailableFreeSpace;

        using var response = await SendHeadersOnlyAsync("too-big-for-pool.iso", free + (1L << 30));

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.Conflict, "file");
        Assert.Contains("pool 'local' has", message, StringComparison.Ordinal);
        await AssertNothingLeftAsync("too-big-for-pool.iso");
    }

    [Fact]
    public async Task Upload_ChunkedBodyOverThePoolsFreeSpace_409AndNothingLeft()
    {
        Assert.True(silo.SmallPool.Problem is null, silo.SmallPool.Problem);
        var free = new DriveInfo(silo.SmallPool.Folder).AvailableFreeSpace;

        using var response = await SendChunkedAsync("chunked-too-big-for-pool.iso", free + (1L << 20), "&pool=small");

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.Conflict, "file");
        Assert.Contains("pool 'small' has 2 MiB free", message, StringComparison.Ordinal);
        Assert.Empty(System.IO.Directory.GetFileSystemEntries(Path.Combine(silo.SmallPool.Folder, "images")));
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.GetAsync("/api/v1/images/chunked-too-big-for-pool.iso")).StatusCode);
    }

    [Fact]
    public async Task Upload_LongerThanTheUploadLimit_400FromTheHeadersAndNothingLeft()
    {
        using var response = await SendHeadersOnlyAsync("over-limit.iso", SiloProcessFixture.MaxUploadBytes + 1);

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Contains("accepts uploads up to 4 MiB (Fabric:Images:MaxUploadBytes)", message, StringComparison.Ordinal);
        await AssertNothingLeftAsync("over-limit.iso");
    }

    [Fact]
    public async Task Upload_ChunkedBodyOverTheUploadLimit_400AndNothingLeft()
    {
        using var response = await SendChunkedAsync("chunked-over-limit.iso", SiloProcessFixture.MaxUploadBytes + (1L << 20));

        var message = await Problems.AssertFieldAsync(response, HttpStatusCode.BadRequest, "file");
        Assert.Contains("the image is more than 4 MiB but this silo accepts uploads up to 4 MiB", message, StringComparison.Ordinal);
        await AssertNothingLeftAsync("chunked-over-limit.iso");
    }

    [Fact]
    public async Task Upload_ChunkedBodyWithinTheUploadLimit_Stored()
    {
        using var response = await SendChunkedAsync("chunked-ok.iso", SiloProcessFixture.MaxUploadBytes - (1L << 20));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(SiloProcessFixture.MaxUploadBytes - (1L << 20), new FileInfo(Path.Combine(silo.ImagesFolder, "chunked-ok.iso")).Length);
    }

    /// <summary>Announces the length and waits for the silo's answer before sending any of the body, as curl does for large files.</summary>
    private async Task<HttpResponseMessage> SendHeadersOnlyAsync(string name, long length)
    {
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = silo.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/images?name={name}&kind=iso") { Content = new HeadersOnlyContent(length) };
        request.Headers.Authorization = silo.Api.DefaultRequestHeaders.Authorization;
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Sends an ISO-looking body without Content-Length, so only the silo's body limit can stop it.</summary>
    private async Task<HttpResponseMessage> SendChunkedAsync(string name, long length, string query = "")
    {
        var bytes = new byte[length];
        bytes[0x8000] = 1;
        "CD001"u8.CopyTo(bytes.AsSpan(0x8001));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/images?name={name}&kind=iso{query}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TransferEncodingChunked = true;
        return await silo.Api.SendAsync(request);
    }

    private async Task AssertNothingLeftAsync(string name)
    {
        Assert.False(File.Exists(Path.Combine(silo.ImagesFolder, name)));
        Assert.Empty(Directory.Exists(silo.ImagesFolder) ? Directory.GetFiles(silo.ImagesFolder, ".upload-*") : []);
        Assert.Equal(HttpStatusCode.NotFound, (await silo.Api.GetAsync($"/api/v1/images/{name}")).StatusCode);
    }
}
