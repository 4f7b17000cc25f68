using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Randomness;
using M2MSim.Economy.Strategies;

namespace M2MSim.Economy.Tests.Strategies;

public sealed class ZipStrategyTests
{
    private const long U = 1_000_000;
    private const long Lambda = 100 * U;
    private static readonly MarketTerms Market = new(1 * U, 1_000 * U, 0);

    private static ZipStrategy Zip(int device = 1) => new(17, device);

    /// <summary>The quote p = λ(1 + μ) of a side, in micro-units.</summary>
    private static long Price(ZipStrategy zip, Side side) => (long)(Lambda * (1 + zip.Margin(side)));

    /// <summary>The margin of <paramref name="side"/> after one shout; returns (before, after).</summary>
    private static (double Before, double After) Observe(Side side, Func<long, Shout> shoutFromPrice, bool active = true)
    {
        var zip = Zip();
        var before = zip.Margin(side);
        var random = new RandomStream(17, RandomPurpose.Strategy, 1, 5);
        zip.Observe(side, Lambda, active, shoutFromPrice(Price(zip, side)), Market, ref random);
        return (before, zip.Margin(side));
    }

    [Fact]
    public void Parameters_are_drawn_inside_Cliffs_ranges_and_differ_between_devices()
    {
        var zips = Enumerable.Range(0, 2_000).Select(Zip).ToArray();
        Assert.All(zips, z =>
        {
            Assert.InRange(z.Margin(Side.Sell), 0.05, 0.35);
            Assert.InRange(z.Margin(Side.Buy), -0.35, -0.05);
            Assert.InRange(z.Beta, 0.1, 0.5);
            Assert.InRange(z.Gamma, 0.0, 0.1);
            Assert.Equal(0, z.LastChange(Side.Buy));
            Assert.Equal(0, z.LastChange(Side.Sell));
        });
        // The draws spread over the ranges, not a constant.
        Assert.True(zips.Max(z => z.Beta) - zips.Min(z => z.Beta) > 0.35);
        Assert.True(zips.Max(z => z.Margin(Side.Sell)) - zips.Min(z => z.Margin(Side.Sell)) > 0.25);
        Assert.Equal(Zip(5).Margin(Side.Sell), Zip(5).Margin(Side.Sell)); // the same device, the same trader
    }

    [Fact]
    public void Quotes_are_the_limit_times_one_plus_the_margin()
    {
        var zip = Zip();
        var random = new RandomStream(1, RandomPurpose.Strategy, 1, 0);
        Assert.InRange(zip.Ask(Lambda, Market, ref random) - Price(zip, Side.Sell), -1, 1); // rounding to micro-units
        Assert.InRange(zip.Bid(Lambda, Market, ref random) - Price(zip, Side.Buy), -1, 1);
        Assert.True(zip.Bid(Lambda, Market, ref random) < Lambda); // a buyer never bids its whole value
        Assert.True(zip.Ask(Lambda, Market, ref random) > Lambda);
    }

    // Sellers (Cliff 1997, section 4): after a deal at q, a seller with p ≤ q raises its margin; after
    // a deal on a bid, an active seller with p > q lowers it; after a failed ask at q ≤ p, it lowers it.

    [Fact]
    public void A_seller_raises_its_margin_after_a_deal_it_could_have_made()
    {
        var (before, after) = Observe(Side.Sell, p => new Shout(Side.Buy, p + 10 * U, true));
        Assert.True(after > before);
        (before, after) = Observe(Side.Sell, p => new Shout(Side.Sell, p + 10 * U, true), active: false); // even when done trading
        Assert.True(after > before);
    }

    [Fact]
    public void An_active_seller_lowers_its_margin_when_a_bid_is_taken_below_its_price()
    {
        var (before, after) = Observe(Side.Sell, p => new Shout(Side.Buy, p - 3 * U, true));
        Assert.True(after < before);
        Assert.Equal(before, Observe(Side.Sell, p => new Shout(Side.Buy, p - 3 * U, true), active: false).After); // inactive: no change
        Assert.Equal(before, Observe(Side.Sell, p => new Shout(Side.Sell, p - 3 * U, true)).After);                 // a deal on an ask: no rule
    }

    [Fact]
    public void An_active_seller_lowers_its_margin_when_an_ask_at_or_below_its_price_fails()
    {
        var (before, after) = Observe(Side.Sell, p => new Shout(Side.Sell, p - 3 * U, false));
        Assert.True(after < before);
        Assert.Equal(before, Observe(Side.Sell, p => new Shout(Side.Sell, p + 3 * U, false)).After); // a dearer ask failed: no news
        Assert.Equal(before, Observe(Side.Sell, p => new Shout(Side.Buy, p - 3 * U, false)).After);  // a failed bid: no rule for sellers
    }

    // Buyers, symmetrically: raising the margin means bidding less.

    [Fact]
    public void A_buyer_raises_its_margin_after_a_deal_it_could_have_made()
    {
        var (before, after) = Observe(Side.Buy, p => new Shout(Side.Sell, p - 10 * U, true));
        Assert.True(after < before); // μ < 0: a larger margin is a more negative μ
    }

    [Fact]
    public void An_active_buyer_lowers_its_margin_when_an_ask_is_taken_above_its_price()
    {
        var (before, after) = Observe(Side.Buy, p => new Shout(Side.Sell, p + 3 * U, true));
        Assert.True(after > before);
        Assert.Equal(before, Observe(Side.Buy, p => new Shout(Side.Sell, p + 3 * U, true), active: false).After);
        Assert.Equal(before, Observe(Side.Buy, p => new Shout(Side.Buy, p + 3 * U, true)).After);
    }

    [Fact]
    public void An_active_buyer_lowers_its_margin_when_a_bid_at_or_above_its_price_fails()
    {
        var (before, after) = Observe(Side.Buy, p => new Shout(Side.Buy, p + 3 * U, false));
        Assert.True(after > before);
        Assert.Equal(before, Observe(Side.Buy, p => new Shout(Side.Buy, p - 3 * U, false)).After);
        Assert.Equal(before, Observe(Side.Buy, p => new Shout(Side.Sell, p + 3 * U, false)).After);
    }

    [Fact]
    public void A_seller_whose_own_ask_goes_unanswered_lowers_its_margin_even_when_the_ask_was_rounded()
    {
        // The shout is the trader's own ask, at the rounded price it quoted: the rule "an ask no
        // cheaper than its own failed" must fire, however its unrounded price compares.
        for (var device = 0; device < 200; device++)
        {
            var zip = new ZipStrategy(11, device);
            var ask = zip.Ask(Lambda, Market, ref Unused);
            var before = zip.Margin(Side.Sell);
            var random = new RandomStream(3, RandomPurpose.Strategy, device, 1);
            zip.Observe(Side.Sell, Lambda, true, new Shout(Side.Sell, ask, false), Market, ref random);
            Assert.True(zip.Margin(Side.Sell) < before, $"device {device}: the margin did not fall from {before}");
        }
    }

    private static RandomStream Unused = new(0, RandomPurpose.Strategy, 0, 0);

    [Fact]
    public void The_update_is_Cliffs_widrow_hoff_step_with_momentum()
    {
        // One raise from Δ(t−1) = 0: the new price p + Δ lies between p and the target, closer to p
        // by the factor (1 − γ) β < 1, and the momentum term remembers Δ.
        var zip = Zip();
        // p is the price the trader quotes: rounded to micro-units, as the shouts it compares with are.
        var p = Math.Round(Lambda * (1 + zip.Margin(Side.Sell)), MidpointRounding.ToEven) / (double)U;
        var q = p + 20;
        var random = new RandomStream(17, RandomPurpose.Strategy, 1, 5);
        zip.Observe(Side.Sell, Lambda, true, new Shout(Side.Buy, (long)(q * U), true), Market, ref random);
        var change = zip.LastChange(Side.Sell);
        var targetLow = q;              // τ = q(1 + R) + A ≥ q
        var targetHigh = q * 1.05 + 0.05;
        Assert.InRange(change, (1 - zip.Gamma) * zip.Beta * (targetLow - p) - 1e-9, (1 - zip.Gamma) * zip.Beta * (targetHigh - p) + 1e-9);
        Assert.Equal((p + change) / 100 - 1, zip.Margin(Side.Sell), 12);
    }

    [Property(MaxTest = 200)]
    public Property Margins_never_change_sign_whatever_the_tape() =>
        Prop.ForAll(
            (from device in Gen.Choose(0, 1_000)
             from shouts in Gen.ListOf(
                 from side in Gen.Elements(Side.Buy, Side.Sell)
                 from price in Gen.Choose(1, 1_000)
                 from deal in Gen.Elements(true, false)
                 select new Shout(side, price * U, deal))
             from limit in Gen.Choose(1, 1_000)
             select (device, shouts: shouts.ToArray(), limit)).ToArbitrary(),
            c =>
            {
                var zip = Zip(c.device);
                var random = new RandomStream(3, RandomPurpose.Strategy, c.device, 0);
                foreach (var shout in c.shouts)
                {
                    zip.Observe(Side.Sell, c.limit * U, true, shout, Market, ref random);
                    zip.Observe(Side.Buy, c.limit * U, true, shout, Market, ref random);
                    if (zip.Margin(Side.Sell) < 0 || zip.Margin(Side.Buy) is > 0 or < -1) return false;
                }
                var bid = zip.Bid(c.limit * U, Market, ref random);
                var ask = zip.Ask(c.limit * U, Market, ref random);
                return bid <= c.limit * U && (ask == 0 || ask >= c.limit * U);
            });
}
