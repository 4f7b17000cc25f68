using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// What became of an order when its tick closed: how much filled and for how much. The device
/// settles it at its next step: it pays or is paid, and releases what it had reserved.
/// </summary>
/// <param name="Notional">Σ price × quantity over the order's fills, in micro-units.</param>
/// <param name="Fee">The market fee, charged to the seller.</param>
public readonly record struct OrderResult(
    long OrderId,
    int Device,
    Resource Resource,
    Side Side,
    int Quantity,
    long LimitPrice,
    int Filled,
    long Notional,
    long Fee);
