using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Checkpoints;

/// <summary>The repository's scenario files, made small enough to run many times in a test.</summary>
internal static class ScenarioFiles
{
    public static string Root => M2MSim.Tests.Shared.RepositoryRoot.Path;

    /// <summary>Every file, with the overrides that keep its run well under a second (the benchmarks have 10^5 devices).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Small = new Dictionary<string, string[]>
    {
        ["quickstart.yaml"] =
        [
            "ticks=30", "devices.edge-server.count=5", "devices.gateway.count=8", "devices.car.count=50",
            "devices.smart-meter.count=120", "devices.industrial-machine.count=10", "devices.data-buyer.count=2",
        ],
        ["bench/market.yaml"] = ["devices.buyer.count=40", "devices.seller.count=40"],
        ["bench/money.yaml"] = ["devices.agent.count=60"],
        ["bench/sparse.yaml"] =
        [
            "devices.edge-server.count=10", "devices.gateway.count=15", "devices.car.count=100", "devices.smart-meter.count=250",
            "devices.industrial-machine.count=20", "devices.data-buyer.count=2",
        ],
        ["validation/boltzmann.yaml"] = ["ticks=80"],
        ["validation/call-market.yaml"] = [],
        ["validation/gode-sunder.yaml"] = [],
        ["validation/negotiation.yaml"] = [],
        ["validation/tender.yaml"] = [],
        ["validation/zip.yaml"] = ["ticks=150"],
        ["trust.yaml"] = ["ticks=60"],
        ["water-purifiers.yaml"] = ["ticks=60", "devices.water-purifier.count=60", "devices.data-buyer.count=2"],
        ["data-market.yaml"] = ["ticks=30", "devices.car.count=60", "devices.smart-meter.count=150", "devices.industrial-machine.count=10"],
        ["smart-city.yaml"] =
        [
            "ticks=40", "devices.edge-server.count=6", "devices.gateway.count=10", "devices.car.count=80", "devices.smart-meter.count=200",
            "devices.industrial-machine.count=15", "devices.water-purifier.count=40", "devices.service-centre.count=2", "devices.data-buyer.count=2",
        ],
        ["idle-compute.yaml"] = ["ticks=30", "devices.edge-server.count=10", "devices.car.count=100", "devices.industrial-machine.count=10"],
        ["settlement-comparison.yaml"] =
        [
            "ticks=30", "devices.edge-server.count=8", "devices.gateway.count=10", "devices.car.count=60",
            "devices.smart-meter.count=150", "devices.industrial-machine.count=12", "devices.data-buyer.count=2",
        ],
    };

    /// <summary>Every scenario file under scenarios/, relative to it, with forward slashes.</summary>
    public static IEnumerable<string> All()
    {
        var dir = Path.Combine(Root, "scenarios");
        return Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    public static Scenario Load(string file, params IEnumerable<string> overrides) =>
        ScenarioLoader.Load(Path.Combine(Root, "scenarios", file), [.. Small[file], .. overrides]);
}
