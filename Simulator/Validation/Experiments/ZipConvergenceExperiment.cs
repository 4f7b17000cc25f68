namespace M2MSim.Simulator.Validation.Experiments;

/// <summary>
/// ZIP traders learn: trade prices converge on the competitive equilibrium over a few trading
/// periods (Smith's α falls, far below ZI-C's), efficiency is near 100 %, and prices follow a shift
/// of the demand schedule.
/// </summary>
public sealed class ZipConvergenceExperiment : IExperiment
{
    /// <summary>The period from which the scenario's demand schedule is shifted (see zip.yaml).</summary>
    public const int ShiftPeriod = 6;

    public string Name => "zip-convergence";

    public string Source => "Cliff (1997), HP Labs HPL-97-91, ZIP traders in a CDA with a schedule shift";

    public string Notes =>
        "Cliff's traders learn after every shout of a continuous market. Here every trader quotes once per tick, the market " +
        "processes a tick's quotes in seeded random order (clearing quotes after each deal), and a ZIP trader learns from the " +
        "previous tick's tape, shout by shout, before it quotes again. One unit per trader and period; 11 buyers and 11 sellers " +
        "with values and costs 75, 100, …, 325 (P0 = 200, Q0 = 6); from period 6 every value rises by 50 (P0 = 225, Q0 = 7).";

    public IReadOnlyList<ExperimentRun> Runs { get; } =
    [
        new("zip", "zip.yaml", 10),
        new("zi-c", "zip.yaml", 10, [.. Enumerable.Range(0, 11).SelectMany(i => new[] { $"devices.b{i}.strategy=zi-c", $"devices.s{i}.strategy=zi-c" })]),
    ];

    public IReadOnlyList<ValidationCheck> Evaluate(IReadOnlyDictionary<string, IReadOnlyList<string>> folders)
    {
        var zip = Replicates.Of(folders["zip"]);
        var ziC = Replicates.Of(folders["zi-c"]);
        var lastBefore = ShiftPeriod - 1;
        var last = zip.Periods - 1;
        double first = zip.MeanAlpha(0), settled = zip.MeanAlpha(lastBefore), ziCSettled = ziC.MeanAlpha(lastBefore), shifted = zip.MeanAlpha(last);
        var efficiency = zip.MeanEfficiency();
        var shiftedPrice = zip.MeanPrice(last);
        return
        [
            new(Name, $"ZIP Smith's α, period {lastBefore} over period 0", "falls across periods", settled / first, "< 0.5", settled / first < 0.5),
            new(Name, $"ZIP α over ZI-C α, period {lastBefore}", "far below ZI-C", settled / ziCSettled, "< 0.5", settled / ziCSettled < 0.5),
            new(Name, "ZIP allocative efficiency", "near 1.0", efficiency, "≥ 0.98", efficiency >= 0.98),
            new(Name, $"ZIP mean price after the shift, period {last}", "tracks the new P0 = 225 (old 200)", shiftedPrice, "≥ 220 (closer to 225 than to 200)", shiftedPrice >= 220),
            new(Name, $"ZIP Smith's α after the shift, period {last}", "small again", shifted, "< 5", shifted < 5),
        ];
    }
}
