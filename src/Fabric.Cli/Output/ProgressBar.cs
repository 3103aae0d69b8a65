using System.Globalization;

namespace Fabric.Cli.Output;

/// <summary>
/// Progress of something long: on a terminal one line redrawn in place (<c>\r</c>); otherwise, for
/// logs and pipes, a plain line each time the percentage or message changes.
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool terminal)
{
    private const int Width = 30;
    private string? _last;
    private int _drawnLength;

    public void Report(int percent, string message)
    {
        percent = Math.Clamp(percent, 0, 100);
        var line = terminal
            ? $"[{new string('#', percent * Width / 100).PadRight(Width, '.')}] {percent,3}% {message}"
            : $"{percent.ToString(CultureInfo.InvariantCulture)}% {message}";
        if (line == _last)
        {
            return;
        }

        _last = line;
        if (terminal)
        {
            // Pad over the end of a longer previous line; no newline until Finish.
            output.Write("\r" + line.PadRight(_drawnLength));
            _drawnLength = line.Length;
        }
        else
        {
            output.WriteLine(line);
        }

        output.Flush();
    }

    /// <summary>Ends the redrawn line, so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        if (terminal && _drawnLength > 0)
        {
            output.WriteLine();
            _drawnLength = 0;
        }
    }
}
