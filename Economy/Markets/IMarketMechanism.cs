using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Resources;

namespace M2MSim.Economy.Markets;

/// <summary>
/// How one market turns a tick's orders into trades. A mechanism may keep state from one tick to
/// the next (a posted price does), so an instance belongs to exactly one market: one market grain,
/// or one slot of the reference engine, cleared once per tick in tick order. Whatever it does, the
/// result must depend only on the set of orders and the seeded streams, never on their arrival order.
/// </summary>
public interface IMarketMechanism
{
    Resource Resource { get; }

    /// <summary>Clears tick <paramref name="tick"/>; results come back one per order, in order-id order.</summary>
    MarketClearing Clear(int tick, IReadOnlyCollection<Order> orders);

    /// <summary>
    /// Hands back a clearing of this mechanism whose results the caller will not read again, so the
    /// next clearing may write its results into the same array: at a million orders a fresh one is a
    /// large-object allocation every tick, and their garbage brings on full collections. A caller that
    /// never recycles always gets fresh arrays; by default nothing is reused.
    /// </summary>
    void Recycle(MarketClearing clearing)
    {
    }

    /// <summary>What the mechanism carries to the next tick, taken at a barrier (none by default).</summary>
    MarketState Capture() => MarketState.None;

    /// <summary>Puts back what <see cref="Capture"/> took, on a fresh instance, before its first clearing.</summary>
    /// <remarks>
    /// A mechanism that carries nothing accepts only an empty state: a price or running jobs handed
    /// to it mean the checkpoint was taken of another market, and going on would silently drop them.
    /// </remarks>
    void Restore(MarketState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Price is not null || state.Running is not null)
            throw new InvalidOperationException($"The {Resource.Name()} market carries nothing from tick to tick, but its checkpoint holds {state}.");
    }
}
