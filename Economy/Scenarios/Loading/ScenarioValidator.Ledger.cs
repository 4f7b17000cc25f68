using System.Globalization;
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
    private (YamlNode Node, string Path)? _fund; // where the reward pool's fund is written (the pool, if it is not)

    /// <summary>
    /// ledger: {kind: direct | feeless | chain, fee, pow, block, delay}. Each kind reads its own
    /// settings (feeless: pow, delay; chain: fee, block, delay); the others are validated and kept but
    /// not used, so one file can be swept across kinds (<c>--vary ledger.kind=direct,feeless,chain</c>).
    /// </summary>
    private LedgerSpec? Ledger(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, LedgerKeys);
        if (f.Required("kind") is not { } kindNode || _read.Text(kindNode, f.PathOf("kind")) is not { } kind) return null;
        var kinds = Enum.GetValues<LedgerKind>();
        if (!kinds.Any(k => LedgerSpec.NameOf(k) == kind))
        {
            _read.Error(kindNode, f.PathOf("kind"), $"unknown ledger kind '{kind}'; valid kinds: {string.Join(", ", kinds.Select(LedgerSpec.NameOf))}");
            return null;
        }
        var fee = f.Optional("fee") is { } feeNode ? _read.Number(feeNode, f.PathOf("fee"), 0, MaxPrice) : 0.01;
        var pow = f.Optional("pow") is { } powNode ? _read.Integer(powNode, f.PathOf("pow"), 0, 1_000_000) : 1;
        var block = f.Optional("block") is { } blockNode ? _read.Integer(blockNode, f.PathOf("block"), 1, int.MaxValue) : 1000;
        var delay = f.Optional("delay") is { } delayNode ? _read.Integer(delayNode, f.PathOf("delay"), 1, MaxTicks) : 1;
        if (fee is null || pow is null || block is null || delay is null) return null;
        var type = kinds.Single(k => LedgerSpec.NameOf(k) == kind);
        return new LedgerSpec(type, Micros.FromUnits(fee.Value), (int)pow.Value, (int)block.Value, (int)delay.Value);
    }

    /// <summary>reward_pool: {fund: money units ≥ 0, payout: share of the pool paid per tick, in (0, 1]}.</summary>
    private RewardPoolSpec? RewardPool(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, RewardPoolKeys);
        var fund = f.Optional("fund") is { } fundNode ? _read.Number(fundNode, f.PathOf("fund"), 0, MaxMoney) : 0;
        _fund = (f.Optional("fund") ?? node, f.Has("fund") ? f.PathOf("fund") : path);
        var payout = f.Optional("payout") is { } payoutNode ? _read.Number(payoutNode, f.PathOf("payout"), 0.000001, 1) : 1; // paid in millionths: less would never pay
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
        // The fund is part of the initial money supply, which the devices' wallets alone may not exceed (see Populations).
        if (pool is not null && _fund is var (fundNode, fundPath))
        {
            var money = populations.Sum(p => p.Count * (decimal)Micros.FromUnits(p.Wallet.Max)) + pool.Fund;
            if (money > (decimal)Micros.FromUnits(MaxMoney))
            {
                _read.Error(fundNode, fundPath, string.Create(CultureInfo.InvariantCulture,
                    $"the total initial money (the devices' Σ count × largest wallet draw, and the reward pool's fund) must be at most {NodeReader.Format(MaxMoney)}, got {money / Micros.PerUnit}"));
                return false;
            }
        }
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
