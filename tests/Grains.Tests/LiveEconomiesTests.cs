using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Grains.Coordination;
using M2MSim.Grains.Markets;
using M2MSim.Grains.Shards;

namespace M2MSim.Grains.Tests;

/// <summary>
/// The dashboard's view of a barrier, built from the shards' reports: each tenth's wealth, the
/// richest devices (ties by id) and the devices offline by type, held to a plain sort of every device.
/// </summary>
public sealed class LiveEconomiesTests
{
    private static readonly Economy.Scenarios.Scenario Scenario = TestScenarios.Mixed(); // 61 devices of four types

    [Property(MaxTest = 300)]
    public Property The_view_matches_a_sort_of_every_device() =>
        Prop.ForAll((from shards in Gen.Choose(1, 5) from offline in Gen.Choose(0, 3).ArrayOf(20) select (shards, offline)).ToArbitrary(),
            Gen.Choose(0, 4).ArrayOf(61).ToArbitrary(), Gen.Choose(-1, 70).ToArbitrary(), (layout, draws, k) =>
        {
            var (shards, offline) = layout;
            // Few distinct amounts, so many devices tie; shard s holds ids s, s + shards, s + 2·shards, … (ShardGrain).
            var wealth = draws.Select(d => d * 1_000L).ToArray();
            var reports = Enumerable.Range(0, shards).Select(s => new ShardTickReport(
                Enumerable.Range(0, 61).Where(id => id % shards == s).Select(id => wealth[id]).ToArray(), 0, 0, [], 0, 0, 0,
                OfflineByType: offline[(4 * s)..(4 * s + 4)])).ToArray();
            var expectedOffline = Enumerable.Range(0, 4).Select(t => Enumerable.Range(0, shards).Sum(s => offline[4 * s + t])).ToArray();
            var view = LiveEconomies.Build(Scenario, 3, reports, [new MarketOrderCount("compute", 5, 2)], k);

            var expectedRichest = Enumerable.Range(0, 61).OrderByDescending(id => wealth[id]).ThenBy(id => id).Take(Math.Max(k, 0))
                .Select(id => (id, wealth[id])).ToArray();
            var sorted = wealth.Order().ToArray();
            var expectedDeciles = Enumerable.Range(0, 10).Select(d => sorted[(d * 61 / 10)..((d + 1) * 61 / 10)].Sum()).ToArray();
            return view.Richest.Select(r => (r.Id, r.Wealth)).SequenceEqual(expectedRichest).Label("richest")
                .And(view.DecileWealth.SequenceEqual(expectedDeciles)).Label("deciles")
                .And(view.Richest.All(r => r.Type == TypeOf(r.Id))).Label("types")
                .And(view.OfflineByType!.SequenceEqual(expectedOffline)).Label("offline by type")
                .And(view.Tick == 3);
        });

    /// <summary>Ids are consecutive in population order: edge 8, gateway 10, car 40, buyer 3.</summary>
    private static string TypeOf(int id) => id < 8 ? "edge" : id < 18 ? "gateway" : id < 58 ? "car" : "buyer";
}
