namespace M2MSim.Economy.Randomness;

/// <summary>
/// What a random draw is for. Part of every stream key, so adding a new use of randomness
/// never shifts the numbers an existing use sees.
/// </summary>
public enum RandomPurpose : ulong
{
    Population = 1,
    Strategy = 2,
    MarketOrder = 3,
    Schedule = 4,

    /// <summary>Who receives a device's gift of money (subject = giver).</summary>
    Exchange = 5,

    /// <summary>Which seller a buyer opens a negotiation with (subject = buyer).</summary>
    Negotiation = 6,

    /// <summary>A device's values and costs drawn afresh for an active tick (populations with redraw; subject = device).</summary>
    Redraw = 7,

    /// <summary>Whether a device is offline in a spell of its churn (subject = device, tick = spell).</summary>
    Churn = 8,

    /// <summary>A device's churn phase and the tick it fails for good (subject = device, tick 0).</summary>
    Failure = 9,

    /// <summary>Whether each negotiation move a device sends in a tick is lost (subject = sender).</summary>
    MessageLoss = 10,

    /// <summary>A worn device's per-device use of its part per active tick and the value of a replacement (subject = device, tick 0).</summary>
    Wear = 11,
}
