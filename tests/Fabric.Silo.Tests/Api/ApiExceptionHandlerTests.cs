using Fabric.Silo.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fabric.Silo.Tests.Api;

public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public async Task TryHandle_ConcurrentWriteLost_Is409SayingToReadAgainAndRetry()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        var handled = await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance)
            .TryHandleAsync(context, new Orleans.Storage.InconsistentStateException("etag mismatch", "1", "2"), CancellationToken.None);

        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        Assert.Contains("\"field\":\"state\"", body, StringComparison.Ordinal);
        Assert.Contains("read it again and retry", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandle_SomethingUnexpected_IsLeftToTheDefaultHandler()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

        Assert.False(await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance)
            .TryHandleAsync(context, new InvalidOperationException("bug"), CancellationToken.None));
    }
}
