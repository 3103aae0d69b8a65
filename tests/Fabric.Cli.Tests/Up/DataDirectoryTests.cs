using Fabric.Cli.Tests.TestSupport;
using Fabric.Cli.Up;

namespace Fabric.Cli.Tests.Up;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new();

    [Fact]
    public void Prepare_NewFolder_CreatesLogsAndRedisFolders()
    {
        var (data, error) = DataDirectory.Prepare(_temporary.Combine("new", "data"));

        Assert.Null(error);
        Assert.True(Directory.Exists(data!.Logs));
        Assert.True(Directory.Exists(data.Redis));
        Assert.Equal(_temporary.Combine("new", "data", "logs", "silo.log"), data.LogOf("silo"));
    }

    [Fact]
    public void Prepare_Unwritable_ExplainsAndNamesDataDirOption()
    {
        // Tests may run as root, which chmod does not stop; a folder below a regular file cannot exist for anyone.
        var file = _temporary.Combine("a-file");
        File.WriteAllText(file, "");

        var (data, error) = DataDirectory.Prepare(Path.Combine(file, "data"));

        Assert.Null(data);
        Assert.StartsWith($"data dir {file}/data is not writable", error);
        Assert.Contains("pass --data-dir DIR", error);
    }

    public void Dispose() => _temporary.Dispose();
}
