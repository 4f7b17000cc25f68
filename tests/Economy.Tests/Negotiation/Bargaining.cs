using M2MSim.Economy.Devices;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Scenarios.Loading;

namespace M2MSim.Economy.Tests.Negotiation;

/// <summary>
/// Devices of a small scenario stepped by hand, every one on every tick, with their messages routed
/// as the engines route them (delivered next tick, sorted by sender), so a test can look at each step.
/// </summary>
internal sealed class Bargaining
{
    private List<PeerMessage>[] _inbox;

    public Bargaining(string yaml)
    {
        var scenario = ScenarioLoader.Parse(yaml, "s.yaml");
        var builder = new PopulationBuilder(scenario);
        Devices = Enumerable.Range(0, builder.DeviceCount).Select(i => new Device(builder.Build(i))).ToArray();
        _inbox = Devices.Select(_ => new List<PeerMessage>()).ToArray();
    }

    public Device[] Devices { get; }

    public long Fees { get; private set; }

    /// <summary>Money sent and not yet delivered.</summary>
    public long InFlight => _inbox.SelectMany(m => m).Where(m => m.CarriesMoney).Sum(m => m.Amount);

    /// <param name="lose">Messages the network loses (none by default).</param>
    /// <param name="offline">Devices not stepped in this tick: what was sent to them waits.</param>
    public DeviceStepResult[] Tick(int tick, bool final = false, Func<PeerMessage, bool>? lose = null, IReadOnlySet<int>? offline = null)
    {
        var inbox = _inbox;
        _inbox = Devices.Select(_ => new List<PeerMessage>()).ToArray();
        var results = new DeviceStepResult[Devices.Length];
        for (var i = 0; i < Devices.Length; i++)
        {
            if (offline?.Contains(i) == true)
            {
                _inbox[i].AddRange(inbox[i]);
                continue;
            }
            var messages = inbox[i].OrderBy(m => m.From).ThenBy(m => m.Resource).ThenBy(m => m.Kind).ThenBy(m => m.Opened).ThenBy(m => m.Round).ToArray();
            results[i] = Devices[i].Step(tick, [], final, null, messages);
            Fees += results[i].FeesPaid;
            foreach (var m in results[i].Messages ?? [])
            {
                if (lose?.Invoke(m) != true) _inbox[m.To].Add(m);
            }
        }
        return results;
    }

    public static string Scenario(string buyer, string seller, string market = "price_range: [1, 200]", int buyers = 1, int sellers = 1, string periods = "") => $$"""
        name: bargain
        ticks: 100
        {{periods}}
        markets:
          - {resource: data, mechanism: negotiation, {{market}}}
        devices:
          - {type: buyer, count: {{buyers}}, wallet: 1000, {{buyer}}}
          - {type: seller, count: {{sellers}}, {{seller}}}
        """;
}
