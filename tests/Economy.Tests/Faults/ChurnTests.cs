using M2MSim.Economy.Devices;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;
using M2MSim.Economy.Tests.Simulation;

namespace M2MSim.Economy.Tests.Faults;

/// <summary>Devices that go offline and come back (<c>churn</c>) or fail for good (<c>failure</c>).</summary>
public sealed class ChurnTests
{
    // Line numbers matter: the error tests point into this text.
    private static string Economy(string faults, int ticks = 40) => $$$"""
        name: churn
        ticks: {{{ticks}}}
        seed: 3
        markets: [{resource: compute, fee: 0.01, price_range: [1, 200]}]
        devices:
          - type: buyer
            count: 60
            strategy: zi-c
            wallet: 100000
            consumes: {compute: 1}
            values: {compute: {uniform: [50, 200]}}
            gives: 1
            {{{faults}}}
          - type: seller
            count: 60
            strategy: zi-c
            produces: {compute: 1}
            costs: {compute: {uniform: [1, 150]}}
        """;

    private static Scenario Load(string faults, int ticks = 40) => ScenarioLoader.Parse(Economy(faults, ticks), "s.yaml");

    [Fact]
    public void A_device_is_offline_for_whole_spells_and_about_the_given_share_of_them()
    {
        var churn = new DeviceChurn(0.3, 4, 1);
        var offline = 0;
        const int spells = 20_000;
        for (var spell = 0; spell < spells; spell++)
        {
            // Spell k covers ticks 4k − 1 … 4k + 2 (phase 1): one answer for all of them.
            var ticks = Enumerable.Range(4 * spell - 1, 4).Where(t => t >= 0).Select(t => churn.IsOffline(9, 17, t)).Distinct().ToArray();
            Assert.Single(ticks);
            if (ticks[0]) offline++;
        }
        Assert.InRange(offline / (double)spells, 0.29, 0.31);
        Assert.False(new DeviceChurn(0, 4, 1).IsOffline(9, 17, 5));
    }

    [Fact]
    public void Failure_ticks_are_geometric_and_no_faults_change_nothing_else()
    {
        var scenario = Load("failure: 0.05") with { Populations = [.. Load("failure: 0.05").Populations.Select(p => p with { Count = p.Count * 50 })] };
        var builder = new PopulationBuilder(scenario);
        var failsAt = Enumerable.Range(0, 3000).Select(builder.Build).Select(s => (double)s.FailsAt).ToArray();
        // Mean of a geometric on 0, 1, … with q = 0.05: (1 − q) / q = 19.
        Assert.InRange(failsAt.Average(), 17.5, 20.5);
        Assert.All(Enumerable.Range(3000, 3000).Select(builder.Build), s => Assert.Equal(int.MaxValue, s.FailsAt)); // the sellers

        // Faults draw from their own stream: every other draw of the devices is as without them.
        var plain = new PopulationBuilder(Load(""));
        var faulty = new PopulationBuilder(Load("churn: {offline: 0.5, spell: 3}\n    failure: 0.1"));
        for (var id = 0; id < 120; id++)
        {
            var (a, b) = (plain.Build(id), faulty.Build(id));
            Assert.Equal(a with { Churn = b.Churn, FailsAt = b.FailsAt, Markets = b.Markets, Values = b.Values, Costs = b.Costs, Production = b.Production, Consumption = b.Consumption }, b);
            Assert.Equal((a.Values, a.Costs, a.Production, a.Consumption, a.InitialBalance), (b.Values, b.Costs, b.Production, b.Consumption, b.InitialBalance), Comparer.Instance);
        }
    }

    [Fact]
    public async Task Offline_and_failed_devices_are_not_stepped_their_deliveries_wait_and_money_is_kept()
    {
        var scenario = Load("churn: {offline: 0.4, spell: 3}\n    failure: 0.02");
        var run = await SimulationRun.ExecuteAsync(scenario);
        var builder = new PopulationBuilder(scenario);
        var specs = Enumerable.Range(0, scenario.DeviceCount).Select(builder.Build).ToArray();
        for (var tick = 0; tick < scenario.Ticks; tick++)
        {
            var row = run.Reports[tick].Rows[0];
            var absent = specs.Count(s => !s.IsOnline(tick));
            Assert.Equal(absent, row.OfflineDevices);
            // Everyone else acts every tick: the devices stepped are exactly those present.
            Assert.Equal(scenario.DeviceCount - absent, row.ActiveDevices);
            Assert.Equal(run.InitialSupply, row.MoneySupply + row.InFlight + row.FeesTotal);
        }
        Assert.Contains(run.Reports, r => r.Rows[0].OfflineDevices > 20);
        // A device steps only when present: its wallet cannot change while it is away.
        for (var tick = 1; tick < scenario.Ticks; tick++)
        {
            foreach (var s in specs.Where(s => !s.IsOnline(tick)))
                Assert.Equal(run.DevicesAfterTick[tick - 1][s.Id], run.DevicesAfterTick[tick][s.Id], SnapshotComparer.Instance);
        }
        // In the final settlement everyone who has not failed settles: no escrow is left but the failed devices'.
        Assert.All(run.FinalDevices.Where(d => specs[d.Id].FailsAt > scenario.Ticks), d => Assert.Equal(0, d.Escrow));
        Assert.Contains(specs, s => s.FailsAt < scenario.Ticks);
    }

    [Fact]
    public async Task Gifts_to_an_offline_device_wait_for_it_and_are_credited_when_it_is_back()
    {
        var scenario = Load("churn: {offline: 0.5, spell: 5}");
        var run = await SimulationRun.ExecuteAsync(scenario);
        // Money in flight grows while receivers are away; the engine checked it was all there at
        // every barrier and after the final settlement (it throws otherwise), where it is credited.
        Assert.Contains(run.Reports, r => r.Rows[0].InFlight > 10 * 1_000_000);
        Assert.All(run.Reports, r => Assert.Equal(run.InitialSupply, r.Rows[0].MoneySupply + r.Rows[0].InFlight + r.Rows[0].FeesTotal));
    }

    [Theory]
    [InlineData("churn: {offline: 1, spell: 3}", "s.yaml:13:22: devices[0].churn.offline")]
    [InlineData("churn: {offline: 0.2, spell: 0}", "s.yaml:13:34: devices[0].churn.spell")]
    [InlineData("churn: {spell: 2}", "devices[0].churn.offline")]
    [InlineData("churn: {offline: 0.2, colour: red}", "devices[0].churn.colour")]
    [InlineData("failure: 1", "s.yaml:13:14: devices[0].failure")]
    [InlineData("failure: -0.1", "devices[0].failure")]
    public void Bad_faults_name_file_line_and_field(string faults, string expected)
    {
        var e = Assert.Throws<ScenarioException>(() => Load(faults));
        Assert.Contains(e.Errors, error => error.ToString().Contains(expected, StringComparison.Ordinal));
    }

    private sealed class Comparer : IEqualityComparer<(long[], long[], int[], int[], long)>
    {
        public static readonly Comparer Instance = new();

        public bool Equals((long[], long[], int[], int[], long) x, (long[], long[], int[], int[], long) y) =>
            x.Item1.SequenceEqual(y.Item1) && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3) && x.Item4.SequenceEqual(y.Item4) && x.Item5 == y.Item5;

        public int GetHashCode((long[], long[], int[], int[], long) obj) => obj.Item5.GetHashCode();
    }

    private sealed class SnapshotComparer : IEqualityComparer<DeviceSnapshot>
    {
        public static readonly SnapshotComparer Instance = new();

        public bool Equals(DeviceSnapshot? x, DeviceSnapshot? y) =>
            x!.Balance == y!.Balance && x.Escrow == y.Escrow && x.Inventory.SequenceEqual(y.Inventory) && x.Bought.SequenceEqual(y.Bought) && x.Sold.SequenceEqual(y.Sold) && x.Surplus == y.Surplus;

        public int GetHashCode(DeviceSnapshot obj) => obj.Id;
    }
}
