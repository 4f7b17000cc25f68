using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Simulation;

/// <summary>Markets are always listed by resource, whatever order the scenario file uses.</summary>
public static class MarketOrder
{
    public static MarketSpec[] Of(Scenario scenario) => scenario.Markets.OrderBy(m => m.Resource).ToArray();
}
