using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Simulation;

public sealed class MoneyConservationTests
{
    [Property(MaxTest = 200)]
    public Property Money_is_conserved_and_no_balance_goes_negative() =>
        Prop.ForAll(ScenarioGenerators.Scenarios().ToArbitrary(), scenario =>
        {
            var run = SimulationRun.Execute(scenario); // throws MoneyNotConservedException on a broken barrier
            var builder = new PopulationBuilder(scenario);
            Assert.Equal(Enumerable.Range(0, builder.DeviceCount).Sum(id => builder.Build(id).InitialBalance), run.InitialSupply);

            var trades = run.Reports.SelectMany(r => r.Trades).ToArray();
            long feesBefore = 0;
            foreach (var report in run.Reports)
            {
                Assert.Equal(MarketOrder.Of(scenario).Select(m => m.Resource), report.Rows.Select(r => r.Resource));
                foreach (var row in report.Rows)
                {
                    Assert.Equal(run.InitialSupply, row.MoneySupply + row.FeesTotal);
                    // Sellers pay a tick's fees when they settle at the next tick's barrier.
                    Assert.Equal(feesBefore, row.FeesTotal);
                    var mine = report.Trades.Where(t => t.Resource == row.Resource).ToArray();
                    Assert.Equal(mine.Length, row.Trades);
                    Assert.Equal(mine.Sum(t => (long)t.Quantity), row.Volume);
                    Assert.Equal(mine.Sum(t => t.Fee), row.Fees);
                }
                feesBefore += report.Trades.Sum(t => t.Fee);
                var devices = run.DevicesAfterTick[report.Tick];
                Assert.All(devices, d => Assert.True(d.Balance >= 0 && d.Escrow >= 0, $"device {d.Id}: balance {d.Balance}, escrow {d.Escrow}"));
                Assert.Equal(run.InitialSupply, devices.Sum(d => d.Balance + d.Escrow) + report.Rows[0].FeesTotal);
            }

            var totalFees = trades.Sum(t => t.Fee);
            Assert.All(run.FinalDevices, d => Assert.Equal(0, d.Escrow));
            Assert.All(run.FinalDevices, d => Assert.True(d.Balance >= 0));
            Assert.Equal(run.InitialSupply, run.FinalDevices.Sum(d => d.Balance) + totalFees);

            // Each wallet moved by exactly its trades: − what it paid as a buyer, + notional − fee as a seller.
            var expected = Enumerable.Range(0, builder.DeviceCount).Select(id => builder.Build(id).InitialBalance).ToArray();
            foreach (var t in trades)
            {
                expected[t.Buyer] -= t.Price * t.Quantity;
                expected[t.Seller] += t.Price * t.Quantity - t.Fee;
            }
            Assert.Equal(expected, run.FinalDevices.Select(d => d.Balance));

            // Realised surplus: Σ (value − price) over units bought + Σ (price − fee − cost) over units sold.
            var specs = Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).ToArray();
            var surplus = new long[builder.DeviceCount];
            foreach (var t in trades)
            {
                var i = (int)t.Resource;
                surplus[t.Buyer] += (specs[t.Buyer].Values[i] - t.Price) * t.Quantity;
                surplus[t.Seller] += (t.Price - specs[t.Seller].Costs[i]) * t.Quantity - t.Fee;
            }
            Assert.Equal(surplus, run.FinalDevices.Select(d => d.Surplus));

            // Units are conserved too: what was bought was sold.
            foreach (var r in Resources.Resources.All)
            {
                var volume = trades.Where(t => t.Resource == r).Sum(t => (long)t.Quantity);
                Assert.Equal(volume, run.FinalDevices.Sum(d => d.Bought[(int)r]));
                Assert.Equal(volume, run.FinalDevices.Sum(d => d.Sold[(int)r]));
            }
            return true;
        });

    [Property(MaxTest = 200)]
    public Property Zi_c_devices_never_trade_at_a_loss_after_fees() =>
        // Every market charges a fee: the seller pays it, so "never at a loss" must hold net of it.
        Prop.ForAll(ScenarioGenerators.Scenarios(ziCOnly: true, fees: true).ToArbitrary(), scenario =>
        {
            var run = SimulationRun.Execute(scenario);
            var builder = new PopulationBuilder(scenario);
            var specs = Enumerable.Range(0, builder.DeviceCount).Select(builder.Build).ToArray();
            foreach (var t in run.Reports.SelectMany(r => r.Trades))
            {
                var i = (int)t.Resource;
                var value = specs[t.Buyer].Values[i];
                var cost = specs[t.Seller].Costs[i];
                Assert.True(t.Price <= value, $"device {t.Buyer} paid {t.Price} for a unit worth {value}");
                Assert.True(t.Price * t.Quantity - t.Fee >= cost * t.Quantity,
                    $"device {t.Seller} sold {t.Quantity} at {t.Price} (fee {t.Fee}) units costing {cost}");
            }
            // Surplus is realised gains: never negative for a trader that never loses, fees included.
            Assert.All(run.FinalDevices, d => Assert.True(d.Surplus >= 0, $"device {d.Id} surplus {d.Surplus}"));
            return true;
        });

    [Fact]
    public void The_generated_zi_c_scenarios_with_fees_do_trade_and_pay_fees()
    {
        // Guards the property above against vacuity: it must see many trades that paid a fee.
        var scenarios = ScenarioGenerators.Scenarios(ziCOnly: true, fees: true).Sample(50, new Rnd(11UL, 0x9E3779B97F4A7C15UL), 50);
        var trades = scenarios.SelectMany(s => SimulationRun.Execute(s).Reports.SelectMany(r => r.Trades)).ToArray();
        var withFee = trades.Count(t => t.Fee > 0);
        Assert.True(withFee >= 100, $"only {withFee} of {trades.Length} trades in {scenarios.Length} scenarios paid a fee");
    }

    [Fact]
    public void The_generated_scenarios_do_trade()
    {
        // Guards the properties above against vacuity: a good share of generated runs must trade
        // (23 of these 50 do; the rest lack a buyer or a seller for any market).
        var scenarios = ScenarioGenerators.Scenarios().Sample(50, new Rnd(7UL, 0x9E3779B97F4A7C15UL), 50);
        var trading = scenarios.Count(s => SimulationRun.Execute(s).Reports.Any(r => r.Trades.Length > 0));
        Assert.True(trading >= 15, $"only {trading} of {scenarios.Length} generated scenarios traded");
    }

    [Fact]
    public void A_broken_barrier_is_reported()
    {
        MoneyNotConservedException.ThrowIfViolated(3, 100, 90, 10);
        var e = Assert.Throws<MoneyNotConservedException>(() => MoneyNotConservedException.ThrowIfViolated(3, 100, 90, 11));
        Assert.Equal((3, 100L, 101L), (e.Tick, e.Expected, e.Actual));
    }
}
