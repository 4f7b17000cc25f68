using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>How a device prices its orders. A result of 0 means "do not quote this tick".</summary>
public interface IStrategy
{
    /// <summary>Limit price for buying a unit worth <paramref name="value"/> to the device.</summary>
    long Bid(long value, MarketTerms market, ref RandomStream random);

    /// <summary>
    /// Limit price for selling a unit that costs the device <paramref name="cost"/>. The device passes
    /// the cost grossed up for the market's fee (<see cref="MarketTerms.GrossCost"/>), so a strategy
    /// that never asks below the cost it is given never sells at a loss after fees, and no strategy
    /// has to know about fees.
    /// </summary>
    long Ask(long cost, MarketTerms market, ref RandomStream random);
}
