using M2MSim.Simulator.Sweeps;

namespace M2MSim.Simulator.Tests;

/// <summary>--vary values, ranges and the grid they make, without running anything.</summary>
public sealed class SweepGridTests
{
    [Theory]
    [InlineData("1:3:1", new[] { "1", "2", "3" })]
    [InlineData("0:0.3:0.1", new[] { "0", "0.1", "0.2", "0.3" })]
    [InlineData("1:2:0.5", new[] { "1", "1.5", "2" })]
    [InlineData("10:35:10", new[] { "10", "20", "30" })]
    [InlineData("5:5:1", new[] { "5" })]
    [InlineData("-1:1:1", new[] { "-1", "0", "1" })]
    public void A_range_is_inclusive_and_exact(string range, string[] expected) =>
        Assert.Equal(expected, NumericRange.Expand("x", range, SweepGrid.MaxPoints));

    [Theory]
    [InlineData("1:3:0", "step")]
    [InlineData("1:3:-1", "step")]
    [InlineData("3:1:1", "empty")]
    [InlineData("1:3", "from:to:step")]
    [InlineData("a:3:1", "from:to:step")]
    [InlineData("1:100000:1", "more than 10,000")]
    [InlineData("0:70000000000000000000000000000:0.0000000000000000000000001", "more than 10,000")] // the count overflows decimal
    public void A_bad_range_is_refused_naming_the_path(string range, string problem)
    {
        var e = Assert.Throws<SweepException>(() => SweepParameter.Parse($"devices.car.count={range}", SweepGrid.MaxPoints));
        Assert.Contains("devices.car.count", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_vary_lists_values_in_order_and_ranges_may_be_mixed_in()
    {
        var p = SweepParameter.Parse("markets[0].fee= 0.02, 0:0.01:0.01 ,0.1", SweepGrid.MaxPoints);
        Assert.Equal("markets[0].fee", p.Path);
        Assert.Equal(["0.02", "0", "0.01", "0.1"], p.Values);
    }

    [Fact]
    public void Values_may_be_yaml_mappings_and_lists_as_with_set()
    {
        var p = SweepParameter.Parse("devices.buyer.strategy.deadline={uniform: [3, 6]},{uniform: [8, 16]},12", SweepGrid.MaxPoints);
        Assert.Equal(["{uniform: [3, 6]}", "{uniform: [8, 16]}", "12"], p.Values);
        var q = SweepParameter.Parse("devices.buyer.strategy={kind: boulware, beta: 0.1},conceder", SweepGrid.MaxPoints);
        Assert.Equal(["{kind: boulware, beta: 0.1}", "conceder"], q.Values);
    }

    [Theory]
    [InlineData("count", "path=v1,v2")]
    [InlineData("=1,2", "path=v1,v2")]
    [InlineData("count=1,,2", "empty value")]
    [InlineData("count=1,2,1", "given twice")]
    public void A_malformed_vary_is_refused(string text, string problem) =>
        Assert.Contains(problem, Assert.Throws<SweepException>(() => SweepParameter.Parse(text, SweepGrid.MaxPoints)).Message);

    [Fact]
    public void The_grid_is_every_combination_with_the_last_vary_changing_fastest()
    {
        var grid = SweepGrid.Expand([new SweepParameter("a", ["1", "2"]), new SweepParameter("b", ["x", "y", "z"])]);
        Assert.Equal([["1", "x"], ["1", "y"], ["1", "z"], ["2", "x"], ["2", "y"], ["2", "z"]], grid);
        Assert.Equal([[]], SweepGrid.Expand([]));
    }

    [Fact]
    public void A_grid_too_large_or_a_path_varied_twice_is_refused()
    {
        var hundred = Enumerable.Range(0, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains("more than 10,000 points", Assert.Throws<SweepException>(() =>
            SweepGrid.Expand([new SweepParameter("a", hundred), new SweepParameter("b", hundred)])).Message);
        Assert.Contains("given twice", Assert.Throws<SweepException>(() =>
            SweepGrid.Expand([new SweepParameter("a", ["1"]), new SweepParameter("a", ["2"])])).Message);
    }
}
