using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Settlement;
using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Simulation;

public sealed class StepResultsTests
{
    private static readonly DeviceStepResult[] Steps =
    [
        new([], 10, 0),
        new([], 11, 2, Negotiating: true),
        new([], 12, 0, Unsettled: true),
        new([], 13, 3, Negotiating: true, Unsettled: true),
        new([new Order(7, 1, Resource.Compute, Side.Buy, 1, 500)], 14, 1),
        new([], 15, 0, Messages: [PeerMessage.Gift(1, 2, 3)]),
        new([], 16, 0, Ledger: new LedgerActivity(1, 2, 3, 4, 5), Unsettled: true),
        new([], 17, 0, Messages: []),
    ];

    [Fact]
    public void A_result_is_taken_as_it_was_set_tick_after_tick()
    {
        var results = new StepResults();
        for (var tick = 0; tick < 3; tick++)
        {
            // Each tick puts every kind of result where another kind was the tick before.
            var count = Steps.Length + tick;
            results.Begin(count);
            for (var k = 0; k < count; k++) results.Set(k, Steps[(k + tick) % Steps.Length]);
            for (var k = 0; k < count; k++)
            {
                var (expected, taken) = (Steps[(k + tick) % Steps.Length], results.Take(k));
                Assert.Equal(expected.Orders, taken.Orders);
                Assert.Equal(expected.Messages, taken.Messages);
                Assert.Equal(expected.Deals, taken.Deals);
                Assert.Equal((expected.Wealth, expected.FeesPaid, expected.Negotiating, expected.Unsettled, expected.Ledger),
                    (taken.Wealth, taken.FeesPaid, taken.Negotiating, taken.Unsettled, taken.Ledger));
            }
        }
    }
}
