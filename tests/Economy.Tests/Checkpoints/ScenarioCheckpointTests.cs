using M2MSim.Economy.Checkpoints;
using M2MSim.Economy.Devices;

namespace M2MSim.Economy.Tests.Checkpoints;

/// <summary>
/// Every shipped scenario, stopped at several barriers, stored as JSON, restored into a new engine
/// and run on, ends exactly as the run that never stopped (<see cref="ResumedRun.AssertResumesIdenticallyAsync"/>).
/// Variants bring in what the files alone do not: a posted price, tender jobs that run several
/// ticks, ZIP traders with redrawn values.
/// </summary>
public sealed class ScenarioCheckpointTests
{
    public static TheoryData<string> Files => [.. ScenarioFiles.Small.Keys];

    public static TheoryData<string, string[]> Variants => new()
    {
        { "validation/tender.yaml", ["ticks=15", "markets[0].duration=3"] },
        { "validation/tender.yaml", ["ticks=15", "markets[0].duration=4", "markets[0].award=first"] },
        { "quickstart.yaml", ["markets[0].mechanism=posted", "markets[1].mechanism=tender", "markets[1].duration=2", "markets[2].mechanism=call"] },
        { "bench/market.yaml", ["devices.buyer.strategy=zip", "devices.seller.strategy=zip", "markets[0].mechanism=posted"] },
        { "validation/negotiation.yaml", ["devices.buyer.strategy=tit-for-tat", "ticks=70"] },
        { "validation/gode-sunder.yaml", ["devices.b0.strategy=zip", "devices.s3.strategy=zip", "ticks=100"] },
    };

    [Fact]
    public void Every_scenario_file_is_tested() => Assert.Equal(ScenarioFiles.All(), ScenarioFiles.Small.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_scenario_file_resumed_from_a_checkpoint_ends_as_if_it_never_stopped(string file)
    {
        var scenario = ScenarioFiles.Load(file);
        await ResumedRun.AssertResumesIdenticallyAsync(scenario, ResumedRun.Barriers(scenario.Ticks));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_variant_resumed_from_a_checkpoint_ends_as_if_it_never_stopped(string file, string[] overrides)
    {
        var scenario = ScenarioFiles.Load(file, overrides);
        await ResumedRun.AssertResumesIdenticallyAsync(scenario, ResumedRun.Barriers(scenario.Ticks));
    }

    /// <summary>The runs above test what they claim only if their checkpoints hold each kind of state somewhere.</summary>
    [Fact]
    public async Task The_checkpoints_tested_hold_every_kind_of_carried_state()
    {
        async Task<(Checkpoint Header, DeviceCheckpoint[] Devices)[]> Taken(string file, params string[] overrides)
        {
            var scenario = ScenarioFiles.Load(file, overrides);
            var (_, checkpoints) = await ResumedRun.StraightAsync(scenario, Enumerable.Range(0, scenario.Ticks + 1));
            return checkpoints.Values.Select(c => (c.Checkpoint, c.Devices.ToArray())).ToArray();
        }

        var negotiation = await Taken("validation/negotiation.yaml", "ticks=70");
        Assert.Contains(negotiation, c => c.Devices.Any(d => d.State is { } s && s.Bargains.Any(b => b.Theirs.Length > 1 && b.OwnLast is not null)));
        Assert.Contains(negotiation, c => c.Devices.Any(d => d.State is { } s && s.Bargains.Any(b => b.AwaitingPayment)));
        Assert.Contains(negotiation, c => c.Devices.Any(d => d.Incoming.Any(m => m.CarriesMoney)) && c.Header.Sent > c.Header.Received);
        Assert.Contains(negotiation, c => c.Devices.Any(d => d.Incoming.Length > 0 && d.Incoming.All(m => m.Kind == MessageKind.Offer)));

        var gode = await Taken("validation/gode-sunder.yaml");
        Assert.Contains(gode, c => c.Devices.All(d => d.State is { Period: > 0 }) && c.Devices.Any(d => d.State is { } s && s.Traded.Any(t => t is not null && t.Contains(true))));
        Assert.Contains(gode, c => c.Devices.Any(d => d.Inbox.Length > 0));

        var zip = await Taken("validation/zip.yaml", "ticks=60");
        // A device never stepped is captured without state (as the grains do); every stepped ZIP trader has its 4 numbers.
        Assert.All(zip, c => Assert.All(c.Devices.Where(d => d.State is not null), d => Assert.Equal(4, d.State!.Strategy!.Length)));
        Assert.Contains(zip, c => c.Devices.All(d => d.State is not null));
        Assert.Contains(zip, c => c.Header.Tapes.Any(t => t.Shouts.Length > 0));

        var tender = await Taken("validation/tender.yaml", "ticks=8", "markets[0].duration=3");
        Assert.Contains(tender, c => c.Header.Markets[0].Running is { Length: > 0 });
        Assert.Contains(tender, c => c.Devices.Any(d => d.State is { Outstanding.Length: > 0 }));

        var market = await Taken("bench/market.yaml", "markets[0].mechanism=posted");
        Assert.All(market, c => Assert.NotNull(c.Header.Markets[0].Price));
        Assert.Contains(market, c => c.Header.Markets[0].Price != market[0].Header.Markets[0].Price);
        Assert.All(market, c => Assert.All(c.Devices.Where(d => d.State is not null), d => Assert.NotNull(d.State!.Values)));
        Assert.Contains(market, c => c.Devices.All(d => d.State is not null));

        // Parts part-worn, spent (downtime) and replaced, and data withheld, at the barriers.
        var purifiers = await Taken("water-purifiers.yaml", "ticks=60", "devices.water-purifier.count=60", "devices.service-centre.count=1", "devices.water-purifier.wear.start=new"); // new parts wear out in step: a wave too big for one centre
        Assert.Contains(purifiers, c => c.Devices.Any(d => d.State?.Wear is { Life: > 0, Replacements: > 0 }) && c.Devices.Any(d => d.State?.Wear is { Life: 0, Downtime: > 0 }));
        Assert.Contains(purifiers, c => c.Devices.Any(d => d.State?.DataProduced is > 1) && c.Devices.Any(d => d.State is { Wear: null, DataProduced: null }));

        var money = await Taken("bench/money.yaml");
        Assert.Contains(money, c => c.Devices.Count(d => d.Incoming.Any(m => m.Kind == MessageKind.Gift)) > 10);
    }
}
