using M2MSim.Economy.Devices;
using M2MSim.Economy.Money;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// Turns a scenario's populations into devices. Device ids are consecutive in population order,
/// and each device's draws come from its own stream, so any shard can build any device alone and
/// gets the same one.
/// </summary>
public sealed class PopulationBuilder
{
    private readonly Scenario _scenario;
    private readonly int[] _firstId;
    private readonly MarketTerms[] _markets = new MarketTerms[Resources.Resources.Count];
    private readonly DeviceSchedule?[] _schedules;
    private readonly IdRange[]?[]? _sellers;
    private readonly PriceRedraw?[] _redraws;

    // The last device's arrays of each population: the next one shares them when its draws are the
    // same (always, for a fixed distribution), so a million devices do not hold a million copies.
    // Nothing writes a spec's arrays (a device that redraws values copies them first).
    private readonly int[]?[] _production, _consumption;
    private readonly long[]?[] _values, _costs;

    private readonly bool _deliveries;
    private readonly LedgerTerms? _ledger;

    public PopulationBuilder(Scenario scenario)
    {
        _scenario = scenario;
        _firstId = new int[scenario.Populations.Count];
        long next = 0;
        for (var p = 0; p < scenario.Populations.Count; p++)
        {
            _firstId[p] = (int)next;
            next += scenario.Populations[p].Count;
        }
        if (next > int.MaxValue) throw new ArgumentException("A scenario holds at most 2,147,483,647 devices.");
        DeviceCount = (int)next;
        foreach (var m in scenario.Markets) _markets[(int)m.Resource] = m.Terms;
        // Deliveries are confirmed only where they can fail or be judged: other scenarios keep the plain protocol.
        _deliveries = scenario.Populations.Any(p => p.Dishonest > 0 || p.Reputation == true);
        // Devices of a scenario without a ledger or pool carry none, and behave exactly as before ledgers existed.
        if (scenario.HasLedger)
        {
            var l = scenario.Ledger ?? LedgerSpec.Direct;
            _ledger = new LedgerTerms(l.Kind, l.Fee, l.Pow, scenario.RewardPool is not null);
        }

        // Every device of a population shares its schedules: resolved once, not per device.
        var periodLength = scenario.Periods?.Length ?? int.MaxValue;
        _schedules = scenario.Populations
            .Select(p => p.HasSchedules ? new DeviceSchedule(periodLength, p.Quote ?? QuoteMode.One, ScheduleRegimes.Of(scenario, p)) : null)
            .ToArray();
        _sellers = Sellers(scenario, _firstId);
        _redraws = scenario.Populations.Select(Redraw).ToArray();
        (_production, _consumption) = (new int[]?[scenario.Populations.Count], new int[]?[scenario.Populations.Count]);
        (_values, _costs) = (new long[]?[scenario.Populations.Count], new long[]?[scenario.Populations.Count]);
    }

    private static T[] Shared<T>(T[] drawn, ref T[]? last)
        where T : IEquatable<T> =>
        last is not null && drawn.AsSpan().SequenceEqual(last) ? last : last = drawn;

    /// <summary>A population's value and cost distributions by resource, if it redraws them every active tick; shared by its devices.</summary>
    private static PriceRedraw? Redraw(PopulationSpec p)
    {
        if (p.Redraw != true) return null;
        var n = Resources.Resources.Count;
        Distribution?[] values = new Distribution?[n], costs = new Distribution?[n];
        foreach (var r in Resources.Resources.All)
        {
            values[(int)r] = p.Values.GetValueOrDefault(r);
            costs[(int)r] = p.Costs.GetValueOrDefault(r);
        }
        return new PriceRedraw(values, costs);
    }

    /// <summary>
    /// For each negotiated resource, the populations that sell it: the devices a buyer may open a
    /// negotiation with. Null when no market is negotiated.
    /// </summary>
    private static IdRange[]?[]? Sellers(Scenario scenario, int[] firstId)
    {
        if (!scenario.Markets.Any(m => m.Mechanism == MarketMechanism.Negotiation)) return null;
        var sellers = new IdRange[]?[Resources.Resources.Count];
        foreach (var m in scenario.Markets.Where(m => m.Mechanism == MarketMechanism.Negotiation))
        {
            sellers[(int)m.Resource] = scenario.Populations
                .Select((p, i) => (p, i))
                .Where(x => x.p.Count > 0 && x.p.Sells is { } sells && sells.ContainsKey(m.Resource))
                .Select(x => new IdRange(firstId[x.i], x.p.Count))
                .ToArray();
        }
        return sellers;
    }

    public int DeviceCount { get; }

    public DeviceSpec Build(int id)
    {
        if ((uint)id >= (uint)DeviceCount) throw new ArgumentOutOfRangeException(nameof(id));
        var p = Array.BinarySearch(_firstId, id);
        if (p < 0) p = ~p - 1;
        while (p + 1 < _firstId.Length && _firstId[p + 1] == id) p++; // skip empty populations
        var pop = _scenario.Populations[p];

        var random = new RandomStream(_scenario.Seed, RandomPurpose.Population, id, 0);
        var phase = pop.Every == 1 ? 0 : (int)random.NextLong(0, pop.Every - 1);
        var wallet = Micros.FromUnits(pop.Wallet.Sample(ref random));
        var n = Resources.Resources.Count;
        int[] production = new int[n], consumption = new int[n];
        long[] values = new long[n], costs = new long[n];
        foreach (var r in Resources.Resources.All)
        {
            var i = (int)r;
            production[i] = Units(pop.Produces, r, ref random);
            consumption[i] = Units(pop.Consumes, r, ref random);
            values[i] = Money(pop.Values, r, ref random);
            costs[i] = Money(pop.Costs, r, ref random);
        }
        // Drawn last, and only for tactics, so adding negotiation shifted no earlier scenario's draws.
        var deadline = pop.Strategy.IsTactic
            ? (int)Math.Max(1, Math.Round((pop.Strategy.Deadline ?? Distribution.Fixed(StrategySpec.DefaultDeadline)).Sample(ref random), MidpointRounding.ToEven))
            : 0;
        // Faults from their own stream, so they shift no draw of a scenario without them.
        var faults = new RandomStream(_scenario.Seed, RandomPurpose.Failure, id, 0);
        var churn = pop.Churn is { } c ? new DeviceChurn(c.Offline, c.Spell, c.Spell == 1 ? 0 : (int)faults.NextLong(0, c.Spell - 1)) : null;
        var failsAt = pop.Failure is { } q ? FailureTick(q, ref faults) : int.MaxValue;
        var dishonest = pop.Dishonest is { } share && faults.NextDouble() < share;
        var wear = pop.Wear is { } w ? Wear(w, id, values) : null;
        var dataPolicy = pop.DataPolicy is { } dp ? new DeviceDataPolicy(dp.Share, Micros.FromUnits(dp.MinPrice)) : null;
        production = Shared(production, ref _production[p]);
        consumption = Shared(consumption, ref _consumption[p]);
        values = Shared(values, ref _values[p]);
        costs = Shared(costs, ref _costs[p]);
        return new DeviceSpec(id, pop.Type, pop.Strategy, wallet, production, consumption, values, costs,
            pop.Every, phase, _markets, _scenario.Seed, _schedules[p],
            pop.Gives is { } gift ? Micros.FromUnits(gift) : 0, DeviceCount, deadline, pop.HasSchedules ? _sellers : null, _redraws[p],
            churn, failsAt, _scenario.Network?.Loss ?? 0, dishonest, pop.Reputation == true, _deliveries, wear, dataPolicy, _ledger);
    }

    /// <summary>
    /// A device's part: its use per tick and the value of a replacement, drawn from a stream of their
    /// own so no other draw moves. The value becomes the device's value of service (the validator
    /// lets a worn population neither consume nor value service itself).
    /// </summary>
    private DeviceWear Wear(WearSpec wear, int id, long[] values)
    {
        var random = new RandomStream(_scenario.Seed, RandomPurpose.Wear, id, 0);
        var use = (int)Math.Min(wear.Life, Math.Round(wear.Use.Sample(ref random), MidpointRounding.ToEven));
        values[(int)Resource.Service] = Micros.FromUnits(wear.Value.Sample(ref random));
        // In decimal, as the file wrote it: in doubles a share times the life can land one ulp under a whole number.
        // Drawn last, so a population that starts new draws exactly as before start existed.
        // A fleet in service: parts of every age, none already due for a replacement.
        var reorderAt = (int)decimal.Floor((decimal)wear.Reorder * wear.Life);
        var start = wear.Spread == true ? (int)random.NextLong(Math.Min(reorderAt + 1, wear.Life), wear.Life) : 0;
        return new DeviceWear(wear.Life, use, reorderAt, start);
    }

    /// <summary>
    /// The first tick a device is failed at, when it fails with probability q in each tick: geometric,
    /// drawn once by inversion (ticks 0, 1, … with P(fails at t) = (1 − q)^t q).
    /// </summary>
    private static int FailureTick(double q, ref RandomStream random)
    {
        if (q <= 0) return int.MaxValue;
        if (q >= 1) return 0;
        var u = random.NextDouble(); // [0, 1)
        var t = Math.Floor(Math.Log(1 - u) / Math.Log(1 - q));
        return t >= int.MaxValue ? int.MaxValue : (int)t;
    }

    private static int Units(IReadOnlyDictionary<Resource, Distribution> map, Resource r, ref RandomStream random) =>
        map.TryGetValue(r, out var d) ? (int)Math.Min(int.MaxValue, Math.Round(d.Sample(ref random), MidpointRounding.ToEven)) : 0;

    private static long Money(IReadOnlyDictionary<Resource, Distribution> map, Resource r, ref RandomStream random) =>
        map.TryGetValue(r, out var d) ? Micros.FromUnits(d.Sample(ref random)) : 0;
}
