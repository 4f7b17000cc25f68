using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>
/// How a device prices its orders. A result of 0 means "do not quote this tick". Each device has
/// its own instance (<see cref="StrategySpec.Create"/>), so a learning strategy may keep state;
/// stateless strategies share one.
/// </summary>
public interface IStrategy
{
    /// <summary>Whether <see cref="Observe"/> does anything: devices skip the tape for strategies that do not learn.</summary>
    bool Learns => false;

    /// <summary>Limit price for buying a unit worth <paramref name="value"/> to the device.</summary>
    long Bid(long value, MarketTerms market, ref RandomStream random);

    /// <summary>
    /// Limit price for selling a unit that costs the device <paramref name="cost"/>. The device passes
    /// the cost grossed up for the market's fee (<see cref="MarketTerms.GrossCost"/>), so a strategy
    /// that never asks below the cost it is given never sells at a loss after fees, and no strategy
    /// has to know about fees.
    /// </summary>
    long Ask(long cost, MarketTerms market, ref RandomStream random);

    /// <summary>
    /// Learns from one shout of a market's tape, in tape order. The device calls it once per shout
    /// for each side it trades on in that market.
    /// </summary>
    /// <param name="side">The side the device trades on (its own role: buyer or seller).</param>
    /// <param name="limit">Its current limit price for that side: the value of the unit it would buy
    /// next, or the fee-inclusive cost of the unit it would sell next (micro-units).</param>
    /// <param name="active">Whether it still has a unit to trade on that side (Cliff's "active").</param>
    void Observe(Side side, long limit, bool active, Shout shout, MarketTerms market, ref RandomStream random)
    {
    }

    /// <summary>A learning strategy's own state, taken at a barrier (null for a stateless one).</summary>
    double[]? Capture() => null;

    /// <summary>Puts back what <see cref="Capture"/> took, on the device's fresh instance.</summary>
    void Restore(double[] state)
    {
    }
}
