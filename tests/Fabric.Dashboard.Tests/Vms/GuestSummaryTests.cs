using Fabric.Contracts.Vms;
using Fabric.Silo.Dashboard.Vms;

namespace Fabric.Dashboard.Tests.Vms;

public sealed class GuestSummaryTests
{
    [Theory]
    [InlineData("Debian GNU/Linux", "12", "6.1.0-56-amd64", "Debian GNU/Linux 12, kernel 6.1.0-56-amd64")]
    [InlineData("unknown", "", "6.1.0-56-amd64", "unknown, kernel 6.1.0-56-amd64")]
    [InlineData("Windows", "11", "", "Windows 11")]
    public void Of_Report_OneLineWithoutEmptyParts(string os, string version, string kernel, string expected) =>
        Assert.Equal(expected, GuestSummary.Of(new GuestInfo(os, version, kernel, [], DateTimeOffset.UnixEpoch)));

    [Fact]
    public void Of_NoReport_SaysSo() => Assert.Equal("no guest agent report", GuestSummary.Of(null));
}
