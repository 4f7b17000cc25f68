using M2MSim.Simulator.Sweeps;

namespace M2MSim.Simulator.Tests;

/// <summary>Runs, ids and seeds of a sweep, before anything runs.</summary>
public sealed class SweepBuilderTests
{
    [Fact]
    public void Every_point_gets_every_replication_with_the_same_seeds_and_readable_ids()
    {
        var (plan, runs) = SweepBuilder.Build("tiny.yaml", SweepTests.Scenario, ["seed=100"],
            [new SweepParameter("markets[0].fee", ["0", "0.05"]), new SweepParameter("devices.buyer.count", ["2", "4"])], 3, "reference", trades: false);

        Assert.Equal(4, plan.Points);
        Assert.Equal(12, plan.Runs);
        Assert.Equal(100UL, plan.Seed);
        Assert.Equal("p000-r00", runs[0].Id);
        Assert.Equal("p003-r02", runs[^1].Id);
        Assert.All(runs, r => Assert.Equal(100UL + (ulong)r.Replication, r.Seed));
        Assert.All(runs, r => Assert.Equal(r.Seed, r.Scenario.Seed));
        Assert.All(runs, r => Assert.False(r.Scenario.Output.Trades));
        Assert.Equal(["0.05", "4"], runs[9].Values);
        Assert.Equal(0.05, runs[9].Scenario.Markets[0].Fee);
        Assert.Equal(4, runs[9].Scenario.Populations[0].Count);
    }

    [Theory]
    [InlineData("devices[0].count", "1,2", "devices.buyer.count", "3,4")] // one path under two spellings: the second wins
    [InlineData("devices.buyer.count", "1,1.0", "markets[0].fee", "0")]    // one number written twice
    public void A_parameter_that_changes_nothing_is_refused(string a, string av, string b, string bv)
    {
        var e = Assert.Throws<SweepException>(() => SweepBuilder.Build("tiny.yaml", SweepTests.Scenario, [],
            [new SweepParameter(a, av.Split(',')), new SweepParameter(b, bv.Split(','))], 1, "reference", trades: true));
        Assert.Contains("give the same scenario", e.Message);
    }

    [Fact]
    public void Ids_widen_to_fit_and_a_varied_seed_starts_each_points_replications()
    {
        var (_, runs) = SweepBuilder.Build("tiny.yaml", SweepTests.Scenario, [], [new SweepParameter("seed", ["10", "20"])], 11, "reference", trades: true);

        Assert.Equal("p001-r10", runs[^1].Id);
        Assert.Equal([10UL, 20UL], runs.Where(r => r.Replication == 0).Select(r => r.Seed));
        Assert.All(runs, r => Assert.True(r.Scenario.Output.Trades));
    }

    [Fact]
    public void Every_bad_point_is_reported_once_per_error_with_its_values()
    {
        var e = Assert.Throws<SweepException>(() => SweepBuilder.Build("tiny.yaml", SweepTests.Scenario, [],
            [new SweepParameter("devices.buyer.count", ["-1", "2"]), new SweepParameter("markets[0].fee", ["0", "0.1"])], 1, "reference", trades: true));

        Assert.Contains("2 of 4 grid points", e.Message);
        Assert.Contains("(grid point 0: devices.buyer.count=-1, markets[0].fee=0)", e.Message);
        Assert.DoesNotContain("grid point 1:", e.Message);
    }
}
