using M2MSim.Economy.Devices;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Scenarios;

/// <summary>
/// A group of devices of one type. Per-resource maps hold only the resources the scenario names;
/// production and consumption are units per active tick, values and costs money units per unit.
/// A population of textbook traders gives unit schedules instead (<see cref="Buys"/>, <see cref="Sells"/>):
/// then its production, consumption, values and costs are empty.
/// </summary>
/// <param name="Buys">Unit values per resource (money units), as listed: the device may buy each once per period.</param>
/// <param name="Sells">Unit costs per resource (money units), as listed: the device may sell each once per period.</param>
/// <param name="Quote">Schedule traders only: quote the next unit or every remaining unit each tick (null: one).</param>
/// <param name="Gives">Money units a device gives, on each active tick it can afford it, to a uniformly random other device (null: none).</param>
/// <param name="Churn">Devices go offline and come back (null: always online).</param>
/// <param name="Failure">Per-tick probability that a device fails for good (null: never).</param>
/// <param name="Dishonest">The share of the population's devices that take payment for a negotiated unit and do not deliver it (null: none).</param>
/// <param name="Reputation">Buyers remember the sellers that did not deliver to them and bargain with them no more (null: they do not).</param>
/// <param name="Redraw">True: values and costs are drawn afresh on every active tick (from their distributions), not once per device (null: once per device; null rather than false so manifests of scenarios without it are unchanged).</param>
/// <param name="Wear">A wearing part that needs a bought unit of service to be replaced (null: nothing wears).</param>
/// <param name="DataPolicy">The data owner's policy: the share of its data offered and its lowest data ask (null: all, at any price).</param>
public sealed record PopulationSpec(
    string Type,
    int Count,
    StrategySpec Strategy,
    Distribution Wallet,
    int Every,
    IReadOnlyDictionary<Resource, Distribution> Produces,
    IReadOnlyDictionary<Resource, Distribution> Consumes,
    IReadOnlyDictionary<Resource, Distribution> Values,
    IReadOnlyDictionary<Resource, Distribution> Costs,
    IReadOnlyDictionary<Resource, IReadOnlyList<double>>? Buys = null,
    IReadOnlyDictionary<Resource, IReadOnlyList<double>>? Sells = null,
    QuoteMode? Quote = null,
    double? Gives = null,
    bool? Redraw = null,
    ChurnSpec? Churn = null,
    double? Failure = null,
    double? Dishonest = null,
    bool? Reputation = null,
    WearSpec? Wear = null,
    DataPolicySpec? DataPolicy = null)
{
    /// <summary>Whether the population trades from unit schedules.</summary>
    public bool HasSchedules => Buys is { Count: > 0 } || Sells is { Count: > 0 };
}
