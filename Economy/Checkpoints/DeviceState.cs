using M2MSim.Economy.Negotiation;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Checkpoints;

/// <summary>
/// Everything a <see cref="Devices.Device"/> holds that its spec does not: enough to rebuild it at a
/// tick barrier so that it goes on exactly as if it had never stopped. Plain data, so any engine
/// can store it and any engine can restore it.
/// </summary>
/// <param name="Values">This tick's values per resource, only for devices that redraw them (null: the spec's).</param>
/// <param name="Costs">As <paramref name="Values"/>, for costs.</param>
/// <param name="Period">The trading period the device holds the endowment of (−1: none yet).</param>
/// <param name="Traded">Per resource × 2 + side, which units of the period were traded (null entries: none).</param>
/// <param name="Outstanding">Orders sent and not settled yet, with the period each was sent in, by order id.</param>
/// <param name="Strategy">A learning strategy's own state (null for a stateless one).</param>
/// <param name="Bargains">Negotiations held open, in no particular order (the device never depends on it).</param>
/// <param name="Awaiting">Units paid for and not delivered yet (scenarios with dishonest devices or reputation; null: none).</param>
/// <param name="Pending">Money paid to it by transactions not confirmed yet (null: none).</param>
/// <param name="PowDebt">Proof of work (compute units) owed, paid from its next compute production.</param>
/// <param name="Mined">Idle compute committed to the network and not rewarded yet (null: none).</param>
/// <param name="LedgerTotals">Compute committed, rewards received and chain fees paid over the run (null: none yet).</param>
/// <param name="Distrusted">Sellers that did not deliver to this buyer, which it bargains with no more (null: none).</param>
/// <param name="Wear">A worn device's part (null: the device has no wear).</param>
/// <param name="DataProduced">All the data a device with a data policy has produced, offered or withheld (null: it has no policy).</param>
public sealed record DeviceState(
    long Balance,
    long Escrow,
    long[] Inventory,
    long[] Reserved,
    long[] Bought,
    long[] Sold,
    long Surplus,
    long[]? Values,
    long[]? Costs,
    int Period,
    bool[]?[] Traded,
    OutstandingOrder[] Outstanding,
    double[]? Strategy,
    BargainState[] Bargains,
    DeliveryState[]? Awaiting = null,
    int[]? Distrusted = null,
    WearState? Wear = null,
    long? DataProduced = null,
    PendingCredit[]? Pending = null,
    long PowDebt = 0,
    MinedCompute[]? Mined = null,
    long[]? LedgerTotals = null);
