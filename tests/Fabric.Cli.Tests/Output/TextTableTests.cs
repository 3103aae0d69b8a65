using Fabric.Cli.Output;

namespace Fabric.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void WriteTo_Rows_ColumnsAlignedNoTrailingSpaces()
    {
        var table = new TextTable("NAME", "STATE", "NOTE");
        table.AddRow("a-long-name", "Ready", "x");
        table.AddRow("b", "Unreachable", "");
        using var output = new StringWriter();

        table.WriteTo(output);

        Assert.Equal(
            "NAME         STATE        NOTE\n" +
            "a-long-name  Ready        x\n" +
            "b            Unreachable\n",
            output.ToString());
    }

    [Fact]
    public void AddRow_WrongCellCount_Throws()
    {
        var table = new TextTable("A", "B");

        Assert.Throws<ArgumentException>(() => table.AddRow("only one"));
    }
}
