using M2MSim.Economy.Scenarios.Catalogue;
using YamlDotNet.RepresentationModel;

namespace M2MSim.Economy.Scenarios.Loading;

/// <summary>
/// Fills each population of a known device type with its catalogue profile (<see cref="DeviceCatalogue"/>)
/// before validation: every profile key the population left out is added to the parsed tree, so it is
/// validated like a written key and the resolved scenario (manifest.json) shows it. A key the population
/// gives is never touched, nor anything under it: its own value replaces the profile's whole. A
/// population that trades unit schedules (<c>buys</c>, <c>sells</c>) gets no profile: a profile is
/// production and consumption, which a schedule trader may not have.
/// </summary>
internal static class CatalogueDefaults
{
    /// <returns>The keys filled, by population index (populations that got none are left out).</returns>
    public static IReadOnlyDictionary<int, string[]> Apply(YamlNode? root, ErrorSink errors)
    {
        var filled = new Dictionary<int, string[]>();
        // A malformed file is reported by the validator; there is nothing to fill.
        if (root is not YamlMappingNode mapping || Child(mapping, "devices") is not YamlSequenceNode devices) return filled;
        for (var index = 0; index < devices.Children.Count; index++)
        {
            var item = devices.Children[index];
            if (item is not YamlMappingNode population || Child(population, "type") is not YamlScalarNode { Value: { } type } typeNode) continue;
            if (DeviceCatalogue.Profile(type) is not { } profile) continue; // a custom type: no defaults
            if (Child(population, "buys") is not null || Child(population, "sells") is not null) continue; // a textbook trader
            var keys = new List<string>();
            foreach (var (key, value) in Parse(profile).Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (Child(population, name) is not null) continue;
                errors.MarkFromDefault(key, typeNode, type);
                errors.MarkFromDefault(value, typeNode, type);
                population.Children.Add(key, value);
                keys.Add(name);
            }
            if (keys.Count > 0) filled[index] = [.. keys];
        }
        return filled;
    }

    /// <summary>A fresh tree for each population: nodes are told apart by identity, so two populations never share one.</summary>
    private static YamlMappingNode Parse(string profile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(profile));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var k } && k == key).Value;
}
