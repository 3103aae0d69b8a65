namespace Fabric.Chaos.Bench;

/// <summary>Nearest-rank percentiles: with few samples, P99 is the worst one, never an interpolation below it.</summary>
public static class Percentiles
{
    public static double? Of(IEnumerable<double> samples, double percent)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 2);
    }
}
