using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Grains.Tests;

/// <summary>
/// Negotiation travels device to device through the engine: offers, acceptances, walk-aways and
/// payments between devices on different shards. Whatever the tactics and the shard count, the grains
/// must write exactly the reference engine's files, alongside a CDA and the random exchange of money.
/// </summary>
public sealed class NegotiationEquivalenceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly string[] Tactics = ["boulware", "linear", "conceder", "tit-for-tat"];

    /// <summary>A random economy with a negotiated data market and a compute CDA, as a scenario file, from one number.</summary>
    private static string Economy(int seed)
    {
        var random = new Random(seed);
        string Units(int lo, int hi) => "[" + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(lo, hi))) + "]";
        string Tactic() => $"{{kind: {Tactics[random.Next(Tactics.Length)]}, deadline: {{uniform: [2, {random.Next(3, 14)}]}}}}";
        var gives = random.Next(2) == 0 ? "" : $", gives: {random.Next(1, 20)}";
        return string.Create(CultureInfo.InvariantCulture, $$$"""
            name: negotiated
            seed: {{{random.Next()}}}
            ticks: {{{random.Next(5, 40)}}}
            periods: {length: {{{random.Next(8, 20)}}}}
            markets:
              - {resource: data, mechanism: negotiation, price_range: [1, 200], fee: {{{random.Next(0, 3) * 0.02}}}}
              - {resource: compute, price_range: [1, 50]}
            devices:
              - {type: buyer, count: {{{random.Next(1, 12)}}}, wallet: {uniform: [100, 600]}, strategy: {{{Tactic()}}}, buys: {data: {{{Units(60, 200)}}}}{{{gives}}}}
              - {type: seller, count: {{{random.Next(1, 8)}}}, strategy: {{{Tactic()}}}, sells: {data: {{{Units(1, 140)}}}}}
              - {type: seller2, count: {{{random.Next(0, 5)}}}, strategy: {{{Tactic()}}}, sells: {data: {{{Units(1, 140)}}}}}
              - {type: server, count: {{{random.Next(1, 6)}}}, strategy: zi-c, produces: {compute: 3}, costs: {compute: 5}}
              - {type: client, count: {{{random.Next(1, 6)}}}, wallet: 200, strategy: zi-c, consumes: {compute: 2}, values: {compute: 30}}
            """);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task The_shipped_negotiation_scenario_gives_the_reference_files(int shards)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(Repository.Root, "scenarios", "validation", "negotiation.yaml"));
        await RunFiles.AssertEnginesAgree(scenario with { Ticks = 60 }, fixture.Grains, shards, minTrades: 20);
    }

    [Fact]
    public async Task The_random_economies_do_negotiate_deals()
    {
        var negotiated = 0;
        for (var i = 0; i < 10; i++)
        {
            var run = await RunFiles.Run(ScenarioLoader.Parse(Economy(i), "economy.yaml"), Simulator.Runs.RunDriver.Reference, null);
            Assert.True(run.Succeeded, run.Error);
            if (File.ReadLines(Path.Combine(run.Folder, "trades.csv")).Any(l => l.Contains(",data,", StringComparison.Ordinal))) negotiated++;
        }
        Assert.InRange(negotiated, 6, 10);
    }

    [Property(MaxTest = 15)]
    public Property Orleans_engine_agrees_with_the_reference_on_random_negotiated_economies() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (economy, shards) =>
        {
            var scenario = ScenarioLoader.Parse(Economy(economy), $"economy-{economy}.yaml");
            // A generated economy may trade nothing (one buyer, five ticks, values under every cost): the
            // test above checks the generator makes trading economies; here the files must agree either way.
            RunFiles.AssertEnginesAgree(scenario, fixture.Grains, shards, minTrades: 0).GetAwaiter().GetResult();
        });
}
