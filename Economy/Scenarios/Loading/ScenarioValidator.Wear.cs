using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>The keys of docs/devices.md: <c>wear</c> and <c>data_policy</c>, and what they need of the rest of the scenario.</summary>
internal sealed partial class ScenarioValidator
{
    private static readonly string[] WearKeys = ["life", "use", "reorder", "value", "start"];
    private static readonly string[] DataPolicyKeys = ["share", "min_price"];

    /// <summary>wear: {life: whole units ≥ 1, use: units per tick (a distribution), reorder: share in [0, 1], value: money units (a distribution)}.</summary>
    private WearSpec? Wear(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, WearKeys);
        var life = f.Required("life") is { } l ? _read.Integer(l, f.PathOf("life"), 1, (long)MaxUnits) : null;
        var use = f.Required("use") is { } u ? _read.Distribution(u, f.PathOf("use"), MaxUnits) : null;
        var reorder = f.Required("reorder") is { } r ? _read.Number(r, f.PathOf("reorder"), 0, 1) : null;
        var value = f.Required("value") is { } v ? _read.Distribution(v, f.PathOf("value"), MaxPrice) : null;
        bool? spread = null;
        var startOk = true;
        if (f.Optional("start") is { } startNode && _read.Text(startNode, f.PathOf("start")) is { } start)
        {
            if (start == "spread") spread = true;
            else if (start != "new")
            {
                _read.Error(startNode, f.PathOf("start"), $"unknown start '{start}'; valid: new (every part new), spread (parts of every age, none due for a replacement)");
                startOk = false;
            }
        }
        else if (f.Has("start")) startOk = false;
        if (use is not null && use.Max < 0.5)
        {
            _read.Error(f.Optional("use")!, f.PathOf("use"), $"use is rounded to whole units of life per tick, so a use of at most {NodeReader.Format(use.Max)} never wears the part; give at least 0.5");
            use = null;
        }
        if (life is null || use is null || reorder is null || value is null || !startOk) return null;
        return new WearSpec((int)life.Value, use, reorder.Value, value, spread);
    }

    /// <summary>data_policy: {share: in [0, 1] (default 1), min_price: money units (default 0)}.</summary>
    private DataPolicySpec? DataPolicy(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, DataPolicyKeys);
        var share = f.Optional("share") is { } s ? _read.Number(s, f.PathOf("share"), 0, 1) : 1;
        var minPrice = f.Optional("min_price") is { } m ? _read.Number(m, f.PathOf("min_price"), 0, MaxPrice) : 0;
        return share is null || minPrice is null ? null : new DataPolicySpec(share.Value, minPrice.Value);
    }

    /// <summary>
    /// A worn part is replaced with a unit bought in the service market, so wear needs one (and not a
    /// negotiated one: a production device quotes in markets), and a worn device's service is its
    /// replacement alone. A data floor at or above the data market's highest price could never be
    /// asked. Neither key fits a schedule trader, which neither produces nor works.
    /// </summary>
    private bool WearAndData(List<MarketSpec> markets, List<PopulationSpec> populations, YamlSequenceNode list, string path)
    {
        var byResource = markets.ToDictionary(m => m.Resource);
        var ok = true;
        for (var i = 0; i < populations.Count; i++)
        {
            var population = populations[i];
            var mapping = (YamlMappingNode)list.Children[i];
            var itemPath = FieldPath.Index(path, i);
            if (population.Wear is not null)
            {
                var at = Child(mapping, "wear")!;
                var wearPath = FieldPath.Key(itemPath, "wear");
                if (!byResource.TryGetValue(Resource.Service, out var service) || service.Mechanism == MarketMechanism.Negotiation)
                {
                    _read.Error(at, wearPath, service is null
                        ? "wear needs a market for 'service', where a replacement is bought; add one to markets (e.g. - resource: service, price_range: [1, 100])"
                        : "wear needs a market for 'service' its devices can bid in, not one with mechanism: negotiation");
                    ok = false;
                }
                if (population.Consumes.ContainsKey(Resource.Service))
                {
                    var consumes = (YamlMappingNode)Child(mapping, "consumes")!; // it has service, so it is a mapping
                    _read.Error(consumes.Children.Keys.First(k => k is YamlScalarNode { Value: "service" }), FieldPath.Key(FieldPath.Key(itemPath, "consumes"), "service"),
                        "a population with wear buys service for its part only; it does not also consume service");
                    ok = false;
                }
            }
            foreach (var key in (string[])["wear", "data_policy"])
            {
                if (!population.HasSchedules || Child(mapping, key) is not { } node) continue;
                _read.Error(node, FieldPath.Key(itemPath, key), $"{key} applies to populations that produce and consume, not to unit-schedule traders (buys, sells)");
                ok = false;
            }
            if (population.DataPolicy is { MinPrice: > 0 } policy && byResource.TryGetValue(Resource.Data, out var data)
                && Micros.FromUnits(policy.MinPrice) >= Micros.FromUnits(data.MaxPrice))
            {
                var at = Child((YamlMappingNode)Child(mapping, "data_policy")!, "min_price")!;
                _read.Error(at, FieldPath.Key(FieldPath.Key(itemPath, "data_policy"), "min_price"),
                    $"must be below the data market's highest price ({NodeReader.Format(data.MaxPrice)}), got {NodeReader.Format(policy.MinPrice)}; no ask could reach it");
                ok = false;
            }
        }
        return ok;
    }
}
