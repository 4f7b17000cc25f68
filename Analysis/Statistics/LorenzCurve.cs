namespace M2MSim.Analysis.Statistics;

/// <summary>
/// The Lorenz curve of non-negative amounts: after sorting ascending, the share of the total held by
/// the poorest k of n, for k = 0 … n. Starts at (0, 0) and ends at (1, 1).
/// </summary>
public sealed record LorenzCurve(double[] PopulationShare, double[] WealthShare)
{
    public static LorenzCurve Of(IEnumerable<decimal> amounts)
    {
        var sorted = amounts.Order().ToArray();
        var n = sorted.Length;
        var total = sorted.Sum();
        var population = new double[n + 1];
        var wealth = new double[n + 1];
        decimal running = 0;
        for (var k = 1; k <= n; k++)
        {
            running += sorted[k - 1];
            population[k] = (double)k / n;
            wealth[k] = total == 0 ? (double)k / n : (double)(running / total);
        }
        return new LorenzCurve(population, wealth);
    }
}
