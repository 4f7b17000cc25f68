using M2MSim.Economy.Devices;
using M2MSim.Economy.Simulation;

namespace M2MSim.Economy.Tests.Simulation;

public sealed class SentByChunkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Each_step_is_recorded_with_exactly_the_messages_it_sent_tick_after_tick(int parallelism)
    {
        var cores = new ParallelSteps(parallelism);
        var sent = new SentByChunk();
        foreach (var (tick, count) in new[] { (0, 10_000), (1, 700), (2, 1), (3, 100_000), (4, 3) })
        {
            var recorded = 0;
            sent.Begin(count);
            cores.Run(count,
                k =>
                {
                    var list = sent.Of(k);
                    for (var m = 0; m < (k + tick) % 4; m++) list.Add(PeerMessage.Gift(k, m, tick + 1));
                    sent.Stepped(k);
                },
                k =>
                {
                    var messages = sent.Take(k).ToArray();
                    Assert.Equal(Enumerable.Range(0, (k + tick) % 4).Select(m => PeerMessage.Gift(k, m, tick + 1)), messages);
                    recorded++;
                },
                (first, _) => sent.Open(first));
            Assert.Equal(count, recorded);
        }
    }

    [Fact]
    public void A_tick_after_a_failed_one_records_only_its_own_messages()
    {
        var cores = new ParallelSteps(2);
        var sent = new SentByChunk();
        sent.Begin(1_000);
        Assert.Throws<InvalidOperationException>(() => cores.Run(1_000,
            k =>
            {
                sent.Of(k).Add(PeerMessage.Gift(k, 0, 1));
                sent.Stepped(k);
                if (k == 500) throw new InvalidOperationException("step failed");
            },
            k => sent.Take(k),
            (first, _) => sent.Open(first)));

        sent.Begin(1_000);
        cores.Run(1_000, sent.Stepped, k => Assert.Equal(0, sent.Take(k).Length), (first, _) => sent.Open(first));
    }
}
