using System.Runtime.CompilerServices;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Devices;

/// <summary>
/// Everything fixed about one device for a run, drawn from its population by
/// <see cref="M2MSim.Economy.Scenarios.PopulationBuilder"/>. Arrays are indexed by resource.
/// </summary>
/// <param name="Production">Units produced on each active tick.</param>
/// <param name="Consumption">Units needed on each active tick.</param>
/// <param name="Values">What a needed unit is worth to the device (micro-units).</param>
/// <param name="Costs">What an offered unit costs the device (micro-units).</param>
/// <param name="Every">The device acts on ticks where (tick + Phase) mod Every = 0.</param>
/// <param name="Markets">The price range and fee of each resource's market (Max 0: no market).</param>
/// <param name="Seed">The run's seed, for the device's own random streams.</param>
/// <param name="Schedule">Unit schedules, for a textbook trader; then production, consumption, values and costs are all zero.</param>
/// <param name="Gives">Money (micro-units) the device gives, on each active tick it can afford it, to a uniformly random other device.</param>
/// <param name="Devices">How many devices the economy has: the range recipients are drawn from.</param>
/// <param name="Deadline">Negotiation tactics only: the device's last negotiation round (t_max).</param>
/// <param name="Redraw">Populations with <c>redraw</c>: where to draw <see cref="Values"/> and <see cref="Costs"/> afresh on each active tick (null: they are fixed).</param>
/// <param name="Churn">When the device is offline (null: never).</param>
/// <param name="FailsAt">The first tick at which the device has failed for good (int.MaxValue: never).</param>
/// <param name="MessageLoss">The probability that a negotiation move the device sends is lost (the scenario's network).</param>
/// <param name="Dishonest">Takes payment for a negotiated unit and does not deliver it.</param>
/// <param name="Reputation">Bargains no more with sellers that did not deliver to it.</param>
/// <param name="Deliveries">Sellers confirm delivery (a Deliver message) and buyers wait for it: the scenario has dishonest devices or reputation.</param>
/// <param name="Wear">The device's wearing part, replaced with a bought unit of service (null: nothing wears).</param>
/// <param name="DataPolicy">How much of its data the device offers and its lowest data ask (null: all of it, at any price its strategy quotes).</param>
/// <param name="Ledger">How the device's payments settle (null: a direct ledger and no reward pool, as before ledgers existed).</param>
/// <param name="Sellers">By resource, for a buyer on a negotiated market: the devices that sell it, one of which it bargains with (null: none).</param>
public sealed record DeviceSpec(
    int Id,
    string Type,
    StrategySpec Strategy,
    long InitialBalance,
    int[] Production,
    int[] Consumption,
    long[] Values,
    long[] Costs,
    int Every,
    int Phase,
    MarketTerms[] Markets,
    ulong Seed,
    DeviceSchedule? Schedule = null,
    long Gives = 0,
    int Devices = 0,
    int Deadline = 0,
    IdRange[]?[]? Sellers = null,
    PriceRedraw? Redraw = null,
    DeviceChurn? Churn = null,
    int FailsAt = int.MaxValue,
    double MessageLoss = 0,
    bool Dishonest = false,
    bool Reputation = false,
    bool Deliveries = false,
    DeviceWear? Wear = null,
    DeviceDataPolicy? DataPolicy = null,
    LedgerTerms? Ledger = null)
{
    /// <summary>Whether the device has scheduled work (production or needs) in this tick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // asked in every device step, whose own size leaves the JIT no budget to inline it
    public bool IsActive(int tick) => IsActive(tick, Every, Phase);

    /// <summary><see cref="IsActive(int)"/> for a schedule held apart from its spec.</summary>
    public static bool IsActive(int tick, int every, int phase) => (tick + phase) % every == 0;

    /// <summary>How many ticks after <paramref name="tick"/> the device is next scheduled to act (1 … <see cref="Every"/>).</summary>
    public int TicksToNextActive(int tick) => Every - (tick + Phase) % Every;

    /// <summary>Whether the device can be stepped in this tick: it has not failed and is not in an offline spell.</summary>
    public bool IsOnline(int tick) => tick < FailsAt && (Churn is null || !Churn.IsOffline(Seed, Id, tick));

    /// <summary>Whether the device can go offline or fail at all (the engines skip the check otherwise).</summary>
    public bool HasFaults => Churn is not null || FailsAt != int.MaxValue;
}
