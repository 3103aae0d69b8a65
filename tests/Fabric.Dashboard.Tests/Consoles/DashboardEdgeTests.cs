using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;
using Fabric.Silo.Dashboard.Consoles;
using Fabric.Silo.Dashboard.Images;
using Fabric.Silo.Dashboard.Login;

namespace Fabric.Dashboard.Tests.Consoles;

public sealed class DashboardEdgeTests
{
    [Theory]
    [InlineData("/vms", "/vms")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData(null, "/")]
    public void LocalReturnUrl_OnlyPathsOnThisSite(string? returnUrl, string expected) =>
        Assert.Equal(expected, LoginPage.LocalReturnUrl(returnUrl));

    [Fact]
    public void CloseReason_LongReason_FitsTheWebSocketLimit() =>
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(ConsoleEndpoints.CloseReason(new string('x', 300))) <= 123);

    [Theory]
    [InlineData("Debian 12.iso", "debian-12.iso")]
    [InlineData("Win Server (2022).VHDX", "win-server-2022-.vhdx")]
    [InlineData("???", "image")]
    public void SuggestName_FileName_IsAValidImageName(string file, string expected)
    {
        var name = ImageUpload.SuggestName(file);
        Assert.Equal(expected, name);
        Assert.Null(ResourceNames.ValidateImageName(name));
    }

    [Fact]
    public void Outcome_NoUploadEndpoint_SaysSo() =>
        Assert.Contains("no image upload endpoint", ImageUpload.Outcome(404, "")!.Message, StringComparison.Ordinal);

    [Fact]
    public void Outcome_ProblemJson_CarriesTheDetail()
    {
        var refusal = Assert.IsType<FabricException>(ImageUpload.Outcome(409, """{"title":"Conflict","detail":"an image named 'a.iso' already exists"}"""));
        Assert.Equal(FabricErrorKind.Conflict, refusal.Kind);
        Assert.Contains("already exists", refusal.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("/api/v1/images?name=a.iso&kind=iso", ImageUpload.Url("a.iso", ImageKind.Iso));
    }
}
