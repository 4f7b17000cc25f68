using M2MSim.Economy.Markets;
using M2MSim.Economy.Settlement;

namespace M2MSim.Economy.Devices;

/// <summary>What a device returns from a step: its orders and messages for the tick, the deals it struck, and its wallet summary.</summary>
/// <param name="Wealth">Balance + escrow after the step.</param>
/// <param name="FeesPaid">Market fees paid in this step (they go to the fee sink).</param>
/// <param name="Messages">Messages to other devices (gifts, payments, negotiation moves) sent in this step (null: none).</param>
/// <param name="Deals">Negotiated deals this device agreed to in this step, for the trade log (null: none); the engine numbers them.</param>
/// <param name="Negotiating">The device holds negotiations open after the step: the final settlement must step it, to end them.</param>
/// <param name="Ledger">Its transactions, chain fees, proof of work, committed compute and claimed rewards in the step.</param>
/// <param name="Unsettled">It holds money not confirmed yet or rewards not claimed: the final settlement must step it, to credit them.</param>
public readonly record struct DeviceStepResult(Order[] Orders, long Wealth, long FeesPaid, PeerMessage[]? Messages = null, Trade[]? Deals = null, bool Negotiating = false,
    LedgerActivity Ledger = default, bool Unsettled = false)
{
    // Boxed, and only for a step that did something on a settlement ledger: inline, its five longs
    // were 40 of a result's 88 bytes, copied into every grain call's response and into the shard's
    // results at a million devices, though most scenarios have no ledger.
    private readonly LedgerBox? _ledger = Box(Ledger);

    public LedgerActivity Ledger
    {
        get => _ledger?.Value ?? default;
        init => _ledger = Box(value);
    }

    /// <summary>
    /// The step left nothing that answers back next tick (no order, message or deal, no open
    /// negotiation): unless another device writes to it, the device's next step is its next active tick.
    /// </summary>
    public bool Quiet => Orders.Length == 0 && Messages is null or [] && Deals is null or [] && !Negotiating;

    private static LedgerBox? Box(LedgerActivity ledger) => ledger == default ? null : new(ledger);

    private sealed record LedgerBox(LedgerActivity Value);
}
