using M2MSim.Economy.Markets;
using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;
using M2MSim.Economy.Settlement;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>The root keys <c>ledger</c> and <c>reward_pool</c> (docs/scenarios.md#settlement-ledgers).</summary>
internal sealed partial class ScenarioValidator
{
    private static readonly string[] LedgerKeys = ["kind", "fee", "pow", "block", "delay"];
    private static readonly string[] RewardPoolKeys = ["fund", "payout"];
    private static readonly Dictionary<string, string[]> LedgerKindKeys = new()
    {
        ["direct"] = ["kind"],
        ["feeless"] = ["kind", "pow", "delay"],
        ["chain"] = ["kind", "fee", "block", "delay"],
    };

    /// <summary>ledger: {kind: direct | feeless | chain, …}: each kind takes its own keys only.</summary>
    private LedgerSpec? Ledger(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, LedgerKeys);
        if (f.Required("kind") is not { } kindNode || _read.Text(kindNode, f.PathOf("kind")) is not { } kind) return null;
        if (!LedgerKindKeys.TryGetValue(kind, out var allowed))
        {
            _read.Error(kindNode, f.PathOf("kind"), $"unknown ledger kind '{kind}'; valid kinds: {string.Join(", ", LedgerKindKeys.Keys)}");
            return null;
        }
        var ok = true;
        foreach (var key in LedgerKeys.Where(k => f.Has(k) && !allowed.Contains(k)))
        {
            _read.Error(f.Optional(key)!, f.PathOf(key), $"'{key}' is not a setting of a {kind} ledger (its settings: {string.Join(", ", allowed.Where(a => a != "kind"))})");
            ok = false;
        }
        var fee = f.Optional("fee") is { } feeNode ? _read.Number(feeNode, f.PathOf("fee"), 0, MaxPrice) : 0.01;
        var pow = f.Optional("pow") is { } powNode ? _read.Integer(powNode, f.PathOf("pow"), 0, 1_000_000) : 1;
        var block = f.Optional("block") is { } blockNode ? _read.Integer(blockNode, f.PathOf("block"), 1, int.MaxValue) : 1000;
        var delay = f.Optional("delay") is { } delayNode ? _read.Integer(delayNode, f.PathOf("delay"), 1, MaxTicks) : 1;
        if (!ok || fee is null || pow is null || block is null || delay is null) return null;
        return kind switch
        {
            "feeless" => new LedgerSpec(LedgerKind.Feeless, Pow: (int)pow.Value, Delay: (int)delay.Value),
            "chain" => new LedgerSpec(LedgerKind.Chain, Fee: Micros.FromUnits(fee.Value), Block: (int)block.Value, Delay: (int)delay.Value),
            _ => LedgerSpec.Direct,
        };
    }

    /// <summary>reward_pool: {fund: money units ≥ 0, payout: share of the pool paid per tick, in (0, 1]}.</summary>
    private RewardPoolSpec? RewardPool(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, RewardPoolKeys);
        var fund = f.Optional("fund") is { } fundNode ? _read.Number(fundNode, f.PathOf("fund"), 0, MaxMoney) : 0;
        var payout = f.Optional("payout") is { } payoutNode ? _read.Number(payoutNode, f.PathOf("payout"), 0, 1, minExclusive: true) : 1;
        if (fund is null || payout is null) return null;
        return new RewardPoolSpec(Micros.FromUnits(fund.Value), (long)Math.Round(payout.Value * 1_000_000, MidpointRounding.ToEven));
    }

    /// <summary>
    /// A ledger settles market orders and gifts. Unit-schedule traders and negotiated deals keep direct
    /// settlement (their protocols pay in steps a ledger's delay would reorder), so a scenario with
    /// them cannot name another ledger.
    /// </summary>
    private bool LedgerFits(LedgerSpec? ledger, RewardPoolSpec? pool, List<MarketSpec> markets, List<PopulationSpec> populations, YamlNode node, string path)
    {
        if (ledger is not { Confirms: true } && pool is null) return true;
        var negotiated = markets.FirstOrDefault(m => m.Mechanism == MarketMechanism.Negotiation);
        var schedules = populations.FirstOrDefault(p => p.HasSchedules);
        if (negotiated is null && schedules is null) return true;
        _read.Error(node, path, negotiated is not null
            ? $"a {ledger?.Name ?? "direct"} ledger or a reward pool settles market orders and gifts; the market for '{negotiated.Resource.Name()}' is negotiated, which settles directly only: remove the ledger (or reward_pool) or use another mechanism"
            : $"a {ledger?.Name ?? "direct"} ledger or a reward pool settles market orders and gifts of devices that produce and consume; population '{schedules!.Type}' trades unit schedules, which settle directly only");
        return false;
    }
}
