using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios.Equilibrium;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Scenarios.Equilibrium;

public sealed class CompetitiveEquilibriumTests
{
    private const long U = 1_000_000; // one money unit in micro-units

    private static SupplyDemandPoint? Solve(long[] values, long[] costs) =>
        CompetitiveEquilibrium.Solve(values.Select(v => (v * U, 1L)), costs.Select(c => (c * U, 1L)));

    [Fact]
    public void Textbook_schedules_cross_between_the_marginal_units()
    {
        // Pairs (200, 50), (180, 70), (150, 95) trade; (120, 130) does not: Q0 = 3. Prices in
        // [max(95, 120), min(150, 130)] = [120, 130] clear the market; P0 = 125.
        // Max surplus = 150 + 110 + 55 = 315.
        Assert.Equal(new SupplyDemandPoint(125 * U, 3, 315 * U), Solve([90, 200, 120, 180, 150], [160, 50, 130, 70, 95]));
    }

    [Fact]
    public void A_range_of_clearing_prices_gives_its_midpoint()
    {
        // (10, 1), (9, 2) trade; (3, 8) does not. Clearing range [max(2, 3), min(9, 8)] = [3, 8]: P0 = 5.5.
        Assert.Equal(new SupplyDemandPoint(5_500_000, 2, 16 * U), Solve([10, 9, 3], [1, 2, 8]));
    }

    [Fact]
    public void The_marginal_pair_at_equal_value_and_cost_trades_and_fixes_the_price()
    {
        // (10, 2), (8, 4), (6, 6): value ≥ cost, so Q0 = 3; no 4th value: [max(6, —), min(6, 9)] = [6, 6].
        Assert.Equal(new SupplyDemandPoint(6 * U, 3, 12 * U), Solve([10, 8, 6], [2, 4, 6, 9]));
    }

    [Fact]
    public void Missing_bounds_are_dropped()
    {
        // Excess demand: (10, 1) trades, no 2nd cost: [max(1, 9), min(10, —)] = [9, 10].
        Assert.Equal(new SupplyDemandPoint(9_500_000, 1, 9 * U), Solve([10, 9], [1]));
        // No unit trades: [max(—, 5), min(—, 10)] = [5, 10].
        Assert.Equal(new SupplyDemandPoint(7_500_000, 0, 0), Solve([5], [10]));
    }

    [Fact]
    public void Counts_multiply_units_and_a_flat_step_can_hold_the_price()
    {
        // Three buyers value a unit at 100; two sellers at cost 40, one at 120. Q0 = 2; the third
        // buyer's 100 is the next value: [max(40, 100), min(100, 120)] = [100, 100].
        var point = CompetitiveEquilibrium.Solve([(100 * U, 3)], [(40 * U, 2), (120 * U, 1)]);
        Assert.Equal(new SupplyDemandPoint(100 * U, 2, 120 * U), point);
    }

    [Fact]
    public void Rounds_a_half_micro_unit_midpoint_to_even() =>
        Assert.Equal(2, CompetitiveEquilibrium.Solve([(4, 1)], [(1, 1), (5, 1)])!.Value.P0); // [max(1, —), min(4, 5)] = [1, 4] micro-units: 2.5 → 2

    [Fact]
    public void No_values_or_no_costs_means_no_equilibrium()
    {
        Assert.Null(Solve([10], []));
        Assert.Null(Solve([], [10]));
    }

    [Fact]
    public void A_scenario_gets_one_equilibrium_per_resource_and_schedule_regime()
    {
        var scenario = ScenarioLoader.Parse("""
            name: shift
            ticks: 40
            periods:
              length: 10
              shifts:
                - {period: 2, population: buyers, buys: {data: [250, 240]}}
                - {period: 9, population: sellers, sells: {data: [1, 1]}}
            markets: [{resource: data, price_range: [1, 300]}]
            devices:
              - {type: buyers, count: 2, strategy: zi-c, wallet: 1000, buys: {data: [200, 100]}}
              - {type: sellers, count: 1, strategy: zi-c, sells: {data: [50, 150, 210]}}
              - {type: producer, count: 3, strategy: zi-c, produces: {data: 1}, costs: {data: 1}}
            """, "shift.yaml");

        var equilibria = CompetitiveEquilibrium.Of(scenario);

        // Periods 0-1: values 200, 200, 100, 100; costs 50, 150, 210. (200, 50), (200, 150) trade,
        // (100, 210) not: [max(150, 100), min(200, 210)] = [150, 200], P0 = 175, surplus 150 + 50.
        // Periods 2-3: values 250, 250, 240, 240: (250, 50), (250, 150), (240, 210): [max(210, 240), 240].
        // The shift in period 9 is after the run (4 periods) and the producers have no schedules.
        Assert.Equal<MarketEquilibrium>(
        [
            new MarketEquilibrium(Resource.Data, 0, 1, new SupplyDemandPoint(175 * U, 2, 200 * U)),
            new MarketEquilibrium(Resource.Data, 2, 3, new SupplyDemandPoint(240 * U, 3, (200 + 100 + 30) * U)),
        ], equilibria);
    }

    [Fact]
    public void A_scenario_without_schedules_has_none()
    {
        var scenario = ScenarioLoader.Parse("""
            name: none
            ticks: 4
            markets: [{resource: data, price_range: [1, 300]}]
            devices: [{type: p, count: 3, strategy: zi-c, produces: {data: 1}, costs: {data: 1}}]
            """, "none.yaml");
        Assert.Empty(CompetitiveEquilibrium.Of(scenario));
    }
}
