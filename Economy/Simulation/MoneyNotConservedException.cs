using M2MSim.Economy.Money;

namespace M2MSim.Economy.Simulation;

/// <summary>Money was created or lost: the run stops, naming the tick.</summary>
public sealed class MoneyNotConservedException(int tick, long expected, long actual)
    : Exception($"Money was not conserved at the barrier of tick {tick}: wallets + in flight + sinks − sources = {Micros.Format(actual)}, but the initial supply is {Micros.Format(expected)} (difference {Micros.Format(actual - expected)}).")
{
    public int Tick { get; } = tick;

    public long Expected { get; } = expected;

    public long Actual { get; } = actual;

    /// <summary>
    /// Throws unless wallets + money in flight (between devices, and rewards on their way from the
    /// pool) + fee sink + the ledger's accounts (the reward pool) equal the initial supply.
    /// </summary>
    public static void ThrowIfViolated(int tick, long initialSupply, long wallets, long fees, long inFlight = 0, long accounts = 0)
    {
        var actual = wallets + inFlight + fees + accounts;
        if (actual != initialSupply) throw new MoneyNotConservedException(tick, initialSupply, actual);
    }
}
