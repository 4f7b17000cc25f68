using M2MSim.Economy.Resources;
using M2MSim.Economy.Scenarios;

namespace M2MSim.Economy.Simulation;

/// <summary>Markets are always listed by resource, whatever order the scenario file uses.</summary>
public static class MarketOrder
{
    public static MarketSpec[] Of(Scenario scenario) => scenario.Markets.OrderBy(m => m.Resource).ToArray();

    public static int IndexOf(IReadOnlyList<MarketSpec> markets, Resource resource)
    {
        for (var i = 0; i < markets.Count; i++)
        {
            if (markets[i].Resource == resource) return i;
        }
        throw new InvalidOperationException($"There is no {resource.Name()} market.");
    }
}
