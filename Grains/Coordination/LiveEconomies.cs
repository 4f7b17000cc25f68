using M2MSim.Economy.Scenarios;
using M2MSim.Grains.Markets;
using M2MSim.Grains.Shards;

namespace M2MSim.Grains.Coordination;

/// <summary>
/// Builds the dashboard's view of a barrier from the shards' reports, which the coordinator keeps
/// anyway: O(n log n) on demand (about once a second), nothing per tick.
/// </summary>
public static class LiveEconomies
{
    public static LiveEconomy Build(Scenario scenario, int tick, IReadOnlyList<ShardTickReport> shards, MarketOrderCount[] markets, int richest)
    {
        var total = shards.Sum(s => s.Wealth.Length);
        var sorted = new long[total];
        var at = 0;
        foreach (var s in shards)
        {
            s.Wealth.CopyTo(sorted, at);
            at += s.Wealth.Length;
        }
        Array.Sort(sorted);
        var deciles = new long[10];
        for (var d = 0; d < 10; d++)
        {
            for (var i = d * total / 10; i < (d + 1) * total / 10; i++) deciles[d] += sorted[i];
        }
        var offline = new int[scenario.Types.Count];
        foreach (var s in shards)
        {
            for (var t = 0; t < offline.Length && t < (s.OfflineByType?.Length ?? 0); t++) offline[t] += s.OfflineByType![t];
        }
        return new LiveEconomy(tick, deciles, Richest(scenario, shards, richest), markets, offline);
    }

    /// <summary>
    /// Shard s's local device i is id s + i × shards (see ShardGrain); a bounded heap keeps the top k.
    /// Once it holds k, a device enters only if it ranks above the heap's least (no two rank alike:
    /// ids differ), so at a million devices most cost one comparison, not a push and a pop.
    /// </summary>
    private static RichDevice[] Richest(Scenario scenario, IReadOnlyList<ShardTickReport> shards, int k)
    {
        var heap = new PriorityQueue<int, (long Wealth, int NegatedId)>();
        for (var s = 0; s < shards.Count; s++)
        {
            var wealth = shards[s].Wealth;
            for (var i = 0; i < wealth.Length; i++)
            {
                var id = s + i * shards.Count;
                var rank = (wealth[i], -id);
                if (heap.Count < k) heap.Enqueue(id, rank);
                else if (heap.TryPeek(out _, out var least) && rank.CompareTo(least) > 0) heap.EnqueueDequeue(id, rank); // k ≤ 0: the heap stays empty
            }
        }
        var top = new List<RichDevice>();
        while (heap.TryDequeue(out var id, out var key)) top.Add(new RichDevice(id, TypeOf(scenario, id), key.Wealth));
        top.Reverse();
        return top.ToArray();
    }

    /// <summary>Ids are consecutive in population order.</summary>
    private static string TypeOf(Scenario scenario, int id)
    {
        foreach (var p in scenario.Populations)
        {
            if (id < p.Count) return p.Type;
            id -= p.Count;
        }
        return "?";
    }
}
