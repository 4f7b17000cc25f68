using System.Globalization;
using System.Text.RegularExpressions;
using M2MSim.Economy.Devices;
using M2MSim.Economy.Markets;
using M2MSim.Economy.Money;
using M2MSim.Economy.Resources;
using M2MSim.Economy.Strategies;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Turns the parsed tree into a <see cref="Scenario"/>, checking every key and value. It reports
/// all problems it finds and returns null if there were any.
/// </summary>
internal sealed partial class ScenarioValidator
{
    public const int MaxTicks = 100_000_000;

    // Money is a long of micro-units (at most ~9.2e12 money units), so the limits below keep every
    // amount a run computes inside it. All the money there is, 10^12 units = 10^18 micro-units,
    // bounds every balance, escrow and trade value (each is a part of it). A price or a value per
    // unit of at most 10^6 units (10^12 micro) times an order of at most Device.MaxOrderQuantity
    // (10^6) units is at most 10^18 too.

    /// <summary>Largest price in a price_range, and largest value or cost per unit (money units).</summary>
    public const double MaxPrice = 1e6;

    /// <summary>Largest total initial money: Σ over populations of count × largest wallet draw.</summary>
    public const double MaxMoney = 1e12;

    /// <summary>Largest production or consumption per active tick (units): an order's quantity limit.</summary>
    public const double MaxUnits = Device.MaxOrderQuantity;

    private static readonly string[] RootKeys = ["name", "description", "seed", "ticks", "markets", "devices", "output", "periods", "network", "ledger", "reward_pool"];
    private static readonly string[] NetworkKeys = ["loss"];
    private static readonly string[] MarketKeys = ["resource", "mechanism", "fee", "price_range", "nyse_rule", "clear_after_trade", "initial_price", "adjust", "award", "duration"];
    private static readonly string[] PopulationKeys = ["type", "count", "strategy", "wallet", "every", "produces", "consumes", "values", "costs", "buys", "sells", "quote", "gives", "redraw", "churn", "failure", "dishonest", "reputation", "wear", "data_policy"];
    private static readonly string[] ChurnKeys = ["offline", "spell"];
    private static readonly string[] ProductionKeys = ["produces", "consumes", "values", "costs"];
    private static readonly string[] PeriodKeys = ["length", "shifts"];
    private static readonly string[] ShiftKeys = ["period", "population", "buys", "sells"];
    private static readonly string[] StrategyKeys = ["kind", "margin", "beta", "deadline", "delta"];

    /// <summary>Longest negotiation a tactic may plan for, in rounds (one round per tick).</summary>
    public const int MaxDeadline = 10_000;
    private static readonly string[] OutputKeys = ["trades", "checkpoint_every"];

    private readonly NodeReader _read;

    private ScenarioValidator(ErrorSink errors)
    {
        _read = new NodeReader(errors);
    }

    public static Scenario? Validate(YamlNode root, ErrorSink errors)
    {
        var before = errors.Count;
        var scenario = new ScenarioValidator(errors).Root(root);
        return errors.Count == before ? scenario : null;
    }

    private Scenario? Root(YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            _read.Error(root, FieldPath.Root, $"the file must be a mapping of scenario keys ({string.Join(", ", RootKeys)}), got {NodeReader.Describe(root)}");
            return null;
        }
        var f = new MappingFields(_read.Errors, mapping, "", RootKeys);

        var name = f.Required("name") is { } nameNode ? Identifier(nameNode, f.PathOf("name")) : null;
        var description = f.Optional("description") is { } d ? _read.Text(d, f.PathOf("description")) : "";
        var seed = f.Optional("seed") is { } s ? _read.UnsignedInteger(s, f.PathOf("seed")) : 1UL;
        var ticks = f.Required("ticks") is { } t ? _read.Integer(t, f.PathOf("ticks"), 1, MaxTicks) : null;
        var markets = f.Required("markets") is { } m ? Markets(m, f.PathOf("markets")) : null;
        var populations = f.Required("devices") is { } p ? Populations(p, f.PathOf("devices")) : null;
        var output = f.Optional("output") is { } o ? Output(o, f.PathOf("output")) : new OutputSpec();
        var periodsOk = true;
        var periods = f.Optional("periods") is { } pn ? Periods(pn, f.PathOf("periods"), populations, out periodsOk) : null;
        var network = f.Optional("network") is { } nw ? Network(nw, f.PathOf("network")) : null;
        var ledger = f.Optional("ledger") is { } lg ? Ledger(lg, f.PathOf("ledger")) : null;
        var pool = f.Optional("reward_pool") is { } rp ? RewardPool(rp, f.PathOf("reward_pool")) : null;

        if (name is null || description is null || seed is null || ticks is null
            || markets is null || populations is null || output is null || !periodsOk || (f.Has("network") && network is null)
            || (f.Has("ledger") && ledger is null) || (f.Has("reward_pool") && pool is null)
            || !Across(markets, populations, (YamlSequenceNode)f.Optional("devices")!, f.PathOf("devices"))
            || !LedgerFits(ledger, pool, markets, populations, f.Optional("ledger") ?? f.Optional("reward_pool")!, f.Has("ledger") ? f.PathOf("ledger") : f.PathOf("reward_pool")))
            return null;
        return new Scenario(name, description, seed.Value, (int)ticks.Value, markets, populations, output, periods, network, ledger, pool);
    }

    /// <summary>Checks of populations against the markets; all run, so a file gets every error at once.</summary>
    private bool Across(List<MarketSpec> markets, List<PopulationSpec> populations, YamlSequenceNode list, string path) =>
        Negotiators(markets, populations, list, path) & WearAndData(markets, populations, list, path);

    /// <summary>network: {loss: probability in [0, 1)}.</summary>
    private NetworkSpec? Network(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, NetworkKeys);
        var loss = f.Optional("loss") is { } l ? _read.Number(l, f.PathOf("loss"), 0, 1, maxExclusive: true) : 0;
        return loss is null ? null : new NetworkSpec(loss.Value);
    }

    private List<MarketSpec>? Markets(YamlNode node, string path)
    {
        if (_read.Sequence(node, path) is not { } list) return null;
        if (list.Children.Count == 0)
        {
            _read.Error(list, path, "at least one market is required");
            return null;
        }
        var markets = new List<MarketSpec>();
        var byResource = new Dictionary<Resource, YamlNode>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemPath = FieldPath.Index(path, i);
            var market = Market(list.Children[i], itemPath, out var resourceNode);
            if (market is null)
            {
                ok = false;
                continue;
            }
            if (byResource.TryGetValue(market.Resource, out var first))
            {
                _read.Error(resourceNode!, FieldPath.Key(itemPath, "resource"),
                    $"a second market for '{market.Resource.Name()}' (the first is at {Where(first)}); there is at most one market per resource");
                ok = false;
                continue;
            }
            byResource.Add(market.Resource, resourceNode!);
            markets.Add(market);
        }
        return ok ? markets : null;
    }

    private MarketSpec? Market(YamlNode node, string path, out YamlNode? resourceNode)
    {
        resourceNode = null;
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, MarketKeys);

        resourceNode = f.Required("resource");
        var resource = resourceNode is null ? null : ResourceName(resourceNode, f.PathOf("resource"));
        var mechanism = f.Optional("mechanism") is { } mech ? Mechanism(mech, f.PathOf("mechanism")) : MarketMechanism.Cda;
        var fee = f.Optional("fee") is { } feeNode ? Fee(feeNode, f.PathOf("fee")) : 0;
        (double Min, double Max)? range = f.Required("price_range") is { } r ? PriceRange(r, f.PathOf("price_range")) : null;

        var nyseRule = MechanismFlag(f, "nyse_rule", mechanism, MarketMechanism.Cda);
        var clearAfterTrade = MechanismFlag(f, "clear_after_trade", mechanism, MarketMechanism.Cda);
        var initialPrice = InitialPrice(f, mechanism, range);
        double? adjust = MarketSpec.DefaultAdjust;
        if (f.Optional("adjust") is { } adjustNode)
        {
            adjust = _read.Number(adjustNode, f.PathOf("adjust"), 0, 1);
            if (!OnlyFor(adjustNode, f.PathOf("adjust"), "adjust", mechanism, MarketMechanism.Posted)) adjust = null;
        }
        var tender = Tender(f, mechanism);

        if (resource is null || mechanism is null || fee is null || range is null
            || nyseRule is null || clearAfterTrade is null || !initialPrice.Ok || adjust is null || !tender.Ok)
            return null;
        return new MarketSpec(resource.Value, mechanism.Value, fee.Value, range.Value.Min, range.Value.Max,
            nyseRule.Value, clearAfterTrade.Value, initialPrice.Value, adjust.Value, tender.Award, tender.Duration);
    }

    /// <summary>
    /// A tender's award rule and job duration, resolved to their defaults on a tender (so the
    /// manifest says what ran) and null on any other mechanism, where giving them is an error.
    /// </summary>
    private (bool Ok, TenderAward? Award, int? Duration) Tender(MappingFields f, MarketMechanism? mechanism)
    {
        var ok = true;
        TenderAward? award = mechanism == MarketMechanism.Tender ? MarketSpec.DefaultAward : null;
        if (f.Optional("award") is { } awardNode)
        {
            award = AwardName(awardNode, f.PathOf("award"));
            ok &= award is not null & OnlyFor(awardNode, f.PathOf("award"), "award", mechanism, MarketMechanism.Tender);
        }
        int? duration = mechanism == MarketMechanism.Tender ? MarketSpec.DefaultDuration : null;
        if (f.Optional("duration") is { } durationNode)
        {
            duration = (int?)_read.Integer(durationNode, f.PathOf("duration"), 1, MaxTicks);
            ok &= duration is not null & OnlyFor(durationNode, f.PathOf("duration"), "duration", mechanism, MarketMechanism.Tender);
        }
        return ok && mechanism == MarketMechanism.Tender ? (true, award, duration) : (ok, null, null);
    }

    private TenderAward? AwardName(YamlNode node, string path)
    {
        if (_read.Text(node, path) is not { } text) return null;
        foreach (var award in Enum.GetValues<TenderAward>())
        {
            if (text == award.ToString().ToLowerInvariant()) return award;
        }
        _read.Error(node, path, $"unknown award '{text}'; valid awards: {string.Join(", ", Enum.GetValues<TenderAward>().Select(a => a.ToString().ToLowerInvariant()))}");
        return null;
    }

    /// <summary>
    /// Negotiation tactics and negotiated markets go together: a tactic bargains for units of its
    /// schedules and quotes in no market, and a market strategy cannot bargain. Checked per resource a
    /// population trades, at the key that names it.
    /// </summary>
    private bool Negotiators(List<MarketSpec> markets, List<PopulationSpec> populations, YamlSequenceNode list, string path)
    {
        var negotiated = markets.Where(m => m.Mechanism == MarketMechanism.Negotiation).Select(m => m.Resource).ToHashSet();
        var mechanisms = markets.ToDictionary(m => m.Resource, m => m.Mechanism);
        var tactics = string.Join(", ", Enum.GetValues<StrategyKind>().Select(k => new StrategySpec(k)).Where(x => x.IsTactic).Select(x => x.Name));
        var ok = true;
        for (var i = 0; i < populations.Count; i++)
        {
            var population = populations[i];
            var mapping = (YamlMappingNode)list.Children[i];
            var itemPath = FieldPath.Index(path, i);
            var strategy = population.Strategy;
            if (strategy.IsTactic && !population.HasSchedules)
            {
                _read.Error(Child(mapping, "strategy")!, FieldPath.Key(itemPath, "strategy"),
                    $"{strategy.Name} is a negotiation tactic: its population trades units of schedules (buys, sells) on markets with mechanism: negotiation");
                ok = false;
                continue;
            }
            foreach (var key in (string[])["buys", "sells", "produces", "consumes"])
            {
                if (Child(mapping, key) is not YamlMappingNode resources) continue;
                foreach (var (keyNode, _) in resources.Children)
                {
                    var name = ((YamlScalarNode)keyNode).Value ?? "";
                    if (!Resources.Resources.TryParse(name, out var resource) || negotiated.Contains(resource) == strategy.IsTactic) continue;
                    var market = mechanisms.TryGetValue(resource, out var m) ? $"its market's mechanism is {MechanismName(m)}" : "it has no market";
                    _read.Error(keyNode, FieldPath.Key(FieldPath.Key(itemPath, key), name), strategy.IsTactic
                        ? $"'{name}' is not traded by negotiation ({market}), and {strategy.Name} is a negotiation tactic; give '{name}' a market with mechanism: negotiation or use a market strategy"
                        : $"'{name}' is traded by negotiation, so this population's strategy must be a negotiation tactic ({tactics}), not {strategy.Name}");
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var k } && k == key).Value;

    /// <summary>A boolean option of one mechanism: false when absent, an error when given for another mechanism.</summary>
    private bool? MechanismFlag(MappingFields f, string key, MarketMechanism? mechanism, MarketMechanism owner)
    {
        if (f.Optional(key) is not { } node) return false;
        var value = _read.Bool(node, f.PathOf(key));
        return OnlyFor(node, f.PathOf(key), key, mechanism, owner) ? value : null;
    }

    /// <summary>
    /// The posted price's first price: a price like any other, so it must lie in the range (checked
    /// in micro-units, as the market holds it). Absent means the midpoint of the range.
    /// </summary>
    private (bool Ok, double? Value) InitialPrice(MappingFields f, MarketMechanism? mechanism, (double Min, double Max)? range)
    {
        if (f.Optional("initial_price") is not { } node) return (true, null);
        var path = f.PathOf("initial_price");
        var price = _read.Number(node, path, 0, MaxPrice, minExclusive: true);
        if (!OnlyFor(node, path, "initial_price", mechanism, MarketMechanism.Posted) || price is not { } p) return (false, null);
        if (range is not { } r) return (false, null);
        var micros = Micros.FromUnits(p);
        if (micros < Micros.FromUnits(r.Min) || micros > Micros.FromUnits(r.Max))
        {
            _read.Error(node, path, $"must be within price_range [{NodeReader.Format(r.Min)}, {NodeReader.Format(r.Max)}], got {NodeReader.Format(p)}");
            return (false, null);
        }
        return (true, p);
    }

    /// <summary>Options belong to one mechanism; given for another they would be silently ignored, so they are errors.</summary>
    private bool OnlyFor(YamlNode node, string path, string key, MarketMechanism? mechanism, MarketMechanism owner)
    {
        if (mechanism is not { } m || m == owner) return true;
        _read.Error(node, path, $"{key} applies only to mechanism {MechanismName(owner)}, not to {MechanismName(m)}");
        return false;
    }

    private static string MechanismName(MarketMechanism mechanism) => mechanism.ToString().ToLowerInvariant();

    /// <summary>
    /// A fee is checked as the market will use it, in parts per million: 0.9999996 is below 1 but
    /// rounds to 1,000,000 ppm, a 100 % fee that would leave sellers nothing.
    /// </summary>
    private double? Fee(YamlNode node, string path)
    {
        if (_read.Number(node, path, 0, 1, maxExclusive: true) is not { } fee) return null;
        var ppm = MarketSpec.ToPpm(fee);
        if (ppm < MarketTerms.PpmPerUnit) return fee;
        _read.Error(node, path, string.Create(CultureInfo.InvariantCulture,
            $"must be less than 1 once rounded to parts per million (0.000001), got {NodeReader.Format(fee)}, which rounds to {ppm} ppm"));
        return null;
    }

    private (double Min, double Max)? PriceRange(YamlNode node, string path)
    {
        if (_read.Sequence(node, path, "a list [min, max]") is not { } pair) return null;
        if (pair.Children.Count != 2)
        {
            _read.Error(pair, path, $"expected two numbers [min, max], got {pair.Children.Count}");
            return null;
        }
        var min = _read.Number(pair.Children[0], FieldPath.Index(path, 0), 0, MaxPrice, minExclusive: true);
        var max = _read.Number(pair.Children[1], FieldPath.Index(path, 1), 0, MaxPrice, minExclusive: true);
        if (min is not { } lo || max is not { } hi) return null;
        if (lo >= hi)
        {
            _read.Error(pair, path, $"min must be less than max, got [{NodeReader.Format(lo)}, {NodeReader.Format(hi)}]");
            return null;
        }

        // Prices are whole micro-units, so the range is checked as the market will hold it: a
        // min that rounds to 0 or two ends that round to one price leave a market with no trades.
        var (minMicros, maxMicros) = (Micros.FromUnits(lo), Micros.FromUnits(hi));
        if (minMicros < 1)
        {
            _read.Error(pair.Children[0], FieldPath.Index(path, 0),
                $"must be at least 0.000001 (one micro-unit, the smallest price), got {NodeReader.Format(lo)}, which rounds to 0 micro-units");
            return null;
        }
        if (minMicros >= maxMicros)
        {
            _read.Error(pair, path,
                $"min and max round to the same micro-unit ({Micros.Format(minMicros)}), got [{NodeReader.Format(lo)}, {NodeReader.Format(hi)}]; prices are whole micro-units (0.000001)");
            return null;
        }
        return (lo, hi);
    }

    private List<PopulationSpec>? Populations(YamlNode node, string path)
    {
        if (_read.Sequence(node, path) is not { } list) return null;
        if (list.Children.Count == 0)
        {
            _read.Error(list, path, "at least one population is required");
            return null;
        }
        var populations = new List<PopulationSpec>();
        var byType = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            var itemPath = FieldPath.Index(path, i);
            var population = Population(list.Children[i], itemPath, out var typeNode);
            if (population is null)
            {
                ok = false;
                continue;
            }
            if (byType.TryGetValue(population.Type, out var first))
            {
                _read.Error(typeNode!, FieldPath.Key(itemPath, "type"),
                    $"type '{population.Type}' is already used (at {Where(first)}); population types must be unique");
                ok = false;
                continue;
            }
            byType.Add(population.Type, typeNode!);
            populations.Add(population);
        }
        if (!ok) return null;
        var total = populations.Sum(p => (long)p.Count);
        if (total < 1 || total > int.MaxValue)
        {
            _read.Error(list, path, $"the total device count must be between 1 and {int.MaxValue}, got {total}");
            return null;
        }

        // Each wallet is within MaxMoney on its own, but the money supply is their sum. Counted in
        // micro-units as the builder rounds each draw (rounding is monotonic, so the largest draw
        // rounds to the largest amount); decimal holds 2^31 × 10^18 exactly.
        var money = populations.Sum(p => p.Count * (decimal)Micros.FromUnits(p.Wallet.Max));
        if (money > (decimal)Micros.FromUnits(MaxMoney))
        {
            var largest = populations.Select((p, i) => (p, i)).MaxBy(x => x.p.Count * (decimal)Micros.FromUnits(x.p.Wallet.Max));
            _read.Error(list, path, string.Create(CultureInfo.InvariantCulture,
                $"the total initial money (Σ count × largest wallet draw) must be at most {NodeReader.Format(MaxMoney)}, got {money / Micros.PerUnit}; the largest share is {FieldPath.Index(path, largest.i)} ('{largest.p.Type}'), {largest.p.Count} × {NodeReader.Format(largest.p.Wallet.Max)}"));
            return null;
        }
        return populations;
    }

    private PopulationSpec? Population(YamlNode node, string path, out YamlNode? typeNode)
    {
        typeNode = null;
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, PopulationKeys);

        typeNode = f.Required("type");
        var type = typeNode is null ? null : Identifier(typeNode, f.PathOf("type"));
        var count = f.Required("count") is { } c ? _read.Integer(c, f.PathOf("count"), 0, int.MaxValue) : null;
        var strategy = f.Required("strategy") is { } s ? Strategy(s, f.PathOf("strategy")) : null;
        var wallet = f.Optional("wallet") is { } w ? _read.Distribution(w, f.PathOf("wallet"), MaxMoney) : Distribution.Fixed(0);
        var every = f.Optional("every") is { } e ? _read.Integer(e, f.PathOf("every"), 1, int.MaxValue) : 1;
        // A gift smaller than one micro-unit would round to nothing.
        var gives = f.Optional("gives") is { } g ? _read.Number(g, f.PathOf("gives"), 1.0 / Micros.PerUnit, MaxPrice) : 0;
        var produces = ResourceMap(f, "produces", MaxUnits);
        var consumes = ResourceMap(f, "consumes", MaxUnits);
        var values = ResourceMap(f, "values", MaxPrice);
        var costs = ResourceMap(f, "costs", MaxPrice);
        var buys = Schedules(f, "buys");
        var sells = Schedules(f, "sells");
        var schedulesOk = buys is not null && sells is not null && ScheduleKind(f, buys, sells);
        var hasSchedules = f.Has("buys") || f.Has("sells");
        // Resolved for schedule traders only, so a production population's JSON carries no quote mode.
        var quote = f.Optional("quote") is { } q ? Quote(q, f.PathOf("quote"), hasSchedules) : hasSchedules ? QuoteMode.One : (QuoteMode?)null;

        var redraw = f.Optional("redraw") is { } rd ? Redraw(rd, f.PathOf("redraw"), values, costs) : false;
        var churn = f.Optional("churn") is { } ch ? Churn(ch, f.PathOf("churn")) : null;
        // Below 1: a device that fails in every tick with certainty is better written as count 0.
        var failure = f.Optional("failure") is { } fl ? _read.Number(fl, f.PathOf("failure"), 0, 1, maxExclusive: true) : 0;
        var dishonest = f.Optional("dishonest") is { } dh ? _read.Number(dh, f.PathOf("dishonest"), 0, 1) : 0;
        var reputation = f.Optional("reputation") is { } rp ? _read.Bool(rp, f.PathOf("reputation")) : false;
        var wear = f.Optional("wear") is { } wr ? Wear(wr, f.PathOf("wear")) : null;
        var dataPolicy = f.Optional("data_policy") is { } dp ? DataPolicy(dp, f.PathOf("data_policy")) : null;

        // Both checks run, so a population with a bad value and a bad cost gets both errors.
        var valuesOk = values is not null && consumes is not null && Matches(f, mapping, "values", values, consumes, "consumes");
        var costsOk = costs is not null && produces is not null && Matches(f, mapping, "costs", costs, produces, "produces");

        if (type is null || count is null || strategy is null || wallet is null || every is null || gives is null || redraw is null || !valuesOk || !costsOk
            || !schedulesOk || (f.Has("quote") && quote is null) || (f.Has("churn") && churn is null) || failure is null || dishonest is null || reputation is null
            || (f.Has("wear") && wear is null) || (f.Has("data_policy") && dataPolicy is null))
            return null;
        return new PopulationSpec(type, (int)count.Value, strategy, wallet, (int)every.Value,
            produces!.ToDictionary(kv => kv.Key, kv => kv.Value.Value),
            consumes!.ToDictionary(kv => kv.Key, kv => kv.Value.Value),
            values!.ToDictionary(kv => kv.Key, kv => kv.Value.Value),
            costs!.ToDictionary(kv => kv.Key, kv => kv.Value.Value),
            f.Has("buys") ? buys!.ToDictionary(kv => kv.Key, kv => kv.Value.Units) : null,
            f.Has("sells") ? sells!.ToDictionary(kv => kv.Key, kv => kv.Value.Units) : null,
            quote,
            Gives: gives.Value > 0 ? gives.Value : null,
            Redraw: redraw.Value ? true : null,
            Churn: churn,
            Failure: failure.Value > 0 ? failure.Value : null,
            Dishonest: dishonest.Value > 0 ? dishonest.Value : null,
            Reputation: reputation.Value ? true : null,
            Wear: wear,
            DataPolicy: dataPolicy);
    }

    /// <summary>churn: {offline: probability in [0, 1), spell: ticks ≥ 1 (default 1)}.</summary>
    private ChurnSpec? Churn(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, ChurnKeys);
        var offline = f.Required("offline") is { } o ? _read.Number(o, f.PathOf("offline"), 0, 1, maxExclusive: true) : null;
        var spell = f.Optional("spell") is { } s ? _read.Integer(s, f.PathOf("spell"), 1, MaxTicks) : 1;
        return offline is null || spell is null ? null : new ChurnSpec(offline.Value, (int)spell.Value);
    }

    /// <summary>
    /// <c>redraw: true</c> draws values and costs afresh every active tick, so it needs some to draw:
    /// without any (a schedule trader, a pure giver) it would silently do nothing.
    /// </summary>
    private bool? Redraw(YamlNode node, string path,
        SortedDictionary<Resource, (YamlNode Key, Distribution Value)>? values,
        SortedDictionary<Resource, (YamlNode Key, Distribution Value)>? costs)
    {
        if (_read.Bool(node, path) is not { } redraw) return null;
        if (redraw && values is { Count: 0 } && costs is { Count: 0 })
        {
            _read.Error(node, path, "redraw: true draws the population's values and costs afresh every active tick, but it has none (give it values or costs)");
            return null;
        }
        return redraw;
    }

    /// <summary>
    /// A population trades either from unit schedules or by producing and consuming: the two kinds
    /// price units differently, and mixing them in one device would make its surplus meaningless.
    /// A device never buys and sells the same resource, since it could then trade with itself.
    /// </summary>
    private bool ScheduleKind(MappingFields f,
        SortedDictionary<Resource, (YamlNode Key, IReadOnlyList<double> Units)> buys,
        SortedDictionary<Resource, (YamlNode Key, IReadOnlyList<double> Units)> sells)
    {
        var ok = true;
        var scheduleKey = f.Has("buys") ? "buys" : f.Has("sells") ? "sells" : null;
        if (scheduleKey is not null && ProductionKeys.FirstOrDefault(f.Has) is { } other)
        {
            _read.Error(f.Optional(scheduleKey)!, f.PathOf(scheduleKey),
                $"a population trades either from unit schedules (buys, sells) or by producing and consuming (produces, consumes, values, costs), not both; it also has '{other}' (use separate populations)");
            ok = false;
        }
        foreach (var (resource, (keyNode, _)) in sells)
        {
            if (!buys.ContainsKey(resource)) continue;
            _read.Error(keyNode, FieldPath.Key(f.PathOf("sells"), resource.Name()),
                $"'{resource.Name()}' is in both buys and sells; a device buys or sells a resource, not both (it could trade with itself)");
            ok = false;
        }
        return ok;
    }

    /// <summary>resource → [unit, unit, …]: 1 … 512 money amounts (one order slot per unit).</summary>
    private SortedDictionary<Resource, (YamlNode Key, IReadOnlyList<double> Units)>? Schedules(MappingFields f, string key)
    {
        var result = new SortedDictionary<Resource, (YamlNode, IReadOnlyList<double>)>();
        if (f.Optional(key) is not { } node) return result;
        var path = f.PathOf(key);
        if (_read.Mapping(node, path) is not { } mapping) return null;
        if (mapping.Children.Count == 0)
        {
            _read.Error(mapping, path, "expected at least one resource with its unit schedule, e.g. {data: [200, 180, 150]}");
            return null;
        }
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            var entryPath = FieldPath.Key(path, name);
            var resource = ResourceName(keyNode, entryPath);
            var units = UnitList(valueNode, entryPath);
            if (resource is null || units is null)
            {
                ok = false;
                continue;
            }
            result.Add(resource.Value, (keyNode, units));
        }
        return ok ? result : null;
    }

    private List<double>? UnitList(YamlNode node, string path)
    {
        if (_read.Sequence(node, path, "a list of unit values or costs, e.g. [200, 180, 150]") is not { } list) return null;
        if (list.Children.Count is 0 or > OrderIds.SlotsPerSide)
        {
            _read.Error(list, path, $"a schedule has 1 to {OrderIds.SlotsPerSide} units, got {list.Children.Count}");
            return null;
        }
        var units = new List<double>();
        var ok = true;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (_read.Number(list.Children[i], FieldPath.Index(path, i), 0, MaxPrice) is { } v) units.Add(v);
            else ok = false;
        }
        return ok ? units : null;
    }

    private QuoteMode? Quote(YamlNode node, string path, bool hasSchedules)
    {
        if (_read.Text(node, path) is not { } text) return null;
        QuoteMode? mode = text switch { "one" => QuoteMode.One, "all" => QuoteMode.All, _ => null };
        if (mode is null)
        {
            _read.Error(node, path, $"unknown quote mode '{text}'; valid modes: one, all");
            return null;
        }
        if (!hasSchedules)
        {
            _read.Error(node, path, "quote applies only to populations with unit schedules (buys or sells)");
            return null;
        }
        return mode;
    }

    /// <summary>
    /// periods: {length: N, shifts: [...]}. Shifts are checked against the populations when those are
    /// valid; <paramref name="ok"/> is false if anything is wrong.
    /// </summary>
    private PeriodSpec? Periods(YamlNode node, string path, List<PopulationSpec>? populations, out bool ok)
    {
        ok = false;
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, PeriodKeys);
        var length = f.Required("length") is { } l ? _read.Integer(l, f.PathOf("length"), 1, MaxTicks) : null;
        var shifts = new List<ShiftSpec>();
        var shiftsOk = true;
        if (f.Optional("shifts") is { } shiftsNode)
        {
            var shiftsPath = f.PathOf("shifts");
            if (_read.Sequence(shiftsNode, shiftsPath) is not { } list) shiftsOk = false;
            else
            {
                var seen = new Dictionary<(string, int), YamlNode>();
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var shift = Shift(list.Children[i], FieldPath.Index(shiftsPath, i), populations, seen);
                    if (shift is null) shiftsOk = false;
                    else shifts.Add(shift);
                }
            }
        }
        if (length is null || !shiftsOk) return null;
        ok = true;
        return new PeriodSpec((int)length.Value, shifts);
    }

    private ShiftSpec? Shift(YamlNode node, string path, List<PopulationSpec>? populations, Dictionary<(string, int), YamlNode> seen)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, ShiftKeys);
        var period = f.Required("period") is { } p ? _read.Integer(p, f.PathOf("period"), 1, MaxTicks) : null;
        var populationNode = f.Required("population");
        var type = populationNode is null ? null : _read.Text(populationNode, f.PathOf("population"));
        var buys = Schedules(f, "buys");
        var sells = Schedules(f, "sells");
        if (!f.Has("buys") && !f.Has("sells"))
        {
            _read.Error(mapping, f.PathOf("buys"), "a shift gives the new schedule: buys, sells or both");
            return null;
        }
        if (period is null || type is null || buys is null || sells is null) return null;

        var ok = true;
        if (seen.TryGetValue((type, (int)period.Value), out var first))
        {
            _read.Error(mapping, path, $"population '{type}' is already shifted in period {period} (at {Where(first)}); give both buys and sells in one shift");
            ok = false;
        }
        else seen.Add((type, (int)period.Value), mapping);

        // Against the populations, when they are valid (otherwise their own errors are reported).
        if (populations is not null)
        {
            var population = populations.FirstOrDefault(x => x.Type == type);
            if (population is null || !population.HasSchedules)
            {
                var withSchedules = string.Join(", ", populations.Where(x => x.HasSchedules).Select(x => x.Type));
                _read.Error(populationNode!, f.PathOf("population"), population is null
                    ? $"unknown population '{type}'; populations with unit schedules: {(withSchedules.Length == 0 ? "none" : withSchedules)}"
                    : $"population '{type}' has no unit schedules (buys or sells) to shift");
                return null;
            }
            ok &= Shifted(f, "buys", buys, population.Buys, type);
            ok &= Shifted(f, "sells", sells, population.Sells, type);
        }
        if (!ok) return null;
        return new ShiftSpec((int)period.Value, type,
            f.Has("buys") ? buys.ToDictionary(kv => kv.Key, kv => kv.Value.Units) : null,
            f.Has("sells") ? sells.ToDictionary(kv => kv.Key, kv => kv.Value.Units) : null);
    }

    /// <summary>A shift replaces schedules the population has: a buyer stays a buyer of the same resources.</summary>
    private bool Shifted(MappingFields f, string key, SortedDictionary<Resource, (YamlNode Key, IReadOnlyList<double> Units)> shifted,
        IReadOnlyDictionary<Resource, IReadOnlyList<double>>? own, string type)
    {
        var ok = true;
        foreach (var (resource, (keyNode, _)) in shifted)
        {
            if (own is not null && own.ContainsKey(resource)) continue;
            _read.Error(keyNode, FieldPath.Key(f.PathOf(key), resource.Name()),
                $"population '{type}' has no {key} schedule for '{resource.Name()}'; a shift replaces a schedule the population has");
            ok = false;
        }
        return ok;
    }

    /// <summary>
    /// A resource needs a value exactly when it is consumed and a cost exactly when it is produced:
    /// the strategies price with them, and a price for a resource the device never trades is a mistake.
    /// </summary>
    private bool Matches(MappingFields f, YamlMappingNode population, string priceKey,
        SortedDictionary<Resource, (YamlNode Key, Distribution Value)> prices,
        SortedDictionary<Resource, (YamlNode Key, Distribution Value)> quantities, string quantityKey)
    {
        var ok = true;
        foreach (var (resource, (keyNode, _)) in prices)
        {
            if (quantities.ContainsKey(resource)) continue;
            _read.Error(keyNode, FieldPath.Key(f.PathOf(priceKey), resource.Name()),
                $"'{resource.Name()}' is not in {quantityKey}; {priceKey} are given only for resources the population {quantityKey[..^1]}s");
            ok = false;
        }
        foreach (var resource in quantities.Keys)
        {
            if (prices.ContainsKey(resource)) continue;
            // Point at the price map if there is one, else at the population.
            var at = f.Optional(priceKey) ?? population;
            _read.Error(at, FieldPath.Key(f.PathOf(priceKey), resource.Name()),
                $"missing {priceKey[..^1]} for '{resource.Name()}', which the population {quantityKey[..^1]}s");
            ok = false;
        }
        return ok;
    }

    private SortedDictionary<Resource, (YamlNode Key, Distribution Value)>? ResourceMap(MappingFields f, string key, double max)
    {
        // SortedDictionary: the model's maps come out in resource order whatever the file order.
        var result = new SortedDictionary<Resource, (YamlNode, Distribution)>();
        if (f.Optional(key) is not { } node) return result;
        var path = f.PathOf(key);
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            var entryPath = FieldPath.Key(path, name);
            var resource = ResourceName(keyNode, entryPath);
            var value = _read.Distribution(valueNode, entryPath, max);
            if (resource is null || value is null)
            {
                ok = false;
                continue;
            }
            result.Add(resource.Value, (keyNode, value));
        }
        return ok ? result : null;
    }

    private StrategySpec? Strategy(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return StrategyKindOf(node, path) is { } kind ? new StrategySpec(kind) : null;
        }
        if (node is not YamlMappingNode mapping)
        {
            _read.Error(node, path, $"expected a strategy name ({StrategyNames}) or a mapping {{kind: ..., margin: ...}}, got {NodeReader.Describe(node)}");
            return null;
        }
        var f = new MappingFields(_read.Errors, mapping, path, StrategyKeys);
        var k = f.Required("kind") is { } kindNode ? StrategyKindOf(kindNode, f.PathOf("kind")) : null;
        var ok = true;
        double margin = 0;
        if (f.Optional("margin") is { } marginNode)
        {
            // A negative margin quotes past the reservation price (a buyer bids above its value, a
            // seller asks below its cost): a losing deviation, there to test truthful bidding against.
            var value = _read.Number(marginNode, f.PathOf("margin"), -1, 1, minExclusive: true, maxExclusive: true);
            ok &= value is not null & Owns(f, "margin", k, StrategyKind.FixedMargin);
            margin = value ?? 0;
        }
        double? beta = null;
        if (f.Optional("beta") is { } betaNode)
        {
            // Boulware concedes late (β < 1), Conceder early (β > 1); Linear is β = 1 by definition.
            beta = k switch
            {
                StrategyKind.Boulware => _read.Number(betaNode, f.PathOf("beta"), 0, 1, minExclusive: true, maxExclusive: true),
                StrategyKind.Conceder => _read.Number(betaNode, f.PathOf("beta"), 1, 1000, minExclusive: true),
                _ => null,
            };
            ok &= beta is not null & Owns(f, "beta", k, StrategyKind.Boulware, StrategyKind.Conceder);
        }
        Distribution? deadline = null;
        if (f.Optional("deadline") is { } deadlineNode)
        {
            deadline = _read.Distribution(deadlineNode, f.PathOf("deadline"), MaxDeadline);
            // Draws are rounded to whole rounds and never below 1; a distribution centred below 1 is a mistake.
            if (deadline is { } d && d.A < 1)
            {
                _read.Error(deadlineNode, f.PathOf("deadline"), $"a deadline is at least 1 round, got {d}");
                deadline = null;
            }
            ok &= deadline is not null & Owns(f, "deadline", k, StrategyKind.Boulware, StrategyKind.Linear, StrategyKind.Conceder, StrategyKind.TitForTat);
        }
        int? delta = null;
        if (f.Optional("delta") is { } deltaNode)
        {
            var value = _read.Integer(deltaNode, f.PathOf("delta"), 1, 100);
            delta = (int?)value;
            ok &= value is not null & Owns(f, "delta", k, StrategyKind.TitForTat);
        }
        return k is null || !ok ? null : new StrategySpec(k.Value, margin, beta, deadline, delta);
    }

    /// <summary>A strategy parameter belongs to some kinds; given for another it would be silently ignored, so it is an error.</summary>
    private bool Owns(MappingFields f, string key, StrategyKind? kind, params StrategyKind[] owners)
    {
        if (kind is not { } k || owners.Contains(k)) return true;
        _read.Error(f.Optional(key)!, f.PathOf(key),
            $"{key} applies only to {string.Join(", ", owners.Select(o => new StrategySpec(o).Name))}, not to {new StrategySpec(k).Name}");
        return false;
    }

    private StrategyKind? StrategyKindOf(YamlNode node, string path)
    {
        if (_read.Text(node, path) is not { } text) return null;
        if (StrategySpec.TryParseKind(text, out var kind)) return kind;
        _read.Error(node, path, $"unknown strategy '{text}'; valid strategies: {StrategyNames}");
        return null;
    }

    private static string StrategyNames => string.Join(", ", Enum.GetValues<StrategyKind>().Select(k => new StrategySpec(k).Name));

    private Resource? ResourceName(YamlNode node, string path)
    {
        if (_read.Text(node, path) is not { } text) return null;
        if (Resources.Resources.TryParse(text, out var resource)) return resource;
        _read.Error(node, path, $"unknown resource '{text}'; valid resources: {string.Join(", ", Resources.Resources.All.Select(r => r.Name()))}");
        return null;
    }

    private MarketMechanism? Mechanism(YamlNode node, string path)
    {
        if (_read.Text(node, path) is not { } text) return null;
        foreach (var mechanism in Enum.GetValues<MarketMechanism>())
        {
            if (text == MechanismName(mechanism)) return mechanism;
        }
        _read.Error(node, path, $"unknown mechanism '{text}'; valid mechanisms: {string.Join(", ", Enum.GetValues<MarketMechanism>().Select(MechanismName))}");
        return null;
    }

    private OutputSpec? Output(YamlNode node, string path)
    {
        if (_read.Mapping(node, path) is not { } mapping) return null;
        var f = new MappingFields(_read.Errors, mapping, path, OutputKeys);
        var trades = f.Optional("trades") is { } t ? _read.Bool(t, f.PathOf("trades")) : true;
        var every = f.Optional("checkpoint_every") is { } e ? _read.Integer(e, f.PathOf("checkpoint_every"), 0, MaxTicks) : 0;
        return trades is null || every is null ? null : new OutputSpec(trades.Value, (int)every.Value);
    }

    /// <summary>Names and types end up in folder and file names, so they are restricted to a safe alphabet.</summary>
    private string? Identifier(YamlNode node, string path)
    {
        if (_read.Text(node, path) is not { } text) return null;
        if (IdentifierPattern().IsMatch(text) && text is not "." and not "..") return text;
        _read.Error(node, path, $"'{text}' may only contain letters A-Z a-z, digits, '.', '_' and '-' (and is not '.' or '..')");
        return null;
    }

    private string Where(YamlNode node) =>
        _read.Errors.IsFromOverride(node) ? "--set" : $"line {node.Start.Line}, column {node.Start.Column}";

    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    private static partial Regex IdentifierPattern();
}
