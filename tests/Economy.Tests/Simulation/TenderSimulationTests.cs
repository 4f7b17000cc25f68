using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Simulation;

/// <summary>Devices and tenders together: jobs held for several ticks, paid on completion, nothing committed twice.</summary>
public sealed class TenderSimulationTests
{
    private const long Unit = 1_000_000;

    [Fact]
    public void A_job_keeps_its_money_in_escrow_until_it_completes_and_its_buyer_posts_no_other_meanwhile()
    {
        var scenario = ScenarioLoader.Parse("""
            name: jobs
            ticks: 6
            markets:
              - {resource: compute, mechanism: tender, award: second, duration: 3, price_range: [1, 100]}
            devices:
              - {type: buyer, count: 1, strategy: truthful, wallet: 100, consumes: {compute: 2}, values: {compute: 10}}
              - {type: provider, count: 2, strategy: truthful, produces: {compute: 5}, costs: {compute: {uniform: [1, 4]}}}
            """, "jobs.yaml");
        var run = SimulationRun.Execute(scenario);
        var builder = new PopulationBuilder(scenario);
        var costs = new[] { 1, 2 }.Select(id => builder.Build(id).Costs[(int)Resource.Compute]).ToArray();

        // Jobs posted in ticks 0 and 3 (the buyer waits for the first to be paid), each completing two ticks later.
        var trades = run.Reports.SelectMany(r => r.Trades).ToArray();
        Assert.Equal([2, 5], trades.Select(t => t.Tick));
        Assert.All(trades, t => Assert.Equal((0, 2, costs.Max()), (t.Buyer, t.Quantity, t.Price)));
        Assert.All(trades, t => Assert.Equal(1 + Array.IndexOf(costs, costs.Min()), t.Seller));

        // The reserve (2 units at 10) stays in escrow while the job runs, and is paid, not lost.
        Assert.Equal([20 * Unit, 20 * Unit, 20 * Unit, 20 * Unit, 20 * Unit, 20 * Unit], run.DevicesAfterTick.Select(d => d[0].Escrow));
        var buyer = run.FinalDevices[0];
        Assert.Equal((0L, 100 * Unit - 4 * costs.Max(), 4L), (buyer.Escrow, buyer.Balance, buyer.Bought[(int)Resource.Compute]));
    }

    [Fact]
    public void A_schedule_trader_does_not_quote_a_unit_whose_job_is_running_and_is_paid_for_it_after_its_period_ended()
    {
        // Jobs last 3 ticks, periods 2: jobs awarded in period 0 complete in period 1, those of period 1 in period 2.
        var scenario = ScenarioLoader.Parse("""
            name: units
            ticks: 6
            periods: {length: 2}
            markets:
              - {resource: compute, mechanism: tender, duration: 3, price_range: [1, 100]}
            devices:
              - {type: buyer, count: 1, strategy: truthful, quote: all, wallet: 1000, buys: {compute: [50, 40]}}
              - {type: seller, count: 1, strategy: truthful, quote: all, sells: {compute: [10, 20]}}
            """, "units.yaml");
        var run = SimulationRun.Execute(scenario); // a re-quoted running unit would be refused by the tender

        var trades = run.Reports.SelectMany(r => r.Trades).ToArray();
        Assert.Equal([2, 2, 5, 5], trades.Select(t => t.Tick));
        // One provider: no competing bid, so each job pays its reserve, the buyer's value.
        Assert.All(trades, t => Assert.Equal(t.BuyerValue, t.Price));
        Assert.Equal([4L, 4L], new[] { run.FinalDevices[0].Bought[(int)Resource.Compute], run.FinalDevices[1].Sold[(int)Resource.Compute] });
        Assert.Equal((0L, (50 + 40 - 10 - 20) * 2 * Unit), (run.FinalDevices[0].Surplus, run.FinalDevices[1].Surplus));
        Assert.Equal(1000 * Unit - 180 * Unit, run.FinalDevices[0].Balance);
    }

    /// <summary>
    /// Random economies whose markets may be tenders: the reference engine checks money at every
    /// barrier (and throws if it was created or lost); here each device's wealth must have moved by
    /// exactly the trades reported (a job still running at the end has paid nothing yet, its money
    /// still in the buyer's escrow), and nothing may be negative.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property Money_is_conserved_and_paid_only_for_completed_jobs() =>
        Prop.ForAll(ScenarioGenerators.Scenarios(tenders: true).ToArbitrary(), scenario =>
        {
            var run = SimulationRun.Execute(scenario);
            var builder = new PopulationBuilder(scenario);
            var wealth = Enumerable.Range(0, builder.DeviceCount).Select(id => builder.Build(id).InitialBalance).ToArray();
            var trades = run.Reports.SelectMany(r => r.Trades).ToArray();
            foreach (var t in trades)
            {
                wealth[t.Buyer] -= t.Price * t.Quantity;
                wealth[t.Seller] += t.Price * t.Quantity - t.Fee;
            }
            Assert.Equal(wealth, run.FinalDevices.Select(d => d.Balance + d.Escrow));
            Assert.All(run.FinalDevices, d => Assert.True(d.Balance >= 0 && d.Escrow >= 0, $"device {d.Id}: balance {d.Balance}, escrow {d.Escrow}"));
            foreach (var r in Resources.Resources.All)
            {
                var volume = trades.Where(t => t.Resource == r).Sum(t => (long)t.Quantity);
                Assert.Equal(volume, run.FinalDevices.Sum(d => d.Bought[(int)r]));
                Assert.Equal(volume, run.FinalDevices.Sum(d => d.Sold[(int)r]));
            }
            return true;
        });
}
