namespace M2MSim.Economy.Scenarios.Catalogue;

/// <summary>
/// The device catalogue (docs/devices.md): for each known device type, the default profile a
/// population of that type starts from. A population's own keys replace the profile's keys whole;
/// the profile only fills keys the population left out. Custom type names have no profile.
/// </summary>
/// <remarks>
/// Profiles are scenario YAML, so they are checked exactly like what a user writes. The types of
/// scenarios/quickstart.yaml have profiles that hold its values and no other keys: a quickstart
/// population gives every key its profile has, and the profile has no key (every, wear, data_policy)
/// a quickstart population leaves out, so quickstart runs exactly as it did before the catalogue.
/// </remarks>
public static class DeviceCatalogue
{
    /// <summary>The keys a profile may fill: the device's behaviour, never its count or faults.</summary>
    public static readonly string[] ProfileKeys = ["strategy", "wallet", "every", "produces", "consumes", "values", "costs", "wear", "data_policy"];

    private static readonly Dictionary<string, string> Profiles = new(StringComparer.Ordinal)
    {
        // Treats water on every tick and logs one water-quality point; its cartridge wears out and
        // needs a service visit; the owner sells half the readings and keeps the rest private.
        ["water-purifier"] = """
            strategy: zi-c
            wallet: {uniform: [20, 60]}
            produces: {data: 1}
            costs: {data: {uniform: [0.1, 0.4]}}
            wear: {life: 100, use: {uniform: [2, 4]}, reorder: 0.2, value: 40}
            data_policy: {share: 0.5}
            """,
        ["car"] = """
            strategy: zi-c
            wallet: {uniform: [20, 60]}
            every: 2
            produces: {data: 3}
            costs: {data: {uniform: [0.2, 0.8]}}
            consumes: {compute: 2, bandwidth: 2}
            values: {compute: {uniform: [0.5, 2]}, bandwidth: {uniform: [0.5, 1.5]}}
            """,
        ["smart-meter"] = """
            strategy: zi-c
            wallet: {uniform: [2, 10]}
            every: 5
            produces: {data: 1}
            costs: {data: {uniform: [0.05, 0.3]}}
            consumes: {bandwidth: 1}
            values: {bandwidth: {uniform: [0.3, 1.0]}}
            """,
        ["industrial-machine"] = """
            strategy: {kind: fixed-margin, margin: 0.1}
            wallet: 100
            produces: {data: 5}
            costs: {data: {uniform: [0.5, 1.5]}}
            consumes: {compute: 10, bandwidth: 5}
            values: {compute: {uniform: [1, 3]}, bandwidth: {uniform: [0.8, 2]}}
            """,
        ["edge-server"] = """
            strategy: {kind: fixed-margin, margin: 0.2}
            wallet: 50
            produces: {compute: 40}
            costs: {compute: {uniform: [0.2, 0.6]}}
            """,
        // Its uplink is what it sells: the bandwidth market allocates it among the devices behind it.
        ["gateway"] = """
            strategy: zi-c
            wallet: 50
            produces: {bandwidth: 20}
            costs: {bandwidth: {uniform: [0.1, 0.4]}}
            """,
        // Three replacement visits a tick; a visit not sold in its tick is lost (service is perishable).
        ["service-centre"] = """
            strategy: zi-c
            wallet: 100
            produces: {service: 3}
            costs: {service: {uniform: [5, 15]}}
            """,
        ["data-buyer"] = """
            strategy: zi-c
            wallet: 5000
            consumes: {data: 40}
            values: {data: {normal: {mean: 1.2, sd: 0.3}}}
            """,
    };

    /// <summary>The known types, in catalogue order.</summary>
    public static IReadOnlyCollection<string> Types => Profiles.Keys;

    /// <summary>The profile of a known type as scenario YAML (a mapping of <see cref="ProfileKeys"/>), or null for a custom type.</summary>
    public static string? Profile(string type) => Profiles.GetValueOrDefault(type);
}
