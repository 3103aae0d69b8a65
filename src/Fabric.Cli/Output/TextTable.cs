namespace Fabric.Cli.Output;

/// <summary>A plain-text table with left-aligned columns separated by two spaces, like kubectl's.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        // Trimmed, so lines carry no trailing spaces (the last column is not padded, and may be empty).
        writer.WriteLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
    }
}
