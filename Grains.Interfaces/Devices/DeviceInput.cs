using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Settlement;

namespace M2MSim.Grains.Devices;

/// <summary>
/// A device's inbox for one step. Its settlements and messages are slices of the shard's buffers for
/// the tick, which nothing writes to until the shard's next step: inside a silo the input is passed
/// as it is (it is immutable), so a step allocates no array of its own for them; across silos
/// Orleans sends exactly the slices.
/// </summary>
/// <param name="Spec">Sent with the device's first step only: the grain builds its state from it.</param>
/// <param name="Settlements">Results of the device's orders of the previous tick, by order id.</param>
/// <param name="Final">The settlement after the last tick: settle, send nothing.</param>
/// <param name="Incoming">Messages other devices sent it in the previous tick (money, negotiation moves), by sender.</param>
/// <param name="State">With the spec, for a device restored from a checkpoint: the state it goes on from.</param>
/// <param name="Tapes">The previous tick's market tapes (shared by every device of the tick), for strategies that learn.</param>
/// <param name="Ledger">The settlement ledger as of this tick (shared by every device of the tick; null: none).</param>
/// <param name="MayPark">
/// The device's next scheduled step is far enough away that, if this step is quiet (no order, message or deal, no open negotiation),
/// it deactivates and returns its state to the shard (idle devices cost their state, not an activation).
/// </param>
[GenerateSerializer, Immutable]
public sealed record DeviceInput(
    [property: Id(0)] DeviceSpec? Spec,
    [property: Id(1)] ReadOnlyMemory<OrderResult> Settlements,
    [property: Id(2)] bool Final,
    [property: Id(3)] MarketTape[]? Tapes = null,
    [property: Id(4)] ReadOnlyMemory<PeerMessage> Incoming = default,
    [property: Id(5)] DeviceState? State = null,
    [property: Id(6)] LedgerView? Ledger = null,
    [property: Id(7)] bool MayPark = false);
