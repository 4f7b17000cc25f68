using M2MSim.Economy.Randomness;

namespace M2MSim.Economy.Strategies;

/// <summary>How a device prices its orders. A result of 0 means "do not quote this tick".</summary>
public interface IStrategy
{
    /// <summary>Limit price for buying a unit worth <paramref name="value"/> to the device.</summary>
    long Bid(long value, PriceBounds bounds, ref RandomStream random);

    /// <summary>Limit price for selling a unit that costs the device <paramref name="cost"/>.</summary>
    long Ask(long cost, PriceBounds bounds, ref RandomStream random);
}
